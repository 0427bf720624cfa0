package form

import (
	"testing"
	"time"
)

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in    string
		level int
		ok    bool
	}{
		{"4", 4, true}, {"4.0", 4, true}, {"4,0", 4, true}, {`"4"`, 4, true}, {" 5 ", 5, true},
		{"4 – valmentajalla 21–25 asiakasta", 4, true}, {"3 - one to three phases", 3, true}, {"2: kaksi", 2, true},
		{"", 0, true}, {"  ", 0, true},
		{"0", 0, false}, {"6", 0, false}, {"7", 0, false}, {"4.5", 0, false}, {"4,5", 0, false},
		{"neljä", 0, false}, {"45", 0, false}, {"4a", 0, false}, {"-1", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
	}
	for _, tt := range tests {
		level, ok := ParseLevel(tt.in)
		if level != tt.level || ok != tt.ok {
			t.Errorf("ParseLevel(%q) = %d, %v; want %d, %v", tt.in, level, ok, tt.level, tt.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"23.7", 23.7, true}, {"23,7", 23.7, true}, {"92 %", 92, true}, {"92%", 92, true}, {"1 200", 1200, true},
		{"1\u00a0200,5", 1200.5, true}, {"−3", -3, true}, {"0", 0, true},
		{"", 0, false}, {"1,2,3", 0, false}, {"1.200,5", 0, false}, {"abc", 0, false}, {"NaN", 0, false}, {"+Inf", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
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
