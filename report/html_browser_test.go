package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/scoring"
)

// The HTML reports in a real browser: headless Chromium driven by
// playwright-core, with axe-core (both from npm, installed into
// testdata/browser/node_modules by `npm ci`, which .ci/run does). CI sets
// LAATU_BROWSER_TESTS=1, and then a missing node, Chromium, poppler or npm
// package fails the test; without it the test skips when they are missing.
//
// Set LAATU_BROWSER_SHOTS=DIR to keep screenshots and PDFs there.

// browserTool finds what the browser test needs, or skips (fails in CI).
func browserTool(t *testing.T) (node, chromium string) {
	t.Helper()
	required := os.Getenv("LAATU_BROWSER_TESTS") == "1" || os.Getenv("LAATU_REQUIRE_TOOLS") == "1"
	missing := func(what string) {
		if required {
			t.Fatalf("%s is missing, and LAATU_BROWSER_TESTS=1 requires it (run `npm ci` in report/testdata/browser)", what)
		}
		t.Skipf("%s is missing (set LAATU_BROWSER_TESTS=1 to make this a failure)", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node")
	}
	chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		if chromium, err = exec.LookPath("chromium"); err != nil {
			missing("chromium")
		}
	}
	for _, prog := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(prog); err != nil {
			missing(prog + " (poppler-utils)")
		}
	}
	for _, pkg := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join("testdata", "browser", "node_modules", pkg, "package.json")); err != nil {
			missing("the npm package " + pkg)
		}
	}
	return node, chromium
}

// wideComparison is a region of twenty services, made from the samples
// under other names, for the heat-map's blocks.
func wideComparison(t *testing.T) *scoring.Comparison {
	var snaps []scoring.Snapshot
	base := sampleSnapshots(t)
	for i := 0; len(snaps) < 20; i++ {
		s := base[i%len(base)]
		if s.Set != base[0].Set && s.Set.ID != "tyokyky" {
			continue
		}
		s.Unit = fmt.Sprintf("Palvelu %02d", len(snaps)+1)
		s.Provider = "Hyvinvointialue " + strconv.Itoa(len(snaps)%5+1)
		snaps = append(snaps, s)
	}
	return scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{Order: scoring.ByTotal})
}

type browserPage struct {
	Name string `json:"name"`
	Path string `json:"path"`
	PDF  string `json:"pdf"`
	// NoAxe skips axe-core, for a page made of the same parts as another.
	NoAxe bool `json:"noAxe"`
	// want are texts the printed PDF must hold (every service, the last
	// columns of each heat-map block); maxPages bounds its length.
	want     []string
	maxPages int
}

type browserView struct {
	Width      int `json:"width"`
	Violations []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	} `json:"violations"`
	ScrollWidth int `json:"scrollWidth"`
	InnerWidth  int `json:"innerWidth"`
}

func TestHTMLInBrowser(t *testing.T) {
	node, chromium := browserTool(t)
	dir := t.TempDir()
	keep := os.Getenv("LAATU_BROWSER_SHOTS")
	if keep != "" {
		dir = keep
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var pages []browserPage
	add := func(name string, write func(*bytes.Buffer) error, maxPages int, want ...string) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".html")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, browserPage{Name: name, Path: path, PDF: filepath.Join(dir, name+".pdf"), want: want, maxPages: maxPages})
	}
	names := func(c *scoring.Comparison) []string {
		var out []string
		for i := range c.Services {
			out = append(out, c.Services[i].Unit)
		}
		return out
	}
	c := sampleComparison(t, scoring.ByTotal)
	add("compare-fi", func(b *bytes.Buffer) error { return CompareHTML(b, c, CompareOptions{Lang: "fi"}) }, 8, names(c)...)
	wide := wideComparison(t)
	// Each block of the heat-map is named by its caption. Most of the
	// pages are the recommendations, a list per service.
	// axe checks the same parts in compare-fi, at a fraction of the time.
	add("compare-20-fi", func(b *bytes.Buffer) error { return CompareHTML(b, wide, CompareOptions{Lang: "fi"}) }, 20,
		append(names(wide), "Kriteerien tasot palveluittain, palvelut A–J", "Kriteerien tasot palveluittain, palvelut K–T")...)
	pages[len(pages)-1].NoAxe = true
	// The review cycle: the rate columns, the fidelity-against-rate chart,
	// the next review and strengths of every service and the review-cycle
	// section.
	cyc := cycleComparison(t)
	add("compare-cycle-fi", func(b *bytes.Buffer) error {
		return CompareHTML(b, cyc, CompareOptions{Lang: "fi", Today: day("2027-04-20")})
	}, 10, append(names(cyc), "Kokonaispisteet ja työllistymisaste", "Arviointikierros palveluittain",
		"Seuraava arviointi ja vahvuudet palveluittain")...)
	e := sampleEvaluation(t, 40)
	var bidders []string
	for _, b := range e.Bids {
		bidders = append(bidders, b.Result.Assessment.Provider)
	}
	add("check-fi-points", func(b *bytes.Buffer) error { return CheckHTML(b, e, CheckOptions{Lang: "fi"}) }, 8, bidders...)
	e0 := sampleEvaluation(t, 0)
	add("check-en", func(b *bytes.Buffer) error { return CheckHTML(b, e0, CheckOptions{Lang: "en"}) }, 8, bidders...)
	// A tender: the result with formulas, the memo per bid and requirement.
	te := tenderEvaluation(t)
	add("tender-fi", func(b *bytes.Buffer) error { return CheckHTML(b, te, CheckOptions{Lang: "fi"}) }, 10,
		"Työpolku Oy", "Urapolku Oy", "SULJETTU POIS", "1 000,00 € / 1 200,00 € × 40 = 33,33", "Vertailumuistio: Valmennus Aalto Oy")

	// The one-service report: the review-cycle sample's external review
	// with its trend, outcomes and plan; the last criterion's row, the
	// plan's last action and the last tables must print. (The words of a
	// cell wrapped beside other cells come apart in the PDF's text, so
	// the texts are a cell's first words.)
	cycle, cycleHistory := polkuCycle(t)
	add("score-cycle-fi", func(b *bytes.Buffer) error {
		return WriteDocHTML(b, ScoreDocument(cycle, cycleHistory, ScoreOptions{Lang: "fi", Weakest: 3}))
	}, 8, "25 Aloitteellinen", "14 Jatkuva arviointi", "Tietolähteet kriteereittäin", "vertailuarvo: vähimmäistaso")
	kv, kvHistory := kateva(t)
	add("score-en", func(b *bytes.Buffer) error {
		return WriteDocHTML(b, ScoreDocument(kv, kvHistory, ScoreOptions{Lang: "en", Weakest: 3}))
	}, 8, "Criteria to improve", "25 Assertive")
	pages[len(pages)-1].NoAxe = true // the same parts as score-cycle-fi

	// The consensus report for the raters' meeting: the last criterion
	// and the last rater's answer to the last criterion to discuss.
	add("consensus-fi", func(b *bytes.Buffer) error {
		return ConsensusHTML(b, sampleConsensus(t, 1), ConsensusOptions{Lang: "fi", Draft: "konsensus.yaml"})
	}, 4, "25 Aloitteellinen", "urasuunnittelua ei kirjata järjestelmällisesti", "Painotettu kappa")

	// A page with known faults shows that the checks can fail.
	canary := filepath.Join(dir, "canary.html")
	if err := os.WriteFile(canary, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"><div style="width:2000px">wide</div></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	pages = append(pages, browserPage{Name: "canary", Path: canary})

	job, err := json.Marshal(map[string]any{"chromium": chromium, "widths": []int{1280, 390}, "pages": pages, "shots": keep})
	if err != nil {
		t.Fatal(err)
	}
	jobFile := filepath.Join(t.TempDir(), "job.json")
	if err := os.WriteFile(jobFile, job, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "browser", "check.js"), jobFile)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node check.js: %v\n%s", err, stderr.String())
	}
	var results []struct {
		Name  string        `json:"name"`
		Views []browserView `json:"views"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("check.js output: %v\n%s", err, out)
	}
	if len(results) != len(pages) {
		t.Fatalf("check.js reported %d pages, want %d", len(results), len(pages))
	}
	canaryView := results[len(results)-1].Views[0]
	var found []string
	for _, v := range canaryView.Violations {
		found = append(found, v.ID)
	}
	if !strings.Contains(strings.Join(found, " "), "image-alt") || canaryView.ScrollWidth <= canaryView.InnerWidth {
		t.Fatalf("the checks do not fail a faulty page: axe found %v, width %d in %d", found, canaryView.ScrollWidth, canaryView.InnerWidth)
	}
	results = results[:len(results)-1]
	for i, r := range results {
		for _, v := range r.Views {
			for _, viol := range v.Violations {
				t.Errorf("%s at %d px: axe %s (%s): %s\n  %s", r.Name, v.Width, viol.ID, viol.Impact, viol.Help, strings.Join(viol.Nodes, "\n  "))
			}
			if v.ScrollWidth > v.InnerWidth {
				t.Errorf("%s at %d px: the page is %d px wide, wider than the window (%d px): it scrolls sideways", r.Name, v.Width, v.ScrollWidth, v.InnerWidth)
			}
		}
		checkPDF(t, pages[i])
	}
}

// checkPDF checks the printed page: a sensible number of pages, none
// nearly empty but the last, and every text that shows nothing was cut.
func checkPDF(t *testing.T, p browserPage) {
	t.Helper()
	info, err := exec.Command("pdfinfo", p.PDF).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", p.PDF, err)
	}
	n := 0
	for _, line := range strings.Split(string(info), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "Pages:" {
			n, _ = strconv.Atoi(f[1])
		}
		if strings.HasPrefix(line, "Page size:") && !strings.Contains(line, "(A4)") {
			t.Errorf("%s is not printed on A4: %s", p.Name, line)
		}
	}
	if n < 1 || n > p.maxPages {
		t.Errorf("%s prints on %d pages, want 1–%d", p.Name, n, p.maxPages)
	}
	var all strings.Builder
	for page := 1; page <= n; page++ {
		text, err := exec.Command("pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), p.PDF, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p.PDF, err)
		}
		if page < n && len(strings.Fields(string(text))) < 60 {
			t.Errorf("%s: printed page %d of %d is nearly empty:\n%s", p.Name, page, n, text)
		}
		all.Write(text)
	}
	strandedHeadings(t, p, n)
	// Lines of a wrapped cell come apart in the text; compare words.
	flat := strings.Join(strings.Fields(all.String()), " ")
	for _, w := range p.want {
		if !strings.Contains(flat, w) {
			t.Errorf("%s: the printed PDF lacks %q: a table is cut off", p.Name, w)
		}
	}
}

// strandedHeadings fails a heading (or a table's caption) printed at the
// foot of a page with at most a few lines of its section under it, the
// rest of the section on the next page: the heading is in the page's last
// lines, fewer than 25 words follow it, and the next page does not start
// with a heading of its own (then the section ended on this page).
func strandedHeadings(t *testing.T, p browserPage, pages int) {
	t.Helper()
	page, err := os.ReadFile(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	tag := regexp.MustCompile(`(?s)<(h[1-6]|caption)\b[^>]*>(.*?)</(?:h[1-6]|caption)>`)
	strip := regexp.MustCompile(`<[^>]*>`)
	headings, sections := map[string]bool{}, map[string]bool{}
	for _, m := range tag.FindAllSubmatch(page, -1) {
		if h := strings.Join(strings.Fields(html.UnescapeString(strip.ReplaceAllString(string(m[2]), " "))), " "); h != "" {
			headings[h] = true
			if string(m[1]) != "caption" {
				sections[h] = true
			}
		}
	}
	lines := make([][]string, pages+1)
	for n := 1; n <= pages; n++ {
		text, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), p.PDF, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p.PDF, err)
		}
		for _, line := range strings.Split(string(text), "\n") {
			if line = strings.Join(strings.Fields(strings.ReplaceAll(line, "\f", "")), " "); line != "" {
				lines[n] = append(lines[n], line)
			}
		}
	}
	// startsSection: the page's first lines are a heading (a long one
	// wraps).
	startsSection := func(ls []string) bool {
		for k := 1; k <= 3 && k <= len(ls); k++ {
			if sections[strings.Join(ls[:k], " ")] {
				return true
			}
		}
		return false
	}
	for n := 1; n < pages; n++ {
		ls := lines[n]
		if startsSection(lines[n+1]) {
			continue
		}
	heading:
		for i := max(len(ls)-4, 0); i < len(ls); i++ {
			for k := 1; k <= 3 && i+k <= len(ls); k++ {
				h := strings.Join(ls[i:i+k], " ")
				if !headings[h] {
					continue
				}
				if after := len(strings.Fields(strings.Join(ls[i+k:], " "))); after < 25 {
					t.Errorf("%s: the heading %q is at the foot of printed page %d of %d with %d words under it; its section goes on on the next page", p.Name, h, n, pages, after)
					break heading
				}
			}
		}
	}
}
