package main

// badInputsXLSX: workbooks whose XML, shared strings or parts are damaged. See badInputs in bad_test.go.
var badInputsXLSX = []badInput{}
