package criteria

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
)

// DefaultID is the set used when none is named: the Työkykyohjelma
// adaptation, which the Finnish regional work is about.
const DefaultID = "tyokyky"

// The built-in sets are written in sets/*.yaml and compiled into
// compiled/*.json by go generate (internal/gensets): read, checked and
// encoded as laatu holds them, so that no command parses YAML for them.
// The package's tests fail while a compiled file is behind its set.
//
//go:generate go run ./internal/gensets
//go:embed compiled
var compiledSets embed.FS

// builtinSets decodes each built-in set the first time it is asked for:
// a command that needs one set does not pay for the others. A set's id is
// its file's name (sets/tyokyky.yaml holds tyokyky), which the package's
// tests check.
var builtinSets = func() map[string]func() (*Set, error) {
	m := map[string]func() (*Set, error){}
	entries, _ := compiledSets.ReadDir("compiled")
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") {
			continue // the folder's README
		}
		m[strings.TrimSuffix(name, ".json")] = sync.OnceValues(func() (*Set, error) {
			b, err := compiledSets.ReadFile(path.Join("compiled", name))
			if err != nil {
				return nil, err
			}
			var s Set
			if err := json.Unmarshal(b, &s); err != nil {
				return nil, fmt.Errorf("built-in criteria set compiled/%s: %w", name, err)
			}
			s.index()
			return &s, nil
		})
	}
	return m
}()

// Compile reads and checks a criteria set (Parse) and encodes it as a
// built-in set is embedded: JSON of the set as laatu holds it, with no
// origin.
func Compile(b []byte, file string) ([]byte, error) {
	s, err := Parse(b, file)
	if err != nil {
		return nil, err
	}
	s.Origin = ""
	return json.Marshal(s)
}

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
	s, err := load()
	if err != nil {
		// The built-in sets are tested; a broken one is a build defect.
		panic(err)
	}
	if s.ID != id {
		panic(fmt.Sprintf("built-in criteria set sets/%s.yaml has id %q; a set's file is named after its id", id, s.ID))
	}
	return s, true
}

// UnknownError says that name is neither a built-in set nor a file.
func UnknownError(name string) error {
	return msg.Errorf("criteria.unknown", name, strings.Join(BuiltinIDs(), ", "))
}
