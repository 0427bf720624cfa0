package report

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// sampleConsensus is the two sample raters of Työvalmennuspalvelu Kätevä.
func sampleConsensus(t *testing.T, tolerance int) *scoring.Consensus {
	t.Helper()
	set, _ := criteria.Builtin("tyokyky")
	var results []scoring.Result
	for _, name := range []string{"kateva-anna.yaml", "kateva-pekka.yaml"} {
		a, err := form.ReadFile(filepath.Join("..", "testdata", "raters", name))
		if err != nil {
			t.Fatal(err)
		}
		a.Source = name // golden files should not depend on where the tests run
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps)
		}
		results = append(results, scoring.Score(set, a))
	}
	c := scoring.NewConsensus(results, tolerance)
	return &c
}

func TestConsensusGolden(t *testing.T) {
	type render func(io.Writer, *scoring.Consensus, ConsensusOptions) error
	tests := []struct {
		golden    string
		render    render
		opt       ConsensusOptions
		tolerance int
	}{
		{"consensus-fi.txt", ConsensusText, ConsensusOptions{Lang: "fi", Draft: "konsensus.yaml"}, 1},
		{"consensus-en-tolerance2.txt", ConsensusText, ConsensusOptions{Lang: "en"}, 2},
		{"consensus-fi.md", ConsensusMarkdown, ConsensusOptions{Lang: "fi", Draft: "konsensus.yaml"}, 1},
		{"consensus-en.json", ConsensusJSONOut, ConsensusOptions{Lang: "en", Draft: "consensus.yaml"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, sampleConsensus(t, tt.tolerance), tt.opt); err != nil {
				t.Fatal(err)
			}
			golden(t, "golden/"+tt.golden, buf.Bytes())
		})
	}
}
