package main

// badInputsYAML: assessment, criteria-set and profile files in YAML: numbers, documents, value errors. See badInputs in bad_test.go.
var badInputsYAML = []badInput{}
