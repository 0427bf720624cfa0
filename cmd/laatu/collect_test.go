package main

import (
	"path/filepath"
	"testing"
)

func TestOutputInFolder(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		out  string
		want bool
	}{
		{filepath.Join(dir, "vertailu.yaml"), true},
		{filepath.Join(dir, "sub", "vertailu.yml"), true},
		{filepath.Join(dir, "vertailu.html"), false},
		{filepath.Join(dir+"-muu", "vertailu.yaml"), false},
		{"-", false},
	} {
		err := outputInFolder(tc.out, []string{dir})
		if (err != nil) != tc.want {
			t.Errorf("outputInFolder(%s) = %v, want refused %v", tc.out, err, tc.want)
		}
	}
}
