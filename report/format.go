package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// Format is an output format laatu writes. The registry below is the one
// place that says which formats exist, which file extensions name them and
// which commands write them; the commands choose their writer by a Format,
// never by a string.
type Format int

const (
	FormatText Format = iota + 1
	FormatMarkdown
	FormatJSON
	FormatCSV
	FormatXLSX
	FormatHTML
)

// Commands that write reports in one of the formats.
const (
	CmdScore     = "score"
	CmdCompare   = "compare"
	CmdCheck     = "check"
	CmdConsensus = "consensus"
)

type formatInfo struct {
	name string
	// exts are the file extensions that name the format, the first the
	// usual one.
	exts []string
	// commands write the format.
	commands []string
}

var formats = map[Format]formatInfo{
	FormatText:     {"text", []string{".txt"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
	FormatMarkdown: {"md", []string{".md", ".markdown"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
	FormatJSON:     {"json", []string{".json"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
	FormatCSV:      {"csv", []string{".csv"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
	FormatXLSX:     {"xlsx", []string{".xlsx"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
	FormatHTML:     {"html", []string{".html", ".htm"}, []string{CmdScore, CmdCompare, CmdCheck, CmdConsensus}},
}

// AllFormats lists every format in the order they are offered.
var AllFormats = []Format{FormatText, FormatMarkdown, FormatJSON, FormatCSV, FormatXLSX, FormatHTML}

// String is the format's name as --format takes it.
func (f Format) String() string { return formats[f].name }

// Extensions are the file extensions (with the dot) that name f.
func (f Format) Extensions() []string { return append([]string(nil), formats[f].exts...) }

// Supports reports whether command writes f.
func (f Format) Supports(command string) bool {
	for _, c := range formats[f].commands {
		if c == command {
			return true
		}
	}
	return false
}

// FormatsFor lists the formats command writes.
func FormatsFor(command string) []Format {
	var fs []Format
	for _, f := range AllFormats {
		if f.Supports(command) {
			fs = append(fs, f)
		}
	}
	return fs
}

// FormatNames lists the names of fs, for messages and completion.
func FormatNames(fs []Format) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return names
}

func extList(fs []Format) string {
	var exts []string
	for _, f := range fs {
		exts = append(exts, f.Extensions()...)
	}
	return strings.Join(exts, ", ")
}

// ParseFormat reads a format's name (text, md, json, csv, xlsx, html).
func ParseFormat(name string) (Format, error) {
	for _, f := range AllFormats {
		if f.String() == name {
			return f, nil
		}
	}
	return 0, msg.Errorf("report.format.unknown", name, strings.Join(FormatNames(AllFormats), ", "))
}

// FormatFromPath is the format an output file's extension names, case
// aside; false when it names none.
func FormatFromPath(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return 0, false
	}
	for _, f := range AllFormats {
		for _, e := range formats[f].exts {
			if e == ext {
				return f, true
			}
		}
	}
	return 0, false
}

// ChooseFormat picks command's format from --format (flag, "" when not
// given) and the output file (output, "" or "-" for standard output):
//
//   - the flag when given; it must be one the command writes, and an output
//     file whose extension names another format is an error rather than a
//     file that opens as the wrong kind;
//   - otherwise the output file's extension, which must name a format the
//     command writes;
//   - otherwise (standard output, or a name without an extension such as
//     /dev/null) text.
//
// An output file whose extension names no format (report.log) takes the
// flag's format. Errors are msg messages, in the reader's language.
func ChooseFormat(command, flag, output string) (Format, error) {
	supported := FormatsFor(command)
	toFile := output != "" && output != "-"
	byExt, known := FormatFromPath(output)
	if flag != "" {
		f, err := ParseFormat(flag)
		if err != nil {
			return 0, msg.Errorf("report.format.unknown", flag, strings.Join(FormatNames(supported), ", "))
		}
		if !f.Supports(command) {
			return 0, msg.Errorf("report.format.unsupported", flag, command, strings.Join(FormatNames(supported), ", "))
		}
		if toFile && known && byExt != f {
			return 0, msg.Errorf("report.format.mismatch", flag, output, byExt.String())
		}
		return f, nil
	}
	if !toFile || filepath.Ext(output) == "" {
		// Standard output, or a file without an extension (a device such
		// as /dev/null, a pipe): text.
		return FormatText, nil
	}
	if !known {
		return 0, msg.Errorf("report.format.bad-extension", output, extList(supported))
	}
	if !byExt.Supports(command) {
		return 0, msg.Errorf("report.format.unsupported-extension", output, command, extList(supported))
	}
	return byExt, nil
}

// WriteDoc writes d in format f with that format's renderer: the one place
// a command's chosen format meets a document. width is the text
// renderer's line width, csv the CSV dialect. JSON is not a rendering of a
// document (each view has its own stable schema), so it is refused here.
func WriteDoc(w io.Writer, d *Document, f Format, width int, csv CSVOptions) error {
	switch f {
	case FormatMarkdown:
		return WriteDocMarkdown(w, d)
	case FormatCSV:
		return WriteDocCSV(w, d, csv)
	case FormatXLSX:
		return WriteDocXLSX(w, d)
	case FormatHTML:
		return WriteDocHTML(w, d)
	case FormatText:
		return WriteDocText(w, d, width)
	}
	return fmt.Errorf("report: %s is not a rendering of a document", f)
}
