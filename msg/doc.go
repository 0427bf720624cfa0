// Package msg owns every sentence laatu says to a person that is not part
// of a criteria set: headings, prompts, errors. The texts live in YAML message
// tables under messages/, one file per area, each key with a text per
// language, so that a new language (Swedish, say) is a matter of data. What
// else differs between languages (decimal separator, dates, yes and no
// words, lists, plural rule, collation, CSV dialect, fallback) is the
// language's Locale, msg/locales/<code>.yaml; msg/locales/languages.yaml
// declares the languages laatu offers. go generate compiles both into
// catalog_gen.go.
//
// It also defines Problem, a message tied to a place in an input file
// (file, line, sheet and cell, criterion), which every reader returns so that
// a file with several faults is reported whole, not one fault at a time.
package msg
