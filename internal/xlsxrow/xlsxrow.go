// Package xlsxrow estimates how text wraps in a spreadsheet cell, for the
// programs that write XLSX: Excel and LibreOffice do not fit a row's height
// to wrapped text written by another program (and excelize's stream writer
// gives rows no height at all), so the writer sets each row's height from
// its longest text, and each column's width from its heading's longest word
// so that a heading never breaks inside a word.
//
// Widths are in the spreadsheet's unit, the width of a digit of the
// default font. Running Finnish text takes about as many digits a
// character in Calibri (and Carlito, which has its widths) as in DejaVu
// Sans (LibreOffice's fallback when both are missing, which also measures
// columns in its own wider digits), so one estimate serves both; it is
// set by Calibri's, the tighter, and errs towards a line too many, never
// too few.
package xlsxrow

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxHeight is Excel's highest row, in points.
const MaxHeight = 409

// charsPerWidth is how many average characters (see runeWidth) of a
// font fit in one unit of column width, regular; bold takes 10 % more.
// Measured in LibreOffice: about 1.12 in DejaVu Sans, but 1.04 in Carlito,
// which has Calibri's widths and so wraps as Excel does ("Asiakasmäärä
// työhönvalmentajaa kohden" takes two lines in a column 34 wide); the
// estimate takes the narrower with room to spare.
const charsPerWidth = 1.0

// padding is the part of a column's width taken by the cell's margins, and
// wordPadding the same for a heading's longest word, with room to spare.
const (
	padding     = 0.4
	wordPadding = 1.5
)

// runeWidth is a character's width relative to an average lower-case
// letter: narrow letters and punctuation take less, capitals and m, w more.
func runeWidth(r rune) float64 {
	switch {
	case strings.ContainsRune("iljtfrI.,:;'!|()[]/ ", r):
		return 0.6
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == 'Ä' || r == 'Ö':
		return 1.45
	case unicode.IsUpper(r):
		return 1.2
	case unicode.IsDigit(r):
		return 1.05
	}
	return 1
}

// textWidth is the width of s in average characters.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// capacity is how many average characters of a font of size points (bold
// or not) fit on one line of a column width characters wide.
func capacity(width, size float64, bold bool) float64 {
	c := (width - padding) * charsPerWidth * 11 / size
	if bold {
		c /= 1.1
	}
	return math.Max(c, 1)
}

// Lines is how many lines text takes in a column width characters wide,
// in a font of size points: each paragraph wraps on its own, at spaces and
// after hyphens, and a word longer than the line breaks where it must.
func Lines(text string, width, size float64, bold bool) int {
	if size <= 0 {
		size = 11
	}
	per := capacity(width, size, bold)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		lines, used := 1, 0.0
		for _, word := range words(para) {
			w := textWidth(word)
			space := 0.0
			if used > 0 && !strings.HasSuffix(word, "-") {
				space = runeWidth(' ')
			}
			switch {
			case used > 0 && used+space+w <= per:
				used += space + w
			case w <= per:
				if used > 0 {
					lines++
				}
				used = w
			default:
				if used > 0 {
					lines++
				}
				extra := int(math.Ceil(w/per)) - 1
				lines += extra
				used = w - float64(extra)*per
			}
		}
		n += lines
	}
	return n
}

// words splits a paragraph into the pieces a line may break between:
// at spaces, and after a hyphen or dash inside a word.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for f != "" {
			i := strings.IndexAny(f, "-–")
			if i < 0 || i == len(f)-1 {
				out = append(out, f)
				break
			}
			_, size := utf8.DecodeRuneInString(f[i:])
			out = append(out, f[:i+size])
			f = f[i+size:]
		}
	}
	return out
}

// Height is the height in points of a row that shows lines lines of a font
// of size points whole, at most MaxHeight.
func Height(lines int, size float64) float64 {
	if size <= 0 {
		size = 11
	}
	return math.Min(math.Max(float64(lines)*size*1.3+3, 15), MaxHeight)
}

// WordWidth is the column width in which the longest word of text, in a
// font of size points (bold or not), fits on one line.
func WordWidth(text string, size float64, bold bool) float64 {
	if size <= 0 {
		size = 11
	}
	longest := 0.0
	for _, w := range words(text) {
		longest = math.Max(longest, textWidth(w))
	}
	// Generous: a heading one character too narrow breaks in a word.
	f := size / 11 / charsPerWidth * 1.04
	if bold {
		f *= 1.12
	}
	return math.Ceil((longest*f+wordPadding)*2) / 2
}

// LineWidth is the column width in which all of text, in a font of size
// points (bold or not), fits on one line: what a column of short values
// (a name, a date) needs not to wrap.
func LineWidth(text string, size float64, bold bool) float64 {
	if size <= 0 {
		size = 11
	}
	longest := 0.0
	for _, para := range strings.Split(text, "\n") {
		longest = math.Max(longest, textWidth(para))
	}
	f := size / 11 / charsPerWidth * 1.04
	if bold {
		f *= 1.12
	}
	return math.Ceil((longest*f+wordPadding)*2) / 2
}
