package form

import (
	"strconv"

	"github.com/laatu-fi/laatu/msg"
)

// RulePlaces are where a file holds an item's rule answers, by what they
// answer: "figures:2" (the second per-specialist figure given), "count:fte",
// "input:tracking". The workbook and CSV readers record them; a YAML item
// has none, and its problems point at the item.
type RulePlaces map[string]msg.Place

// Equal reports true: where an answer stands is not what it says, so
// comparing two assessments (go-cmp uses Equal) ignores it, as it ignores
// Place.
func (RulePlaces) Equal(RulePlaces) bool { return true }

func (it *Item) setRulePlace(key string, p msg.Place) {
	if it.RulePlaces == nil {
		it.RulePlaces = RulePlaces{}
	}
	it.RulePlaces[key] = p
}

// rulePlace is where the item's answer key stands, or the item's place.
func (it *Item) rulePlace(key string) msg.Place {
	if p, ok := it.RulePlaces[key]; ok {
		return p
	}
	return it.Place
}

func figuresKey(k int) string   { return csvSubFigures + ":" + strconv.Itoa(k) }
func countKey(id string) string { return csvSubCount + ":" + id }
func inputKey(id string) string { return csvSubInput + ":" + id }
