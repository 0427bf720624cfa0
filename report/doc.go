// Package report renders scored assessments and comparisons for people and
// programs: terminal tables, Markdown, CSV, XLSX, HTML and JSON. It owns the
// layout and the stable JSON schemas; the headings come from the msg tables
// so every rendering exists in each language laatu speaks.
//
// Every command's tables go through the same writers, so that they share
// one behaviour: a Table of Cells is written by WriteCSV or the streaming
// CSVWriter (plain, or Finnish Excel with `;`, decimal comma and BOM);
// pages are WriteHTMLPage's self-contained page, with html.go's BarChart,
// StackChart, LineChart and ScatterChart for inline SVG charts. Text that
// reaches a spreadsheet passes SafeCell, which neutralises formulas.
//
// The one-service report and the bid check (with the tender memo) are each
// built once as a Document (document.go: sections of key figures, typed
// tables, bar and line charts, lists and notes, in the reader's language)
// by ScoreDocument and CheckDocument, and written by one renderer per
// format: WriteDocText, WriteDocMarkdown, WriteDocHTML, WriteDocXLSX and
// WriteDocCSV (the CSV writes to the CSV writer directly, which keeps its
// own first error). The comparison is one too (CompareDocument,
// compare_doc.go), written as text, Markdown, CSV, HTML (the page adds
// its charts, compare_doc_html.go) and XLSX (the workbook adds its
// sheets of figures and its native charts, compare_xlsx.go). Blocks for
// views of many services (a wide table with a compact form for the
// terminal, a heat map, bullet lists) are in doc_wide.go, and how a
// workbook writes them, with its column and scatter charts, in
// doc_xlsx_wide.go and doc_xlsx_scatter.go. Which formats
// exist, their extensions and which command writes which is the registry
// in format.go (Format, ChooseFormat); the commands dispatch on a Format,
// never on a string.
//
// Nothing read from an input reaches a terminal or a report as a control
// character: every text, Markdown and HTML writer writes through one
// writer (out, in safe.go) that cleans what it passes with msg.Clean (ESC
// shown as ␛, BEL as ␇), and SafeCell cleans every CSV and XLSX cell the
// same way. That writer also keeps the first write error and every writer
// returns it, so a full disk fails the command and `-o` keeps the previous
// file. Names in headings and prose are cut to about msg.MaxValue
// characters (ServiceName, msg.ClipTo); tables keep them whole.
package report
