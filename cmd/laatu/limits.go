package main

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

// addLimitFlags gives every command the flags that bound what laatu reads
// from an assessment file (form.Limits): the file's size and, for a
// workbook, its size unpacked. Their values go to io.Limits, which every
// command that reads assessments passes to form.
func addLimitFlags(root *cobra.Command, io *IO, lang string) {
	if io.Limits.FileSize == 0 {
		io.Limits = form.DefaultLimits
	}
	root.PersistentFlags().Var(&sizeValue{flag: "--max-file-size", n: &io.Limits.FileSize}, "max-file-size",
		msg.T(lang, "harden.flag.max-file-size"))
	root.PersistentFlags().Var(&sizeValue{flag: "--max-unzip-size", n: &io.Limits.UnzipSize, set: func(n int64) {
		// One XML part may be an eighth of the whole, as by default.
		io.Limits.UnzipXMLSize = n / 8
	}}, "max-unzip-size", msg.T(lang, "harden.flag.max-unzip-size"))
}

// sizeValue is a flag holding a number of bytes, written as people write
// sizes: 16MB, 64MiB, 1,5GB, 500k, 1048576.
type sizeValue struct {
	flag string
	n    *int64
	set  func(int64)
}

func (v *sizeValue) String() string {
	if v.n == nil {
		return ""
	}
	return strings.ReplaceAll(form.FormatSize(*v.n), " ", "")
}

func (v *sizeValue) Type() string { return "SIZE" }

func (v *sizeValue) Set(s string) error {
	n, ok := parseSize(s)
	if !ok {
		return msg.Errorf("harden.bad-size", v.flag, s)
	}
	*v.n = n
	if v.set != nil {
		v.set(n)
	}
	return nil
}

// sizeUnits are the accepted units, in lower case: SI prefixes count in
// thousands (MB), binary ones in 1024s (MiB); a bare K, M or G is binary,
// as in most command-line tools.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1e3, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1e6, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1e9, "gib": 1 << 30,
}

// maxSize is the largest size accepted: a terabyte is beyond any
// assessment, and the bound keeps arithmetic on sizes from overflowing.
const maxSize = 1 << 40

// parseSize reads a size: a number (a decimal comma or point allowed) and
// a unit, with or without a space between them. It must be at least one
// byte.
func parseSize(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' })
	if i < 0 {
		i = len(s)
	}
	number, unit := strings.ReplaceAll(s[:i], ",", "."), strings.ToLower(strings.TrimSpace(s[i:]))
	x, err := strconv.ParseFloat(number, 64)
	scale, ok := sizeUnits[unit]
	if err != nil || !ok {
		return 0, false
	}
	n := math.Round(x * scale)
	if n < 1 || n > maxSize {
		return 0, false
	}
	return int64(n), true
}
