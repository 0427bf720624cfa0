// Package report renders scored assessments and comparisons for people and
// programs: terminal tables, Markdown, CSV, XLSX, HTML and JSON. It owns the
// layout and the stable JSON schemas; the headings come from the msg tables
// so every rendering exists in each language laatu speaks.
package report
