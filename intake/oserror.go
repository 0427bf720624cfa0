package intake

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/laatu-fi/laatu/msg"
)

// ReadProblem is a file that cannot be read, in laatu's words.
func ReadProblem(path string, err error) msg.Problem {
	return msg.Problem{Place: msg.Place{File: path}, Message: msg.M("file.read", Reason(err))}
}

// WriteProblem is a file that cannot be written, in laatu's words.
func WriteProblem(path string, err error) msg.Problem {
	return msg.Problem{Place: msg.Place{File: path}, Message: msg.M("file.write", Reason(err))}
}

// Reason puts an error from the operating system in laatu's words: a
// message for the failures people meet (no such file, no permission, a
// folder, a full disk), else the system's own text as a detail.
func Reason(err error) msg.Message {
	var (
		pe *fs.PathError
		le *os.LinkError
		se *os.SyscallError
	)
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &se):
		err = se.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg.M("intake.os.not-exist")
	case errors.Is(err, fs.ErrPermission):
		return msg.M("intake.os.permission")
	case errors.Is(err, syscall.EISDIR):
		return msg.M("intake.os.is-folder")
	case errors.Is(err, syscall.ENOTDIR):
		return msg.M("intake.os.not-folder")
	case errors.Is(err, syscall.ENOSPC):
		return msg.M("intake.os.disk-full")
	case errors.Is(err, syscall.EROFS):
		return msg.M("intake.os.read-only")
	case errors.Is(err, syscall.ENAMETOOLONG):
		return msg.M("intake.os.name-too-long")
	}
	return msg.M("intake.os.other", err)
}

// Localize puts the system errors in problems from the readers (file.read
// and file.write with an error) in laatu's words.
func Localize(ps msg.Problems) msg.Problems {
	for i, p := range ps {
		if (p.Message.Key != "file.read" && p.Message.Key != "file.write") || len(p.Message.Args) != 1 {
			continue
		}
		if err, ok := p.Message.Args[0].(error); ok {
			if _, isMsg := err.(msg.Message); !isMsg {
				ps[i].Message = msg.M(p.Message.Key, Reason(err))
			}
		}
	}
	return ps
}
