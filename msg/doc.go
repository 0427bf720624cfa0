// Package msg owns every sentence laatu says to a person that is not part
// of a criteria set: headings, prompts, errors. The texts live in YAML message
// tables under messages/, one file per area, each key with a text per
// language, so that a new language (Swedish, say) is a matter of data.
//
// It also defines Problem, a message tied to a place in an input file
// (file, line, sheet and cell, criterion), which every reader returns so that
// a file with several faults is reported whole, not one fault at a time.
package msg
