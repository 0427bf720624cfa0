package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/scoring"
)

// TestCompareTextFitsTerminal checks that the terminal report stays within
// 100 columns however long the names and however many the services: the
// matrix continues in blocks, names are shortened.
func TestCompareTextFitsTerminal(t *testing.T) {
	base := sampleSnapshots(t)
	var snaps []scoring.Snapshot
	for i := range 40 {
		s := base[i%len(base)]
		s.Unit = fmt.Sprintf("Hyvin pitkän nimen saanut työhönvalmennuspalvelu numero %d, jonka nimi jatkuu ja jatkuu", i)
		s.Provider = strings.Repeat("Hyvinvointialue ", 6)
		snaps = append(snaps, s)
	}
	c := scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{})
	for _, lang := range []string{"fi", "en"} {
		var buf bytes.Buffer
		if err := CompareText(&buf, c, CompareOptions{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		blocks := 0
		for n, line := range strings.Split(buf.String(), "\n") {
			if w := len([]rune(line)); w > 100 {
				t.Errorf("%s line %d is %d columns wide: %s", lang, n+1, w, line)
			}
			if strings.HasPrefix(strings.TrimSpace(line), "# ") || strings.HasPrefix(line, "  #  ") {
				blocks++
			}
		}
		// 40 services of which the ips ones are left out: 2 or 3 blocks.
		if blocks < 2 {
			t.Errorf("%s: the matrix of %d services is in %d block(s), want it split", lang, len(c.Services), blocks)
		}
	}
}
