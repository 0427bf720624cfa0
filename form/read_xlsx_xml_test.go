package form

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// TestCheckXML reads small parts through checkXML (the excelize reader's
// check) and through partTokens (the one-pass reader's): what each
// counts, and the fault it finds (row, detail in English), or none.
func TestCheckXML(t *testing.T) {
	type result struct {
		Count   int
		Row     int
		Detail  string
		Strings bool
	}
	latin1, _ := charmap.Windows1252.NewEncoder().String(`<?xml version="1.0" encoding="windows-1252"?><sst><si><t>Kätevä</t></si></sst>`)
	sheet := func(rows string) string {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
	}
	for _, tc := range []struct {
		name, in string
		want     result
	}{
		{"a sheet", sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), result{}},
		{"a byte order mark", "\xef\xbb\xbf" + sheet(""), result{}},
		{"shared strings", `<sst xmlns="x" count="2"><si><t>a</t></si><si/><si><r><t>b</t></r></si></sst>`, result{Count: 3}},
		{"another encoding", latin1, result{Count: 1}},
		{"si below the top is no entry", `<x><sst><si/></sst></x>`, result{}},
		{"too many shared strings", `<sst>` + strings.Repeat(`<si/>`, 4) + `</sst>`, result{Count: 4, Strings: true}},
		{"unclosed cell", sheet(`<row r="1"/><row r="20"><c r="D20"><v>4</v></row>`), result{Row: 20, Detail: "line 2 of the XML: element <c> closed by </row>"}},
		{"rows without numbers", sheet(`<row r="3"/><row/><row><c>&foo;</c></row>`), result{Row: 5, Detail: "line 2 of the XML: invalid character entity &foo;"}},
		{"cut short", sheet(`<row r="1">`)[:120], result{Detail: "line 2 of the XML: unexpected EOF"}},
		{"doctype", `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "4">]><worksheet/>`, result{Detail: "it has a document type declaration, <!DOCTYPE …>, which Excel and LibreOffice never write"}},
		{"empty", "", result{Detail: "the part holds no XML"}},
		{"only a declaration", `<?xml version="1.0"?>`, result{Detail: "the part holds no XML"}},
		{"text", "Kriteeristö;tyokyky", result{Detail: "the part holds no XML"}},
		{"a zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00", result{Detail: "the part is itself a zip file, not XML"}},
		{"two roots", `<sst><si/></sst><sst><si/></sst>`, result{Count: 1, Detail: "the element <sst> is followed by another element <sst>"}},
		{"text after the root", `<sst/>4`, result{Detail: "text outside the XML's root element"}},
		{"not UTF-8", "<sst><si><t>K\xe4tev\xe4</t></si></sst>", result{Count: 1, Detail: "line 1 of the XML: invalid UTF-8"}},
		{"unknown encoding", `<?xml version="1.0" encoding="klingon"?><sst/>`, result{Detail: `xml: opening charset "klingon": htmlindex: invalid encoding name`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			count, fault, err := checkXML("xl/part.xml", strings.NewReader(tc.in), 3)
			if err != nil {
				t.Fatalf("read error %v", err)
			}
			p := newPartTokens("xl/part.xml", strings.NewReader(tc.in), 3)
			p.drain()
			if p.err != nil {
				t.Fatalf("partTokens: read error %v", p.err)
			}
			for _, r := range []struct {
				name  string
				count int
				fault *xmlFault
			}{{"checkXML", count, fault}, {"partTokens", p.count, p.fault}} {
				got := result{Count: r.count}
				if r.fault != nil {
					got.Row, got.Strings = r.fault.row, r.fault.strings
					if !r.fault.strings {
						got.Detail = r.fault.detail.In("en")
					}
				}
				if d := cmp.Diff(tc.want, got); d != "" {
					t.Errorf("%s (-want +got):\n%s", r.name, d)
				}
			}
		})
	}
}

// TestCheckXMLReadError: an error reading the part (a damaged zip) is an
// error, not a fault in the XML.
func TestCheckXMLReadError(t *testing.T) {
	broken := errors.New("zip: checksum error")
	for _, after := range []int{0, 10} {
		const part = `<sst><si><t>a</t></si><si>`
		r := &failingReader{s: part, after: after, err: broken}
		_, fault, err := checkXML("xl/sharedStrings.xml", r, 100)
		if !errors.Is(err, broken) || fault != nil {
			t.Errorf("after %d bytes: err %v, fault %v; want the read error", after, err, fault)
		}
		p := newPartTokens("xl/sharedStrings.xml", &failingReader{s: part, after: after, err: broken}, 100)
		scanStrings(p)
		if !errors.Is(p.err, broken) || p.fault != nil {
			t.Errorf("partTokens, after %d bytes: err %v, fault %v; want the read error", after, p.err, p.fault)
		}
	}
}

// failingReader returns s, up to after bytes of it, and then err.
type failingReader struct {
	s     string
	after int
	err   error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.after == 0 {
		return 0, r.err
	}
	n := copy(p, r.s[:min(r.after, len(r.s))])
	r.s, r.after = r.s[n:], r.after-n
	return n, nil
}
