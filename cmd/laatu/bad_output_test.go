package main

// badInputsOutput: inputs that reach terminals and outputs: control characters, long names. See badInputs in bad_test.go.
var badInputsOutput = []badInput{}
