package form

// OutcomesCell is the outcomes sheet's value cell of a field:
// "caseload", "competitive_work", "employment_rate", "benchmark"….
func OutcomesCell(key string) string {
	return cellName(columnOf(detailsColumns, colValue), outcomesRow(key))
}
