package form_test

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Rewrites of a saved workbook into what other writers produce, at the
// level of the file's XML, since excelize itself always writes one way.

var (
	siRE         = regexp.MustCompile(`(?s)<si>(.*?)</si>`)
	sharedCellRE = regexp.MustCompile(`<c ([^>]*?)t="s"([^>]*)><v>(\d+)</v></c>`)
	sstOverride  = regexp.MustCompile(`<Override[^>]*sharedStrings[^>]*/>`)
)

// inlineStrings turns every shared-string cell into an inline string, as
// some writers do, drops the shared-string table, and gives the formula in
// cell a cached value.
func inlineStrings(t testing.TB, b []byte, cell, cached string) []byte {
	t.Helper()
	parts := unzipParts(t, b)
	var shared []string
	for _, m := range siRE.FindAllStringSubmatch(string(parts["xl/sharedStrings.xml"]), -1) {
		shared = append(shared, m[1])
	}
	for name, data := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		s := sharedCellRE.ReplaceAllStringFunc(string(data), func(c string) string {
			m := sharedCellRE.FindStringSubmatch(c)
			i := 0
			for _, d := range m[3] {
				i = i*10 + int(d-'0')
			}
			return `<c ` + m[1] + `t="inlineStr"` + m[2] + `><is>` + shared[i] + `</is></c>`
		})
		// A number result: no t attribute, the value after the formula.
		formula := regexp.MustCompile(`<c r="` + cell + `"( s="\d+")?[^>]*><f>([^<]*)</f>(<v>[^<]*</v>)?</c>`)
		s = formula.ReplaceAllString(s, `<c r="`+cell+`"$1><f>$2</f><v>`+cached+`</v></c>`)
		parts[name] = []byte(s)
	}
	delete(parts, "xl/sharedStrings.xml")
	parts["[Content_Types].xml"] = sstOverride.ReplaceAll(parts["[Content_Types].xml"], nil)
	return zipParts(t, parts)
}

func unzipParts(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

func zipParts(t testing.TB, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// [Content_Types].xml first, as Office writes it.
	names := []string{"[Content_Types].xml"}
	for name := range parts {
		if name != names[0] {
			names = append(names, name)
		}
	}
	slices.Sort(names[1:]) // the same zip every time
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(parts[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
