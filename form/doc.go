// Package form owns a service's answers: the Assessment of one service on
// one date against one criteria set, and the ways it is written down — the
// YAML assessment file, the spreadsheet template and its readers (XLSX,
// CSV), the interactive interview, and a tender bid's answers beyond the
// criteria (bid_yaml.go: a YAML bid's requirements and price; bid_form.go:
// the bid form a tender profile asks with). Every reader records where
// each answer came from (line, or sheet and cell) so problems can name the
// place.
//
// An assessment may also record its review cycle (review.go, read and
// written in yaml_review.go): the employment outcomes of a period, whether
// it is a self-assessment or an external review and by whom, the data
// sources of each item, and the action plan. All of it is optional and
// only the YAML file holds it so far.
package form
