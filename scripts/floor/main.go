// Command floor is the least work that reading a folder of assessments
// takes, for scripts/bench.sh to time laatu against: each file read and
// parsed once, in parallel on every processor, and nothing checked or
// kept.
//
//	go run ./scripts/floor xlsx FOLDER   open each workbook, inflate its sheets and shared strings, scan them with encoding/xml's RawToken
//	go run ./scripts/floor csv FOLDER    parse each file once with encoding/csv
//	go run ./scripts/floor yaml FOLDER   decode each file once into a YAML node tree
//
// It prints how many files, tokens (or records, or nodes) it read, so that
// the work cannot be optimised away.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor xlsx|csv|yaml FOLDER")
		os.Exit(2)
	}
	read, ext := readers[os.Args[1]], "."+os.Args[1]
	if read == nil {
		fmt.Fprintf(os.Stderr, "floor: %q: give xlsx, csv or yaml\n", os.Args[1])
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(os.Args[2], func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(path), ext) {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	var next, units atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(files); i = int(next.Add(1)) - 1 {
				n, err := read(files[i])
				if err != nil {
					failed.Store(fmt.Errorf("%s: %w", files[i], err))
					return
				}
				units.Add(n)
			}
		}()
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d units\n", len(files), units.Load())
}

var readers = map[string]func(path string) (int64, error){
	"xlsx": readXLSX,
	"csv":  readCSV,
	"yaml": readYAML,
}

// readXLSX inflates the worksheets and the shared strings of a workbook
// and tokenises each once.
func readXLSX(path string) (int64, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer z.Close()
	var n int64
	for _, f := range z.File {
		if f.Name != "xl/sharedStrings.xml" && !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return n, err
		}
		d := xml.NewDecoder(r)
		for {
			_, err := d.RawToken()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				r.Close()
				return n, err
			}
			n++
		}
		r.Close()
	}
	return n, nil
}

// readCSV parses a file once with encoding/csv, semicolons as Finnish
// Excel writes them, a byte order mark passed over.
func readCSV(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = ';', -1, true, true
	var n int64
	for {
		_, err := r.Read()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// readYAML decodes a file once into a node tree.
func readYAML(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return 0, err
	}
	return int64(len(doc.Content)), nil
}
