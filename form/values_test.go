package form

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"time"
)

func TestParseLevel(t *testing.T) {
	type result struct {
		Level int
		OK    bool
	}
	tests := map[string]result{
		"4": {4, true}, "4.0": {4, true}, "4,0": {4, true}, `"4"`: {4, true}, " 5 ": {5, true}, "1": {1, true},
		"4 – valmentajalla 21–25 asiakasta": {4, true}, "3 - one to three phases": {3, true},
		"5 – Työhönvalmennukseen kuluu vähintään 96 % työajasta": {5, true}, "2\u00a0– kaksi": {2, true},
		"": {0, true}, "  ": {0, true},
		// Out of range, or not whole.
		"0": {}, "6": {}, "7": {}, "4.5": {}, "4,5": {}, "45": {}, "-1": {}, "+4": {}, "1e400": {}, "4e0": {},
		"NaN": {}, "Inf": {}, "neljä": {}, "4a": {},
		// Text that only starts with a digit: ranges, lists, remarks.
		"1–5": {}, "4-5": {}, "4 - 5": {}, "1 – 5": {}, "3) hyvä": {}, "2: kaksi": {}, "4 –": {}, "4 –  ": {},
		"4 – 70–84 % töistä on eri työnantajilla.": {4, true}, "4 – 4,5": {}, "4 – ok\n5 – parempi": {}, "6 – liikaa": {}, "0 – ei": {}, "4 hyvä": {}, "4–hyvä": {},
		// Not decimal numbers.
		"0x1p2": {}, "0x4": {}, "4_0": {}, "0b100": {}, "0o4": {}, "٤": {},
	}
	got := map[string]result{}
	for in := range tests {
		l, ok := ParseLevel(in)
		got[in] = result{l, ok}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("ParseLevel (-want +got):\n%s", diff)
	}
}

func TestParseNumber(t *testing.T) {
	type result struct {
		X  float64
		OK bool
	}
	tests := map[string]result{
		"23.7": {23.7, true}, "23,7": {23.7, true}, "92 %": {92, true}, "92%": {92, true}, "1 200": {1200, true},
		"1\u00a0200,5": {1200.5, true}, "−3": {-3, true}, "-3": {-3, true}, "0": {0, true}, ",5": {0.5, true}, "1,5E+20": {1.5e20, true},
		"": {}, "1,2,3": {}, "1.200,5": {}, "abc": {}, "NaN": {}, "nan": {}, "+Inf": {}, "inf": {}, "Infinity": {}, "1e400": {},
		"0x1p2": {}, "0x10": {}, "1_000": {}, "0b1": {}, "%": {}, "-": {}, ".": {}, "4-5": {}, "1–5": {},
	}
	got := map[string]result{}
	for in := range tests {
		x, ok := ParseNumber(in)
		got[in] = result{x, ok}
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("ParseNumber (-want +got):\n%s", diff)
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026-11-24", "24.11.2026", "24.11.2026.", " 2026-11-24 "} {
		got, ok := ParseDate(in)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "2026-13-01", "31.2.2026", "marraskuu"} {
		if _, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}
