package form

import (
	"bytes"
	"testing"
)

// FuzzSplitBidYAML: taking a bid's requirements and price out of a YAML
// file never panics, keeps the number of lines (so problems keep their
// lines), and leaves a file without those keys as it was.
func FuzzSplitBidYAML(f *testing.F) {
	f.Add([]byte("criteria: tyokyky\nprovider: X\nrequirements: {a: yes}\nprice: {amount: 1, unit: total}\nitems: []\n"))
	f.Add([]byte("requirements:\n  a: yes\n  b:\n    - x\nprice: 12\n"))
	f.Add([]byte("price:\r\n  amount: 1,5\r\n  unit: client\r\n"))
	f.Add([]byte("{requirements: {a: yes}}"))
	f.Add([]byte("criteria: tyokyky\nitems:\n  - criterion: 1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rest, ans, _ := SplitBidYAML(b, "f.yaml")
		if ans == nil {
			t.Fatal("no answers")
		}
		if bytes.Count(rest, []byte("\n")) != bytes.Count(b, []byte("\n")) {
			t.Fatalf("lines changed:\n%q\n%q", b, rest)
		}
		if !bytes.Contains(b, []byte("requirements")) && !bytes.Contains(b, []byte("price")) && !bytes.Equal(rest, b) {
			t.Fatalf("changed a file without the keys:\n%q\n%q", b, rest)
		}
	})
}
