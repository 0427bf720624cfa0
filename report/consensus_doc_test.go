package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
)

// The consensus report in every renderer of the document model, over the
// two sample raters: goldens for HTML, CSV and the workbook (text and
// Markdown are in TestConsensusGolden), each naming what the raters'
// meeting needs.
func TestConsensusDocumentGolden(t *testing.T) {
	for ext, render := range docRenderers() {
		if ext == "txt" || ext == "md" {
			continue
		}
		for _, lang := range []string{"fi", "en"} {
			t.Run(ext+"-"+lang, func(t *testing.T) {
				d := ConsensusDocument(sampleConsensus(t, 1), ConsensusOptions{Lang: lang, Draft: "konsensus.yaml"})
				var buf bytes.Buffer
				if err := render(&buf, d); err != nil {
					t.Fatal(err)
				}
				got, name := buf.Bytes(), ext
				if ext == "xlsx" {
					var dump bytes.Buffer
					if err := dumpXLSX(&dump, got); err != nil {
						t.Fatal(err)
					}
					got, name = dump.Bytes(), "xlsx.txt"
				}
				golden(t, "golden/consensus-doc."+lang+"."+name, got)
				// Every format gives each rater's level of a criterion to
				// discuss and the agreement figures.
				for _, s := range []string{"Pekka Parivirta", "19/24", msg.T(lang, "consensus.col.spread")} {
					if !strings.Contains(string(got), s) {
						t.Errorf("the %s report lacks %q", ext, s)
					}
				}
				if ext == "html" || ext == "xlsx" {
					if s := msg.T(lang, "consensus.spread", 2); !strings.Contains(string(got), s) {
						t.Errorf("the %s report lacks %q", ext, s)
					}
				}
			})
		}
	}
}
