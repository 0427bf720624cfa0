package yamlfile

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// yaml.v3 says what is wrong in English and in the words of its grammar
// ("mapping values are not allowed in this context"). syntaxCases turns
// the faults people make most often in a hand-edited file into laatu's
// own sentence in the reader's language, saying what to do; yaml.v3's text
// stays only as a detail in brackets.
var syntaxCases = []struct {
	prefix string // the start of yaml.v3's text, after "line N: "
	key    string // the message, with the original as its argument
}{
	{"did not find expected ',' or '}'", "yaml.syntax.flow-map"},
	{"did not find expected ',' or ']'", "yaml.syntax.flow-list"},
	{"mapping values are not allowed", "yaml.syntax.colon"},
	{"did not find expected key", "yaml.syntax.indent"},
	{"did not find expected '-' indicator", "yaml.syntax.list-indent"},
	{"found a tab character", "yaml.syntax.tab"},
	{"found unexpected end of stream", "yaml.syntax.open-quote"},
	{"did not find expected hexdecimal number", "yaml.syntax.backslash"},
	{"found unknown escape character", "yaml.syntax.backslash"},
	{"could not find expected ':'", "yaml.syntax.no-colon"},
	{"block sequence entries are not allowed", "yaml.syntax.dash"},
	{"found character that cannot start any token", "yaml.syntax.bad-start"},
	{"unknown anchor", "yaml.syntax.reference"},
	{"did not find expected alphabetic or numeric character", "yaml.syntax.reference"},
	{"did not find expected node content", "yaml.syntax.no-value"},
	{"exceeded max depth", "yaml.syntax.depth"},
}

// syntaxMessage is the message for yaml.v3's syntax error text on line of
// b. A tab that indents a line is "a character that cannot start any
// token" to yaml.v3 when it comes before a list item; that is said as a
// tab.
func syntaxMessage(b []byte, line int, text string) msg.Message {
	if strings.HasPrefix(text, "found character that cannot start any token") && indentedByTab(b, line) {
		return msg.M("yaml.syntax.tab", text)
	}
	for _, c := range syntaxCases {
		if strings.HasPrefix(text, c.prefix) {
			return msg.M(c.key, text)
		}
	}
	return msg.M("yaml.syntax", text)
}

// indentedByTab reports whether line of b starts with blanks that hold a
// tab.
func indentedByTab(b []byte, line int) bool {
	lines := bytes.Split(b, []byte("\n"))
	if line < 1 || line > len(lines) {
		return false
	}
	l := lines[line-1]
	indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
	return bytes.Contains(indent, []byte("\t"))
}

var anchorRe = regexp.MustCompile(`^unknown anchor '(.*)' referenced`)

// syntaxLine is the line of a syntax error whose text names none. yaml.v3
// leaves the line out when the fault is on the first line; a reference to
// an unknown anchor (a value starting with *) is found by its name.
func syntaxLine(b []byte, text string) int {
	if m := anchorRe.FindStringSubmatch(text); m != nil {
		for i, l := range bytes.Split(b, []byte("\n")) {
			if bytes.Contains(l, []byte("*"+m[1])) {
				return i + 1
			}
		}
	}
	return 1
}
