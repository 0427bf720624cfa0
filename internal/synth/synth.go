// Package synth makes synthetic assessments for benchmarks and load tests
// of laatu compare: a region of services, each assessed every six months,
// with levels that drift upwards, a few incomplete assessments, figures,
// checklists and notes of a realistic length. The same seed gives the same
// assessments.
package synth

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// Options shape the synthetic region.
type Options struct {
	// N is the number of assessments.
	N int
	// PerService is how many assessments (rounds, six months apart) each
	// service has; the number of services is N / PerService, rounded up.
	PerService int
	// Incomplete is the share of assessments that leave criteria unrated.
	Incomplete float64
	Seed       uint64
}

// Defaults are four rounds per service and 5 % incomplete assessments.
func (o Options) withDefaults() Options {
	if o.PerService <= 0 {
		o.PerService = 4
	}
	if o.Incomplete == 0 {
		o.Incomplete = 0.05
	}
	return o
}

var (
	places = []string{"Akaa", "Espoo", "Hamina", "Hämeenlinna", "Imatra", "Joensuu", "Jyväskylä", "Kajaani",
		"Kemi", "Kokkola", "Kouvola", "Kuopio", "Lahti", "Lappeenranta", "Mikkeli", "Oulu", "Pori", "Porvoo",
		"Raahe", "Rauma", "Rovaniemi", "Salo", "Savonlinna", "Seinäjoki", "Tampere", "Turku", "Vaasa",
		"Vantaa", "Varkaus", "Ylöjärvi", "Äänekoski", "Åbo", "Öja"}
	kinds = []string{"Työhönvalmennus", "Työvalmennuspalvelu", "IPS-työhönvalmennus", "Tuetun työllistymisen palvelu",
		"Työllisyyspalvelut", "Vammaispalvelujen työhönvalmennus"}
	notes = []string{
		"Arvio perustuu asiakasrekisteriin ja valmentajien haastatteluihin.",
		"Käytäntö on vakiintunut, mutta kirjaaminen on vielä epätasaista.",
		"Työnantajayhteistyö on lisääntynyt edellisestä arvioinnista.",
		"Tiimipalaverit pidetään viikoittain; sote-tiimin edustaja on mukana kerran kuussa.",
	}
)

// Assessment returns the i-th synthetic assessment against set.
func Assessment(set *criteria.Set, i int, o Options) *form.Assessment {
	o = o.withDefaults()
	services := max(1, (o.N+o.PerService-1)/o.PerService)
	svc, round := i%services, i/services
	rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
	base := rand.New(rand.NewPCG(o.Seed, uint64(svc)+1<<32))
	place := places[svc%len(places)]
	a := &form.Assessment{
		Criteria:        set.ID,
		CriteriaVersion: set.Version,
		Provider:        fmt.Sprintf("%s (alue %d)", place, svc/len(places)+1),
		Unit:            fmt.Sprintf("%s %s %d", kinds[svc%len(kinds)], place, svc),
		Date:            time.Date(2020, time.March, 1+svc%28, 0, 0, 0, 0, time.UTC).AddDate(0, 6*round, 0),
		Raters:          []string{"Arvioija " + string(rune('A'+svc%26)), "Parivirta " + string(rune('A'+round%26))},
		Notes:           "Synteettinen arviointi kuormitustestiä varten.",
	}
	quality := 1.5 + base.Float64()*3 // the service's own level
	incomplete := rng.Float64() < o.Incomplete
	for _, c := range set.Criteria {
		if incomplete && rng.IntN(5) == 0 {
			continue
		}
		level := int(quality + float64(round)*0.25 + rng.NormFloat64()*0.7 + 0.5)
		level = min(max(level, criteria.MinLevel), criteria.MaxLevel)
		it := form.Item{Criterion: c.Number, Level: level, Note: notes[rng.IntN(len(notes))]}
		if rng.IntN(3) == 0 {
			it.Evidence = "asiakasrekisteri " + a.Date.Format("1/2006")
		}
		if c.Measure != nil && rng.IntN(2) == 0 {
			x := figureFor(c.Measure, level, rng)
			it.Figure = &x
		}
		a.Items = append(a.Items, it)
	}
	return a
}

// figureFor picks a figure inside the range that implies level, or any
// in-bounds figure when no range does.
func figureFor(m *criteria.Measure, level int, rng *rand.Rand) float64 {
	lo, hi := 0.0, 400.0
	if m.Min != nil {
		lo = *m.Min
	}
	if m.Max != nil {
		hi = *m.Max
	}
	for k := 0; k < 50; k++ {
		x := float64(int((lo+rng.Float64()*(hi-lo))*10)) / 10
		// A share between 0 and 1 reads as a fraction typed by mistake
		// and is refused (criteria.Measure.Percent): never generate one.
		fraction := m.Percent && x > 0 && x < 1
		if l, ok := m.Level(x); ok && l == level && !fraction {
			return x
		}
	}
	return lo
}

// Name is the file name of the i-th assessment.
func Name(a *form.Assessment, i int) string {
	slug := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == 'ä' || r == 'å' || r == 'Ä' || r == 'Å':
			return 'a'
		case r == 'ö' || r == 'Ö':
			return 'o'
		}
		return '-'
	}, a.Unit)
	return fmt.Sprintf("%s-%s-%05d", slug, a.DateISO(), i)
}

// Formats are the file formats WriteDir can write, by extension.
var Formats = map[string]func(io.Writer, *criteria.Set, *form.Assessment) error{
	"yaml": func(w io.Writer, _ *criteria.Set, a *form.Assessment) error { return form.WriteYAML(w, a) },
	"xlsx": func(w io.Writer, set *criteria.Set, a *form.Assessment) error { return form.WriteXLSX(w, set, a, "fi") },
	"csv":  func(w io.Writer, set *criteria.Set, a *form.Assessment) error { return form.WriteCSV(w, set, a, "fi") },
}

// WriteYAMLDir writes o.N assessment files into dir, in subfolders of
// 1,000 files as a shared drive would hold them, and returns their paths.
func WriteYAMLDir(dir string, set *criteria.Set, o Options) ([]string, error) {
	return WriteDir(dir, set, o, "yaml")
}

// WriteDir is WriteYAMLDir for any of Formats: the filled Finnish workbook
// or CSV file a service manager would send in.
func WriteDir(dir string, set *criteria.Set, o Options, format string) ([]string, error) {
	write, ok := Formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q", format)
	}
	var paths []string
	for i := range o.N {
		a := Assessment(set, i, o)
		sub := filepath.Join(dir, fmt.Sprintf("erä-%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return nil, err
			}
		}
		p := filepath.Join(sub, Name(a, i)+"."+format)
		if err := writeFile(p, func(w io.Writer) error { return write(w, set, a) }); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
