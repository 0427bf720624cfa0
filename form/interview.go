package form

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// Interview asks a person for an assessment one question at a time over
// plain lines of text: a question, an answer, the next question. It uses no
// cursor movement and no colour, so it works through a pipe, over a slow
// remote terminal and with a screen reader alike.
//
// The assessment is handed to Save after every answer, so an interview cut
// short (quit, end of input, a killed process) loses nothing already
// answered. Interview opens no files; the caller's Save decides where the
// answers go.
type Interview struct {
	Set  *criteria.Set
	Lang string
	In   io.Reader
	Out  io.Writer
	// Save stores the assessment; it is called after every answer.
	Save func(*Assessment) error
	// Now gives today's date, the default date of the assessment.
	Now func() time.Time
	// Echo writes each answer after its question. Set it when the answers
	// do not come from a terminal (which echoes them itself), so that the
	// output reads as the whole conversation.
	Echo bool
	// Only lists the criteria to walk (--review: the missing and the
	// conflicting ones). Nil walks, from the first one, every criterion
	// that has no level yet.
	Only []int
	// Width is the line length prose is wrapped to, the terminal's width;
	// 0 means 100 columns.
	Width int
	// Explain says how the answers to criterion c reach their implied
	// level, in the words of laatu score ("3,9 kontaktia viikossa → lähin
	// asteikon kohta 4 → taso 3"); nil or "" shows the level alone.
	Explain func(c *criteria.Criterion, it *Item) string
}

// Ending says how an interview ended.
type Ending int

const (
	// Finished: every criterion of the walk was visited.
	Finished Ending = iota
	// Quit: the person asked to stop (q).
	Quit
	// EndOfInput: the input ended, for example Ctrl-D or the end of a pipe.
	EndOfInput
)

func (e Ending) String() string {
	switch e {
	case Finished:
		return "finished"
	case Quit:
		return "quit"
	}
	return "end of input"
}

// The ways a question can end other than with an answer. They travel as
// errors so that every question passes them up the same way.
var (
	errEnd  = errors.New("end of input")
	errQuit = errors.New("quit")
	errBack = errors.New("back")
	errSkip = errors.New("skip")
)

// Run interviews the person, continuing a (nil starts a new assessment
// for iv.Set). It returns the assessment as last saved and how the
// interview ended; the error is a failed Save.
//
// A new assessment, or one without a date, starts with the service's
// details. Then the criteria are walked domain by domain.
func (iv *Interview) Run(a *Assessment) (*Assessment, Ending, error) {
	if a == nil {
		a = &Assessment{Criteria: iv.Set.ID, CriteriaVersion: iv.Set.Version}
	}
	s := &session{iv: iv, a: a, in: bufio.NewReader(iv.In), lang: iv.Lang, levelled: map[int]bool{}}
	err := s.run()
	switch {
	case err == nil:
		return a, Finished, nil
	case errors.Is(err, errQuit):
		return a, Quit, nil
	case errors.Is(err, errEnd):
		// The cursor may stand after a question; end its line.
		fmt.Fprintln(iv.Out)
		for _, f := range s.after {
			f()
		}
		return a, EndOfInput, nil
	}
	return a, 0, err
}

// session is one run of an interview.
type session struct {
	iv   *Interview
	a    *Assessment
	in   *bufio.Reader
	lang string
	// domain is the domain whose heading was shown last.
	domain string
	// after holds what is to be said once the line of an unanswered
	// question is ended, at the end of input.
	after []func()
	// levelled marks the criteria whose level was asked in this session.
	levelled map[int]bool
}

func (s *session) t(key string, args ...any) string { return msg.T(s.lang, key, args...) }

// printf writes a message, wrapped line by line.
func (s *session) printf(key string, args ...any) {
	for _, line := range strings.Split(s.t(key, args...), "\n") {
		fmt.Fprintln(s.iv.Out, wrap(line, s.width(), "  "))
	}
}

func (s *session) run() error {
	s.printf("assess.intro")
	if s.iv.Only == nil && s.a.Date.IsZero() {
		if err := s.details(); err != nil {
			return err
		}
	}
	w := s.walk()
	i := w.first()
	if i < 0 {
		// A finished file may still want its review cycle: its plan's
		// statuses at the next review, say.
		s.printf("assess.nothing-to-ask")
		return s.cycle()
	}
	for i < len(w.order) {
		err := s.criterion(w.order[i], i > 0)
		switch {
		case err == nil, errors.Is(err, errSkip):
			i = w.next(i)
		case errors.Is(err, errBack):
			i--
		default:
			return err
		}
	}
	return s.cycle()
}

// walk is the order in which the criteria are asked.
type walk struct {
	order []*criteria.Criterion
	// pass marks criteria that moving forward passes over: those that had a
	// level when the session began, so a resumed interview starts at the
	// first unanswered criterion. Going back reaches them all the same.
	pass []bool
	// furthest is the furthest position reached; moving forward after going
	// back visits every criterion up to it again.
	furthest int
}

func (s *session) walk() *walk {
	only := map[int]bool{}
	for _, n := range s.iv.Only {
		only[n] = true
	}
	w := &walk{furthest: -1}
	for _, d := range s.iv.Set.Domains {
		for _, c := range s.iv.Set.InDomain(d.ID) {
			if s.iv.Only != nil && !only[c.Number] {
				continue
			}
			it := s.a.Item(c.Number)
			w.order = append(w.order, c)
			w.pass = append(w.pass, s.iv.Only == nil && it != nil && it.Rated())
		}
	}
	return w
}

// first is the position the walk starts at, or -1 when nothing is to be asked.
func (w *walk) first() int {
	i := w.skipFrom(0)
	if i >= len(w.order) {
		return -1
	}
	w.furthest = i
	return i
}

// next is the position after i.
func (w *walk) next(i int) int {
	j := i + 1
	if j > w.furthest {
		j = w.skipFrom(j)
	}
	w.furthest = max(w.furthest, j)
	return j
}

func (w *walk) skipFrom(i int) int {
	for i < len(w.order) && w.pass[i] {
		i++
	}
	return i
}

// save stores it in the assessment (removing it when it says nothing) and
// hands the assessment to Save.
func (s *session) save(it Item) error {
	if it.Answered() {
		s.a.SetItem(it)
	} else {
		s.a.removeItem(it.Criterion)
	}
	return s.store()
}

// store hands the assessment to Save once it names the service: a file
// without provider and unit is not a valid assessment file.
func (s *session) store() error {
	if s.a.Provider == "" && s.a.Unit == "" {
		return nil
	}
	return s.iv.Save(s.a)
}

// removeItem drops the answer to criterion n.
func (a *Assessment) removeItem(n int) {
	for i := range a.Items {
		if a.Items[i].Criterion == n {
			a.Items = append(a.Items[:i], a.Items[i+1:]...)
			return
		}
	}
}
