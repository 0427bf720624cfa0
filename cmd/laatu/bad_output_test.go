package main

// badInputsOutput: inputs that reach terminals and outputs: control characters, long names. See badInputs in bad_test.go.
//
// None so far: neither is an error. Control characters are cleaned from
// everything printed (msg.Clean; the readers that refuse them are another
// area's), long names are cut in headings and messages, and what else this
// area refuses – a FIFO named as an input, one assessment in two files with
// different levels – cannot be a single file under testdata/bad; the
// scripts testdata/script/output-*.txtar test those.
var badInputsOutput = []badInput{}
