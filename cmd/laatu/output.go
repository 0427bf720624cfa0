package main

import (
	"bufio"
	"errors"
	"io"

	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/internal/atomicfile"
	"github.com/laatu-fi/laatu/msg"
)

// writeOutput sends what write produces to path, or to stdout when path is
// empty. A file is written atomically and never over one of the inputs.
func writeOutput(io *IO, path string, inputs []string, write func(w io.Writer) error) error {
	if path == "" || path == "-" {
		// One write call for each few pages, not one for each line: a
		// comparison of a thousand services is thousands of lines.
		bw := bufio.NewWriterSize(io.Out, 64<<10)
		err := write(bw)
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		return err
	}
	if err := atomicfile.CheckNotInput(path, inputs); err != nil {
		if errors.Is(err, atomicfile.ErrIsInput) {
			return usagef("file.same-as-input", path)
		}
		return err
	}
	if err := atomicfile.Write(path, write); err != nil {
		return msg.Problems{intake.WriteProblem(path, err)}
	}
	return nil
}
