package criteria

import (
	"embed"
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

//go:embed sets/*.yaml
var builtinFiles embed.FS

var (
	builtinOnce sync.Once
	builtinSets map[string]*Set
	builtinErr  error
)

func loadBuiltins() {
	builtinSets = map[string]*Set{}
	entries, err := builtinFiles.ReadDir("sets")
	if err != nil {
		builtinErr = err
		return
	}
	for _, e := range entries {
		b, err := builtinFiles.ReadFile(path.Join("sets", e.Name()))
		if err != nil {
			builtinErr = err
			return
		}
		s, err := Parse(b, "sets/"+e.Name())
		if err != nil {
			builtinErr = fmt.Errorf("built-in criteria set %s: %w", e.Name(), err)
			return
		}
		s.Origin = ""
		builtinSets[s.ID] = s
	}
}

// BuiltinIDs lists the ids of the built-in sets, the default first.
func BuiltinIDs() []string {
	builtinOnce.Do(loadBuiltins)
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
	builtinOnce.Do(loadBuiltins)
	if builtinErr != nil {
		// The built-in sets are tested; a broken one is a build defect.
		panic(builtinErr)
	}
	s, ok := builtinSets[id]
	return s, ok
}

// UnknownError says that name is neither a built-in set nor a file.
func UnknownError(name string) error {
	return msg.Errorf("criteria.unknown", name, strings.Join(BuiltinIDs(), ", "))
}
