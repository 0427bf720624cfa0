package form

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"

	"github.com/laatu-fi/laatu/msg"
)

// partTokens reads one XML part of a workbook, already unpacked, token by
// token with encoding/xml's RawToken, and holds it to the rules of
// read_xlsx_xml.go: a strict parser's (every element closed by its own end tag,
// nothing after the end of the file but the end of the root), no document
// type declaration, one root and no text outside it. RawToken leaves the
// matching of end tags to its caller; Token does it too, but also
// translates every name's namespace, which costs a reader that only asks
// for local names a third of its time. The first fault ends the part:
// next returns false and fault says what it was.
type partTokens struct {
	part  string
	src   *readError
	d     *xml.Decoder
	open  []xml.Name // the elements started and not yet ended, raw names
	root  string
	row   int // the sheet row last started (1-based), for the fault
	count int // the si elements below an sst root
	max   int // the most si elements allowed
	fault *xmlFault
	// err is the error of reading the part (its checksum, its deflate
	// stream), which ends it as a fault does.
	err error
}

// newPartTokens starts reading the part named part from r, as a stream;
// maxStrings is the most entries a shared-string table may have. A part
// that is not XML at all has its fault at once.
func newPartTokens(part string, r io.Reader, maxStrings int) *partTokens {
	p := &partTokens{part: part, max: maxStrings, src: &readError{r: r}}
	br := bufio.NewReaderSize(p.src, 16<<10)
	head, _ := br.Peek(512)
	if p.src.err != nil {
		p.err = p.src.err
		return p
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		p.fail("xlsx.detail.zip")
		return p
	case len(head) == 0 || head[0] != '<':
		p.fail("xlsx.detail.not-xml")
		return p
	}
	p.d = xml.NewDecoder(br)
	p.d.Strict = true
	p.d.CharsetReader = charsetReader
	return p
}

func (p *partTokens) fail(key string, args ...any) {
	p.fault = &xmlFault{part: p.part, row: p.row, detail: msg.M(key, args...)}
}

// depth is how many elements are open.
func (p *partTokens) depth() int { return len(p.open) }

// next returns the part's next token, which is valid until the next call,
// or false at the end of the part or at its first fault.
func (p *partTokens) next() (xml.Token, bool) {
	if p.fault != nil || p.err != nil || p.d == nil {
		return nil, false
	}
	tok, err := p.d.RawToken()
	if p.src.err != nil {
		p.err = p.src.err
		return nil, false
	}
	if err == io.EOF {
		switch {
		case len(p.open) > 0:
			line, _ := p.d.InputPos()
			err = &xml.SyntaxError{Msg: "unexpected EOF", Line: line}
		case p.root == "":
			p.fail("xlsx.detail.not-xml")
			return nil, false
		default:
			p.d = nil
			return nil, false
		}
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			p.fail("xlsx.detail.syntax", se.Line, se.Msg)
		} else {
			p.fail("xlsx.detail.other", err.Error())
		}
		return nil, false
	}
	switch t := tok.(type) {
	case xml.StartElement:
		p.open = append(p.open, t.Name)
		switch depth := len(p.open); {
		case depth == 1 && p.root != "":
			p.fail("xlsx.detail.two-roots", p.root, t.Name.Local)
			return nil, false
		case depth == 1:
			p.root = t.Name.Local
		case depth == 2 && p.root == "sst" && t.Name.Local == "si":
			if p.count++; p.count > p.max {
				p.fault = &xmlFault{part: p.part, strings: true}
				return nil, false
			}
		case t.Name.Local == "row":
			if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
				p.row = r
			} else {
				p.row++
			}
		}
	case xml.EndElement:
		if !p.close(t.Name) {
			return nil, false
		}
	case xml.Directive:
		p.fail("xlsx.detail.doctype")
		return nil, false
	case xml.CharData:
		if len(p.open) == 0 && len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 { // a byte order mark is no text
			p.fail("xlsx.detail.text-outside")
			return nil, false
		}
	}
	return tok, true
}

// close ends the element last started, which must be the one name ends;
// the messages are encoding/xml's own (Decoder.Token).
func (p *partTokens) close(name xml.Name) bool {
	line, _ := p.d.InputPos()
	syntax := func(text string) bool {
		p.fail("xlsx.detail.syntax", line, text)
		return false
	}
	if len(p.open) == 0 {
		return syntax("unexpected end element </" + name.Local + ">")
	}
	s := p.open[len(p.open)-1]
	p.open = p.open[:len(p.open)-1]
	switch {
	case s.Local != name.Local:
		return syntax("element <" + s.Local + "> closed by </" + name.Local + ">")
	case s.Space != name.Space:
		ns := name.Space
		if ns == "" {
			ns = `""`
		}
		return syntax("element <" + s.Local + "> in space " + s.Space + " closed by </" + name.Local + "> in space " + ns)
	}
	return true
}

// drain reads the rest of the part, for its faults only.
func (p *partTokens) drain() {
	for {
		if _, ok := p.next(); !ok {
			return
		}
	}
}
