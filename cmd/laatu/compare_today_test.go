package main

import (
	"strings"
	"testing"
)

// Without --today the comparison is read on the day the IO's clock gives
// (24.11.2026 in runLaatu): the services due are listed for files without
// the review cycle too.
func TestCompareTodayDefault(t *testing.T) {
	code, out, stderr := runLaatu(t, "", "compare", "--lang", "en", "../../testdata/services")
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"\nDue for review or overdue on 2026-11-24\n",
		"\nNo service is overdue for review or due within 30 days.\n",
		" Lempäälän vammaispalveluj…  2026-09-30         65*  2027-03-30  not yet  3\u00a0(4),",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, out)
		}
	}
}
