package msg

import "testing"

// BenchmarkFormat is one message rendered with an argument and one
// without, as reports render their headings and lines.
func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		T("fi", "assess.checklist", 5)
		T("sv", "assess.anchors")
	}
}
