package form_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"runtime"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
)

// zipBomb returns a zip whose worksheet unpacks to size bytes of zeros
// (a whole number of MiB) from about size/1000 bytes. The deflate stream
// is one MiB's stream repeated: after a flush each block starts on a byte
// and refers only to the zeros before it, so the copies join into one
// valid stream with an honest size and checksum.
func zipBomb(t testing.TB, size int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	chunk := func() []byte {
		buf.Reset()
		fw.Write(zeros)
		fw.Flush()
		return append([]byte(nil), buf.Bytes()...)
	}
	first, next := chunk(), chunk()
	buf.Reset()
	fw.Close()
	end := append([]byte(nil), buf.Bytes()...)

	var data bytes.Buffer
	data.Write(first)
	crc := crc32.Update(0, crc32.IEEETable, zeros)
	for i := int64(1); i < size>>20; i++ {
		data.Write(next)
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	data.Write(end)

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`},
	} {
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.body))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(data.Len()), UncompressedSize64: uint64(size),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data.Bytes())
	zw.Close()
	return out.Bytes()
}

// lyingZip declares its worksheet as 1000 bytes but holds 64 MiB of zeros.
func lyingZip(t testing.TB) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(make([]byte, 64<<20))
	fw.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	wb, _ := zw.Create("xl/workbook.xml")
	wb.Write([]byte(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`))
	w, _ := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000,
	})
	w.Write(comp.Bytes())
	zw.Close()
	return out.Bytes()
}

// readBounded reads b as a workbook and returns the error text and the
// bytes allocated meanwhile.
func readBounded(t *testing.T, b []byte, lim form.Limits) (string, uint64) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	a, err := form.ReadXLSX(bytes.NewReader(b), "pommi.xlsx", lim)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatalf("read %v, want an error", a)
	}
	return strings.Join(problemLines(t, err), "\n"), after.TotalAlloc - before.TotalAlloc
}

// TestZipBomb: a workbook that unpacks to a gigabyte is refused from the
// sizes its zip declares, before anything is unpacked: the memory used is
// a small multiple of the file's own size.
func TestZipBomb(t *testing.T) {
	bomb := zipBomb(t, 1<<30)
	if len(bomb) > 4<<20 {
		t.Fatalf("the bomb is %d bytes; the test wants a small file", len(bomb))
	}
	// The bomb is real: its stream unpacks to zeros with the right checksum.
	zr, err := zip.NewReader(bytes.NewReader(bomb), int64(len(bomb)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[2].Open()
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 3<<20)
	if n, err := rc.Read(head); n == 0 || err != nil || !bytes.Equal(head[:n], make([]byte, n)) {
		t.Fatalf("the bomb does not unpack to zeros: %d bytes, %v", n, err)
	}
	rc.Close()

	text, alloc := readBounded(t, bomb, form.DefaultLimits)
	t.Logf("a %d-byte bomb of 1 GiB: refused after allocating %d bytes", len(bomb), alloc)
	want := "pommi.xlsx: the workbook unpacks to 1025 MiB but at most 64 MiB is allowed; it may be a zip bomb"
	if !strings.HasPrefix(text, want) {
		t.Errorf("got  %s\nwant %s…", text, want)
	}
	if limit := uint64(3*len(bomb) + 8<<20); alloc > limit {
		t.Errorf("reading the bomb allocated %d bytes, want at most %d", alloc, limit)
	}
}

// TestLyingZip: a part that unpacks to more than its zip declares is cut
// off where the declared size ends (Go's zip reader refuses the rest).
func TestLyingZip(t *testing.T) {
	text, alloc := readBounded(t, lyingZip(t), form.DefaultLimits)
	if !strings.Contains(text, "the workbook is damaged or cut short") {
		t.Errorf("got %s", text)
	}
	if alloc > 16<<20 {
		t.Errorf("reading the lying zip allocated %d bytes", alloc)
	}
}

func TestBadWorkbooks(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	template := templateBytes(t, set, "fi")
	var encrypted bytes.Buffer
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write(&encrypted, excelize.Options{Password: "salasana"}); err != nil {
		t.Fatal(err)
	}
	var twice bytes.Buffer
	f, err = excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	kopio, err := f.NewSheet("Kopio")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.CopySheet(1, kopio); err != nil { // the assessment sheet
		t.Fatal(err)
	}
	f.Write(&twice)
	var plain bytes.Buffer
	excelize.NewFile().Write(&plain)
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<document/>"))
	zw.Close()
	old := append(append([]byte{}, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), make([]byte, 1024)...)

	for _, tc := range []struct {
		name string
		b    []byte
		lim  form.Limits
		want string
	}{
		{"empty", nil, form.DefaultLimits, "pommi.xlsx: the file is empty"},
		{"encrypted", encrypted.Bytes(), form.DefaultLimits, "pommi.xlsx: the workbook is encrypted with a password; save it without one"},
		{"old xls", old, form.DefaultLimits, "pommi.xlsx: the file is an old Excel 97–2003 workbook (.xls)"},
		{"renamed csv", []byte("Kriteeristö;tyokyky\r\nNro;Taso\r\n1;4\r\n"), form.DefaultLimits, "pommi.xlsx: the file is not an Excel workbook but text; if it is a CSV file"},
		{"binary", []byte{0, 1, 2, 3, 4, 5, 0xff}, form.DefaultLimits, "pommi.xlsx: the file is not an Excel workbook (.xlsx)"},
		{"docx", docx.Bytes(), form.DefaultLimits, "pommi.xlsx: the file is a Word document (.docx), not an Excel workbook"},
		{"truncated", template[:len(template)/2], form.DefaultLimits, "pommi.xlsx: the workbook is damaged or cut short (zip: not a valid zip file)"},
		{"not a template", plain.Bytes(), form.DefaultLimits, `pommi.xlsx: the workbook is not a laatu template: no sheet has "laatu:details" in its hidden cell A1`},
		{"two assessment sheets", twice.Bytes(), form.DefaultLimits, "pommi.xlsx: Kopio: the workbook has two laatu sheets (Arviointi and Kopio); delete one"},
		{"file size", template, form.Limits{FileSize: 1000}, "pommi.xlsx: the file is larger than 1 kB, the most laatu reads; if it really is an assessment, raise the limit with --max-file-size"},
		{"zip parts", template, form.Limits{Parts: 3}, "pommi.xlsx: the workbook has 14 parts; at most 3 are allowed"},
		{"rows", template, form.Limits{Rows: 30}, "pommi.xlsx: Arviointi: the sheet has more than 30 rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, _ := readBounded(t, tc.b, tc.lim)
			if !strings.HasPrefix(text, tc.want) {
				t.Errorf("got  %s\nwant %s…", text, tc.want)
			}
		})
	}
}

// TestFarCells: one cell in column XFD on 4 700 rows made the sheet reader
// lay out 77 million cells (20 GB); the cell budget refuses the workbook
// after a few rows, with a message naming the cell where it ran out.
func TestFarCells(t *testing.T) {
	b := farCells(t)
	text, alloc := readBounded(t, b, form.DefaultLimits)
	t.Logf("a %d-byte workbook with cells in column XFD: refused after allocating %d MB", len(b), alloc>>20)
	want := "pommi.xlsx: Arviointi!XFD212: the workbook has more than 200000 cells to read"
	if !strings.HasPrefix(text, want) {
		t.Errorf("got  %s\nwant %s…", text, want)
	}
	if alloc > 64<<20 {
		t.Errorf("reading it allocated %d bytes", alloc)
	}
}
