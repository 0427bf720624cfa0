package criteria

import "testing"

// BenchmarkBuiltinSet is what the first Builtin("tyokyky") of a command
// costs: building the set from sets_gen.go and indexing it.
func BenchmarkBuiltinSet(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s := compiledTyokyky()
		s.index()
	}
}
