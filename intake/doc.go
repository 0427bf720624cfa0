// Package intake is the one way into laatu for assessment files: every
// command that reads assessments (score, compare, check, consensus,
// template --from, assess) names its inputs and gets checked, scored
// assessments back from here.
//
// # Inputs
//
// Each argument is one of
//
//   - a file, read whatever its extension (reading it says what is wrong);
//   - a folder, standing for the assessment files (.yaml, .yml, .xlsx,
//     .csv) in it and its subfolders; hidden files and folders and office
//     lock files (~$name.xlsx) are skipped;
//   - a glob pattern (path/filepath.Match syntax: *, ?, [a-z]), expanded
//     by laatu itself so that a quoted pattern, or any pattern in cmd.exe
//     or PowerShell, works as in a Unix shell. An argument is a pattern
//     only when no file of that very name exists. What it matches is taken
//     as a folder's contents are: folders it matches are read as folders,
//     files that are not assessment files are skipped. A pattern that
//     matches no assessment file is an error naming it;
//   - "-", standard input, at most once. Its format is the one given
//     (Options.Format, the commands' --input-format) or else sniffed from
//     the content: a zip (PK\x03\x04) or an old OLE file is a workbook;
//     text whose first line that is neither blank nor a # comment starts
//     with "---" or with a YAML key ("criteria:") is YAML; any other text
//     is CSV.
//
// Only regular files are read: one named as an argument that is a FIFO, a
// socket or a device is refused (reading a FIFO waits for a writer that
// may never come); one found in a folder or by a pattern is skipped with a
// warning. A file given twice, or also through its folder, is read once.
//
// # The criteria set
//
// One rule picks the set a file is checked and scored against, for every
// command:
//
//   - with no set given, the built-in set the file names (criteria:), or the
//     default set when it names none; a file naming a set that is not built
//     in is an error asking for --criteria;
//   - with a set given (--criteria, or the set of check's profile), that set
//     for every file that names it or names none;
//   - a file that names another set is an error (the file was made for
//     another rubric; its levels mean other things) — except where the
//     command compares sets side by side (compare, Options.Mixed), which
//     scores it against the built-in set it names and sorts it apart.
//
// # Errors
//
// Problems from every file are returned together, sorted by place. Errors
// from the operating system are put in laatu's own words (ReadProblem,
// WriteProblem): a missing file, a permission refused, a folder where a
// file was meant; the system's text is kept only when laatu has no words
// for it.
package intake
