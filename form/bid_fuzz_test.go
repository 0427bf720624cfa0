package form

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
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

// FuzzReadBidFormCSV: reading a CSV bid form never panics, and a file it
// refuses gets located problems, never an empty error.
func FuzzReadBidFormCSV(f *testing.F) {
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	var form bytes.Buffer
	if err := WriteBidFormCSV(&form, p, set, "fi"); err != nil {
		f.Fatal(err)
	}
	f.Add(form.Bytes())
	f.Add([]byte("laatu-bid-form;profile=te-tyohonvalmennus;profile_version=2;criteria=tyokyky;criteria_version=2;rows=99\n1;x;y;7\n"))
	f.Add([]byte("a,b\nlaatu-bid-form,profile=x,a,b,c,d\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(dir, "bid.csv")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		a, ans, err := ReadBidFormCSV(path, p)
		if err == nil && (a == nil || ans == nil) {
			t.Fatal("no error and no bid")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("an empty error")
		}
	})
}
