// Package criteria owns the rubric: criteria sets of the 25-item fidelity
// scale for supported-employment job coaching, with their domains, the
// written anchors of levels 1–5 in each language, the total-score bands, and
// the figures (measures) and checklists that imply a level.
//
// Sets are YAML data, never code: the built-in sets (tyokyky, the
// Työkykyohjelma adaptation, and ips, THL's IPS-25 translation) are embedded
// from sets/, and a user's own set is loaded from a file with Load. Loading
// validates the whole set and reports every problem with its line.
//
// It also owns procurement profiles (Profile): the key criteria a bid must
// meet, each with a minimum level and/or a limit on the criterion's figure
// and a note of whether it comes from the source document or is a default.
// The built-in profile te-tyohonvalmennus is embedded from profiles/; a
// user's own is loaded with LoadProfile and checked against its set with
// Profile.Check.
//
// The review cycle's data is compiled from benchmarks.yaml (cycle.go): the
// next-review intervals and the total of good fidelity, and the IPS
// Employment Center's quarterly employment-rate benchmarks with their
// source. The scale's data source codes (records, documents, interviews,
// observation) are the small table DataSources.
package criteria
