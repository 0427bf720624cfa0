package criteria

import (
	"errors"
	"fmt"
	"sync"

	"github.com/laatu-fi/laatu/internal/yamlfile"
)

// Cycle is the data of the review cycle (benchmarks.yaml): when a service
// is due for its next review, and the published benchmarks its employment
// rate is read against. It is data, not code, so that a new benchmark or
// THL's change of interval is an edit of the file.
type Cycle struct {
	Review         ReviewRule     `yaml:"review"`
	EmploymentRate RateBenchmarks `yaml:"employment_rate"`
}

// ReviewRule says when the next review is due: BelowMonths after an
// assessment whose total is below GoodFidelity (or that is incomplete),
// AtOrAboveMonths after a complete one at or above it.
type ReviewRule struct {
	GoodFidelity    int `yaml:"good_fidelity"`
	BelowMonths     int `yaml:"below_months"`
	AtOrAboveMonths int `yaml:"at_or_above_months"`
	// DueSoonDays is how many days before the date a service is listed as
	// due for review.
	DueSoonDays int `yaml:"due_soon_days"`
}

// RateBenchmarks are the published cut-offs for the employment rate of one
// period (a quarter), with where they come from.
type RateBenchmarks struct {
	Period string `yaml:"period"`
	// Publisher names the source in a few words, for reports.
	Publisher string `yaml:"publisher"`
	Source    Text   `yaml:"source"`
	URL       string `yaml:"url"`
	// Levels are highest first.
	Levels []RateLevel `yaml:"levels"`
}

// RateLevel is one benchmark: a rate of at least Min per cent.
type RateLevel struct {
	ID   string  `yaml:"id"`
	Min  float64 `yaml:"min"`
	Name Text    `yaml:"name"`
}

// Reached is the highest benchmark a rate (per cent) reaches, or nil when
// it reaches none.
func (b *RateBenchmarks) Reached(pct float64) *RateLevel {
	for i := range b.Levels {
		if pct >= b.Levels[i].Min {
			return &b.Levels[i]
		}
	}
	return nil
}

// Level is the benchmark with id, or nil.
func (b *RateBenchmarks) Level(id string) *RateLevel {
	for i := range b.Levels {
		if b.Levels[i].ID == id {
			return &b.Levels[i]
		}
	}
	return nil
}

// builtinCycle is benchmarks.yaml as go generate compiled it into
// sets_gen.go (Compile), built the first time it is asked for.
var builtinCycle = sync.OnceValue(compiledCycle)

// BuiltinCycle is the review-cycle data laatu is built with. It is shared
// and must not be changed by callers.
func BuiltinCycle() *Cycle { return builtinCycle() }

// ParseCycle reads and validates review-cycle data: whole months above
// zero, a positive total for good fidelity, and benchmarks with unique ids,
// both languages, a source, and minimums within 0–100 from highest to
// lowest. The error names the file and line of each fault.
func ParseCycle(b []byte, file string) (*Cycle, error) {
	var c Cycle
	doc, ps := yamlfile.Decode(file, b, &c)
	if !doc.Trusted() || len(ps) > 0 {
		return nil, ps.Err()
	}
	var errs []error
	bad := func(path []any, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", doc.Place(path...), fmt.Sprintf(format, args...)))
	}
	r := c.Review
	if r.GoodFidelity <= 0 {
		bad([]any{"review", "good_fidelity"}, "good_fidelity must be a total above 0")
	}
	if r.BelowMonths <= 0 {
		bad([]any{"review", "below_months"}, "below_months must be whole months above 0")
	}
	if r.AtOrAboveMonths <= 0 {
		bad([]any{"review", "at_or_above_months"}, "at_or_above_months must be whole months above 0")
	}
	if r.DueSoonDays < 0 {
		bad([]any{"review", "due_soon_days"}, "due_soon_days must be whole days, 0 or more")
	}
	e := c.EmploymentRate
	if e.Publisher == "" || e.Source["fi"] == "" || e.Source["en"] == "" {
		bad([]any{"employment_rate"}, "the benchmarks need their publisher and their source in fi and en")
	}
	if len(e.Levels) == 0 {
		bad([]any{"employment_rate"}, "no benchmark levels")
	}
	seen := map[string]bool{}
	for i, l := range e.Levels {
		p := []any{"employment_rate", "levels", i}
		switch {
		case l.ID == "":
			bad(p, "a benchmark needs an id")
		case seen[l.ID]:
			bad(p, "benchmark %q is given twice", l.ID)
		}
		seen[l.ID] = true
		if l.Min < 0 || l.Min > 100 {
			bad(p, "min %v is not a share 0–100", l.Min)
		}
		if i > 0 && l.Min >= e.Levels[i-1].Min {
			bad(p, "benchmarks go from the highest minimum to the lowest")
		}
		if l.Name["fi"] == "" || l.Name["en"] == "" {
			bad(p, "benchmark %q needs its name in fi and en", l.ID)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// DataSources are the scale's codes for where a rating rests, in the order
// the fidelity review manual lists them: an item's `sources` in an
// assessment file takes these ids.
var DataSources = []DataSource{
	{ID: "records", Name: Text{"fi": "asiakasrekisteri ja -kirjaukset", "en": "records", "sv": "klientregister och anteckningar"}},
	{ID: "documents", Name: Text{"fi": "asiakirjat", "en": "documents", "sv": "dokument"}},
	{ID: "interviews", Name: Text{"fi": "haastattelut", "en": "interviews", "sv": "intervjuer"}},
	{ID: "observation", Name: Text{"fi": "havainnointi", "en": "observation", "sv": "observation"}},
}

// DataSource is one of the scale's data source codes.
type DataSource struct {
	ID   string
	Name Text
}

// DataSourceByID is the data source with id, or nil.
func DataSourceByID(id string) *DataSource {
	for i := range DataSources {
		if DataSources[i].ID == id {
			return &DataSources[i]
		}
	}
	return nil
}
