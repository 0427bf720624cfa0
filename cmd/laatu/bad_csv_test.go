package main

// badInputsCSV: CSV files: quotes, encodings, separators, control characters. See badInputs in bad_test.go.
var badInputsCSV = []badInput{}
