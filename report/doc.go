// Package report renders scored assessments and comparisons for people and
// programs: terminal tables, Markdown, CSV, XLSX, HTML and JSON. It owns the
// layout and the stable JSON schemas; the headings come from the msg tables
// so every rendering exists in each language laatu speaks.
//
// Every command's tables go through the same writers, so that they share
// one behaviour: a Table of Cells is written by WriteCSV or the streaming
// CSVWriter (plain, or Finnish Excel with `;`, decimal comma and BOM), by
// Workbook.AddTable (XLSX with a frozen, styled header, print set-up and the
// level colour scale) and by HTMLTable (caption, th scope, values printed in
// coloured cells) inside WriteHTMLPage's self-contained page, with BarChart
// for inline SVG charts. Text that reaches a spreadsheet passes SafeCell,
// which neutralises formulas.
package report
