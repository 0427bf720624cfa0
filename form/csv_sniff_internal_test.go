package form

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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

// csvTexts are the texts of every CSV file of the repository's test
// data, the malformed ones among them, and a few made here.
func csvTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{
		"comma":        "Criteria set,tyokyky\nProvider,X\nNo,Title,Level\n1,a,4\n",
		"tab":          "Kriteeristö\ttyokyky\nNro\tKriteeri\tTaso\n1\ta;b,c\t4\n",
		"quoted":       "\"Kriteeristö\";\"tyokyky\"\n\"Nro\";\"Kriteeri\";\"Taso\"\n\"1\";\"a, b\";\"4\"\n",
		"no heading":   "Kriteeristö;tyokyky\nPalveluntuottaja,X\n1;a;4\n",
		"only commas":  "a,b,c\n1,2,3\n",
		"empty fields": ";;;\n,,,\n",
		"commas win":   "Kriteeristö;tyokyky\nNro;Taso\n1,a,b\n2,c,d\n3,e,f\n4,g,h\n5,i,j\n6,k,l\n7,m,n\n8,o,p\n",
		"open quote":   "Kriteeristö;tyokyky\nPalveluntuottaja;\"X\nNro;Kriteeri;Taso\n1;a;4\n",
		"long head":    "Kriteeristö;tyokyky\n" + strings.Repeat("Huomioita arvioinnista;"+strings.Repeat("x", 1000)+"\n", 50) + "Nro;Taso\n1;4\n",
		// Read to the heading line, the semicolon wins; cut at 64 KiB,
		// inside the quoted value, the commas do.
		"quote over the head": strings.Repeat("Palveluntuottaja;X\n", 10) + strings.Repeat("Palveluntuottaja,X\n", 5) +
			"Nro,Kriteeri,Taso,Luku,Tarkistuslista,Perustelu,Näyttö\nHuomioita arvioinnista;\"" + strings.Repeat("y\n", 40<<10) + "\"\nNro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\n1;a;4;;;;\n",
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
	return texts
}

// TestSniffDelimiterAgrees: the delimiter sniffed from the lines up to
// the heading is the one every record chose.
func TestSniffDelimiterAgrees(t *testing.T) {
	for name, text := range csvTexts(t) {
		if got, want := sniffDelimiter(text), scoreEveryRecord(text); got != want {
			t.Errorf("%s: sniffed %q, every record chose %q", name, got, want)
		}
	}
}

// TestChooseDelimiterOnePass: the records of chooseDelimiter, which
// splits most files once, are those of sniffing the delimiter and then
// parsing the whole text with it, with as few rows allowed as make a
// difference.
func TestChooseDelimiterOnePass(t *testing.T) {
	var onePass []string
	room := &csvRoom{} // one for all, as ReadCSV's are used again
	for name, text := range csvTexts(t) {
		for _, rows := range []int{1 << 20, 40, 3, 1} {
			checkChooseDelimiter(t, name, text, rows, nil)
			checkChooseDelimiter(t, name, text, rows, room)
		}
		if _, ok, _ := semicolonFile(text, 1<<20, nil); ok {
			onePass = append(onePass, name)
		}
	}
	// The template's files take the one pass, or the test would hold
	// nothing to sniffDelimiter.
	for _, name := range []string{"long head", "../testdata/sheets/kateva-2026-11-excel.csv"} {
		if !slices.Contains(onePass, name) {
			t.Errorf("%s was not split in one pass; these were: %q", name, onePass)
		}
	}
}

// checkChooseDelimiter fails t when chooseDelimiter(text, rows, room) is not
// sniffDelimiter's choice and parseCSV's records and error under it, with the
// first heading line among them when it says which that is.
func checkChooseDelimiter(t *testing.T, name, text string, rows int, room *csvRoom) {
	t.Helper()
	split, err := chooseDelimiter(text, rows, room)
	wantComma := sniffDelimiter(text)
	wantRecs, wantErr := parseCSV(text, wantComma, rows)
	if split.comma != wantComma || fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("%s, %d rows: chose %q with error %v, want %q with %v", name, rows, split.comma, err, wantComma, wantErr)
	}
	if diff := cmp.Diff(wantRecs, split.recs, cmp.AllowUnexported(csvRecord{}), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("%s, %d rows: records differ (-parsed again +one pass):\n%s", name, rows, diff)
	}
	// The heading it found is the first record that is one.
	if split.heading < 0 {
		return
	}
	for i, r := range split.recs[:split.heading] {
		if cols := csvHeader(r); cols != nil {
			t.Fatalf("%s, %d rows: heading said to be record %d, but %d is one", name, rows, split.heading, i)
		}
	}
	if diff := cmp.Diff(csvHeader(split.recs[split.heading]), split.cols); diff != "" {
		t.Fatalf("%s, %d rows: the heading's columns differ:\n%s", name, rows, diff)
	}
}

// FuzzChooseDelimiter holds the one pass to sniffing and parsing again.
func FuzzChooseDelimiter(f *testing.F) {
	for _, s := range []string{"Kriteeristö;tyokyky\nNro;Taso\n1;4\n", "Kriteeristö;tyokyky\nNro,Taso\n1,4\n", "K;x\n\"Nro;Taso\n1;4", "Nro;Taso\r\n1;\"4\"\"\r\n"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, text string, rows int) {
		if rows < 1 || rows > 1000 {
			rows = 1000
		}
		checkChooseDelimiter(t, "fuzz", text, rows, nil)
	})
}

// stringsNormName is normName as it was written with the strings package,
// before foldName folded into a buffer.
func stringsNormName(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	if i := strings.Index(s, "("); i > 0 {
		s = s[:i]
	}
	s = strings.TrimRight(strings.TrimSpace(s), ":.*")
	return strings.Join(strings.Fields(s), " ")
}

// FuzzFoldName holds foldName to stringsNormName, and nameTable.lookup's
// refusal of long text to what a look-up of the folded text finds.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"Nro", " Taso (1–5): ", "\ufeffKriteeristö", "KRITEERISTÖN  VERSIO.", "(huom) Nro", "a\u00a0b\u2003c", "\xff\xfeX", "Nro :.", "Kelvin \u212a"} {
		f.Add(s)
	}
	fields, headings := csvNames()
	f.Fuzz(func(t *testing.T, s string) {
		want := stringsNormName(s)
		if got := normName(s); got != want {
			t.Fatalf("normName(%q) = %q, want %q", s, got, want)
		}
		if got := string(foldName([]byte("x"), s)); got != "x"+want {
			t.Fatalf("foldName(x, %q) = %q, want %q", s, got, "x"+want)
		}
		for _, names := range []nameTable{fields, headings} {
			k, ok := names.lookup(s)
			wantK, wantOK := names.keys[want]
			if k != wantK || ok != wantOK {
				t.Fatalf("lookup(%q) = %q, %v; the folded %q is %q, %v", s, k, ok, want, wantK, wantOK)
			}
		}
	})
}

// FuzzControlChar holds controlChar's byte scan to a scan of the
// characters.
func FuzzControlChar(f *testing.F) {
	for _, s := range []string{"a\x1bb", "\u0085", "\u009f", "\xe0\xc2\x80", "ok\t\n\r", "\x7f", "é\u00a0", "eight by\x1btes", "1234567\u0085", "12345678\x7f", "tavallinen rivi\r\n\ttoinen rivi ääöö\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want rune
		wantOK := false
		for _, r := range s {
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) {
				want, wantOK = r, true
				break
			}
		}
		if got, ok := controlChar(s); got != want || ok != wantOK {
			t.Fatalf("controlChar(%q) = %U, %v, want %U, %v", s, got, ok, want, wantOK)
		}
	})
}
