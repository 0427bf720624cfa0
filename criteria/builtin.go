package criteria

import (
	"sort"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
)

// DefaultID is the set used when none is named: the Työkykyohjelma
// adaptation, which the Finnish regional work is about.
const DefaultID = "tyokyky"

// The built-in sets are written in sets/*.yaml and compiled into Go
// source, sets_gen.go, by go generate (internal/gensets, Compile): read,
// checked and written out as laatu holds them, so that no command parses
// YAML or decodes anything for them. The package's tests fail while
// sets_gen.go is behind the sets.
//
//go:generate go run -tags gensets ./internal/gensets

// builtinSets builds each built-in set the first time it is asked for: a
// command that needs one set does not pay for the others.
var builtinSets = func() map[string]func() *Set {
	m := make(map[string]func() *Set, len(compiledSets))
	for _, c := range compiledSets {
		m[c.id] = sync.OnceValue(func() *Set {
			s := c.build()
			s.index()
			return s
		})
	}
	return m
}()

// BuiltinIDs lists the ids of the built-in sets, the default first.
func BuiltinIDs() []string {
	ids := make([]string, 0, len(builtinSets))
	for id := range builtinSets {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if (ids[i] == DefaultID) != (ids[j] == DefaultID) {
			return ids[i] == DefaultID
		}
		return ids[i] < ids[j]
	})
	return ids
}

// Builtin returns the built-in set with id. The sets are shared and must not
// be changed by callers.
func Builtin(id string) (*Set, bool) {
	load, ok := builtinSets[id]
	if !ok {
		return nil, false
	}
	return load(), true
}

// UnknownError says that name is neither a built-in set nor a file.
func UnknownError(name string) error {
	return msg.Errorf("criteria.unknown", name, strings.Join(BuiltinIDs(), ", "))
}
