package form_test

import (
	"bytes"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
)

// badFilesTender makes the generated malformed tender bids (see badFiles):
// a bid form (laatu template --profile) filled with a level out of range,
// a figure in words and a price in words.
func badFilesTender(t *testing.T) map[string][]byte {
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	var buf bytes.Buffer
	if err := form.WriteBidForm(&buf, p, set, "fi"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Tarjous")
	if err != nil {
		t.Fatal(err)
	}
	priceRow := 0
	for i, r := range rows {
		if len(r) > 0 && r[0] == "price" {
			priceRow = i + 1
		}
	}
	cells := map[string]string{"B3": "Työpolku Oy", "D8": "7", "E8": "parikymmentä", "D9": "4",
		"D" + itoa(priceRow): "paljon", "E" + itoa(priceRow): "client-month"}
	for c, v := range cells {
		if err := f.SetCellStr("Tarjous", c, v); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"tender/bid-form-faults.xlsx": out.Bytes()}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}
