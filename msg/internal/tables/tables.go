// Package tables reads laatu's message tables (msg/messages/*.yaml), for
// the msg package's tests and for the generator that compiles them into
// msg/catalog_gen.go. It is apart from msg so that the generator can run
// while the compiled catalogue is missing or behind.
package tables

import (
	"fmt"
	"io/fs"
	"path"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Load reads every messages/*.yaml table in fsys: the texts by key and
// language, and the languages that have any text, sorted. A key defined
// twice is an error, so that two areas cannot silently overwrite each
// other's texts.
func Load(fsys fs.FS) (map[string]map[string]string, []string, error) {
	texts := map[string]map[string]string{}
	names, err := fs.Glob(fsys, "messages/*.yaml")
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		var table map[string]map[string]string
		if err := yaml.Unmarshal(b, &table); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		for key, t := range table {
			if _, dup := texts[key]; dup {
				return nil, nil, fmt.Errorf("%s: message %q is defined twice", path.Base(name), key)
			}
			texts[key] = t
			for l := range t {
				seen[l] = true
			}
		}
	}
	langs := make([]string, 0, len(seen))
	for l := range seen {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return texts, langs, nil
}

// Rows lays texts out as the compiled catalogue holds them: the keys
// sorted, and for each key in turn its text in each of langs, "" where
// the language has none.
func Rows(texts map[string]map[string]string, langs []string) (keys, rows []string) {
	keys = make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows = make([]string, 0, len(keys)*len(langs))
	for _, k := range keys {
		for _, l := range langs {
			rows = append(rows, texts[k][l])
		}
	}
	return keys, rows
}
