package form

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scoreEveryRecord is how the delimiter was chosen before sniffDelimiter:
// the start of the file parsed with each delimiter, every record scored.
// Kept to hold sniffDelimiter, which stops at the heading line, to the
// same choice.
func scoreEveryRecord(text string) byte {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
		if i := strings.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	fields, _ := csvNames()
	best, bestScore := byte(';'), -1
	for _, comma := range []byte{';', ',', '\t'} {
		recs, _ := parseCSV(head, comma, 1<<20)
		score := 0
		for _, r := range recs {
			if _, ok := fields.keys[normName(r.field(0))]; ok && len(r.fields) >= 2 {
				score++
			}
			if cols := csvHeader(r); cols != nil {
				score += len(cols)
			}
		}
		if score > bestScore {
			best, bestScore = comma, score
		}
	}
	return best
}

// TestSniffDelimiterAgrees reads every CSV file of the repository's test
// data, the malformed ones among them, and a few made here: the delimiter
// sniffed from the lines up to the heading is the one every record chose.
func TestSniffDelimiterAgrees(t *testing.T) {
	texts := map[string]string{
		"comma":        "Criteria set,tyokyky\nProvider,X\nNo,Title,Level\n1,a,4\n",
		"tab":          "Kriteeristö\ttyokyky\nNro\tKriteeri\tTaso\n1\ta;b,c\t4\n",
		"quoted":       "\"Kriteeristö\";\"tyokyky\"\n\"Nro\";\"Kriteeri\";\"Taso\"\n\"1\";\"a, b\";\"4\"\n",
		"no heading":   "Kriteeristö;tyokyky\nPalveluntuottaja,X\n1;a;4\n",
		"only commas":  "a,b,c\n1,2,3\n",
		"empty fields": ";;;\n,,,\n",
	}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".csv") || !strings.Contains(path, "testdata") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if text, err := decodeText(b); err == nil {
			texts[path] = text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 20 {
		t.Fatalf("only %d CSV texts found", len(texts))
	}
	for name, text := range texts {
		if got, want := sniffDelimiter(text), scoreEveryRecord(text); got != want {
			t.Errorf("%s: sniffed %q, every record chose %q", name, got, want)
		}
	}
}
