package main

// badInputsCycleForm: the review cycle's sheets and CSV lines typed wrong.
// See badInputs in bad_test.go.
var badInputsCycleForm = []badInput{
	{file: "cycle-work-over-caseload.xlsx", want: []string{"cycle-work-over-caseload.xlsx: Tulokset!C8: the clients in competitive work (41) are more than the clients on the caseload (40)"}},
	{file: "cycle-negative-count.xlsx", want: []string{`cycle-negative-count.xlsx: Tulokset!C9: Alkaneet työsuhteet: "-6" is not accepted: give a whole number 0 or more, such as 40`}},
	{file: "cycle-period-not-date.xlsx", want: []string{`cycle-period-not-date.xlsx: Tulokset!C5: Jakson alku: "heinäkuu" is not a date: write, say, 30.9.2026 or 2026-09-30`}},
	{file: "cycle-unknown-status.xlsx", want: []string{`cycle-unknown-status.xlsx: Kehittämissuunnitelma!F5: criterion 17: the action's status "ehkä" is not accepted: choose open, in progress or done`}},
	{file: "cycle-plan-status.csv", want: []string{`cycle-plan-status.csv:8: E: criterion 3: the action's status "kesken" is not accepted: choose open, in progress or done`}},
	{file: "cycle-bad-kind.csv", want: []string{`cycle-bad-kind.csv:3: Arvioinnin laji: the kind of review "vertaisarvio" is not accepted: choose self-assessment or external review`}},
}
