package criteria

import (
	"os"
	"strings"
	"testing"
)

// A measure's unit takes its singular for exactly 1, in either language,
// and the plural otherwise; a unit without a singular keeps its one form.
func TestUnitFor(t *testing.T) {
	set, ok := Builtin("tyokyky")
	if !ok {
		t.Fatal("no tyokyky")
	}
	u := set.Criterion(17).Measure.Unit
	pct := set.Criterion(2).Measure.Unit
	for _, c := range []struct {
		unit Text
		lang string
		x    float64
		want string
	}{
		{u, "fi", 1, "kontakti viikossa"},
		{u, "en", 1, "contact a week"},
		{u, "fi", 2, "kontaktia viikossa"},
		{u, "en", 0, "contacts a week"},
		{u, "en", 1.5, "contacts a week"},
		{u, "sv", 1, "kontakt i veckan"},
		{u, "sv", 2, "kontakter i veckan"},
		{u, "se", 1, "kontakti viikossa"},
		{pct, "fi", 1, "%"},
		{Text{"fi": "htv"}, "en", 1, "htv"},
	} {
		if got := UnitFor(c.unit, c.lang, c.x); got != c.want {
			t.Errorf("UnitFor(%v, %s, %v) = %q, want %q", c.unit, c.lang, c.x, got, c.want)
		}
	}
	if got := u.In("fi"); got != "kontaktia viikossa" {
		t.Errorf("In(fi) = %q", got)
	}
}

// A singular must be given in every language of the set, like the unit.
func TestUnitOneNeedsEveryLanguage(t *testing.T) {
	b, err := os.ReadFile("sets/tyokyky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), "unit_one: {fi: kontakti viikossa, en: contact a week, sv: kontakt i veckan}", "unit_one: {fi: kontakti viikossa}", 1)
	if bad == string(b) {
		t.Fatal("criterion 17's unit_one not found")
	}
	_, err = Parse([]byte(bad), "tyokyky.yaml")
	if err == nil || !strings.Contains(err.Error(), "unit_one") || !strings.Contains(err.Error(), "criterion 17") {
		t.Errorf("want a problem naming criterion 17's unit_one, got %v", err)
	}
}

// A ratio's counts and a count input take their singular for exactly 1
// too: "1 asiakas", "1 nykyinen työsuhde".
func TestUnitOneOfCounts(t *testing.T) {
	for _, id := range []string{"ips", "tyokyky"} {
		set, ok := Builtin(id)
		if !ok {
			t.Fatal("no " + id)
		}
		jobs := set.Criterion(21).Input("current_jobs")
		clients := set.Criterion(1).Measure.Ratio.Numerator.Unit
		fte := set.Criterion(1).Measure.Ratio.Denominator.Unit
		if jobs == nil {
			t.Fatalf("%s: criterion 21 has no current_jobs", id)
		}
		for _, c := range []struct {
			unit Text
			lang string
			x    float64
			want string
		}{
			{jobs.Unit, "fi", 1, "nykyinen työsuhde"},
			{jobs.Unit, "en", 1, "current job"},
			{jobs.Unit, "fi", 3, "nykyistä työsuhdetta"},
			{jobs.Unit, "en", 0, "current jobs"},
			{clients, "fi", 1, "asiakas"},
			{clients, "en", 2, "clients"},
			{fte, "fi", 1, "htv"},
			{fte, "en", 1, "FTE"},
		} {
			if got := UnitFor(c.unit, c.lang, c.x); got != c.want {
				t.Errorf("%s: UnitFor(%v, %s, %v) = %q, want %q", id, c.unit, c.lang, c.x, got, c.want)
			}
		}
	}
}
