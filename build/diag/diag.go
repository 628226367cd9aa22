// Package diag holds the findings that loading and checking report, and their
// output formats (text for people, JSON for tools, GitHub annotations for CI).
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity tells whether a finding fails the run.
type Severity int

const (
	// Warning is a finding that does not stop a build, except with --strict.
	Warning Severity = iota
	// Error is a finding that stops the build.
	Error
	// Accepted is a warning that the organization accepts with a reason (a
	// derogation): reported, never failing a run.
	Accepted
)

// String returns the French word used in reports.
func (s Severity) String() string {
	switch s {
	case Error:
		return "erreur"
	case Accepted:
		return "accepté"
	}
	return "avertissement"
}

// MarshalText gives JSON reports a stable English identifier, like the other
// keys of the JSON shape, which tools rather than people read.
func (s Severity) MarshalText() ([]byte, error) {
	switch s {
	case Error:
		return []byte("error"), nil
	case Accepted:
		return []byte("accepted"), nil
	}
	return []byte("warning"), nil
}

// Pos is a position in a content file; Line and Col start at 1, and are 0 when
// the finding concerns the whole file.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
	// Pointer is the JSON pointer of the reported value in File, when the
	// finding concerns an element of the model: derogations match it.
	Pointer string `json:"-"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Finding is one problem found in the content.
type Finding struct {
	Pos
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Document is the open point in words about the documents, for the
	// draft banner, which shows no file, key or rule: empty when the
	// documents show the point at its place (a gap declared in
	// a_completer), or when it is not about the documents.
	Document string `json:"-"`
	// Motif is the reason an accepted finding is accepted.
	Motif string `json:"motif,omitempty"`
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s [%s]", f.Pos, f.Severity, f.Message, f.Rule)
	if f.Motif != "" {
		s += " — dérogation : " + f.Motif
	}
	return s
}

// List is a set of findings.
type List []Finding

// Sort orders findings by file, line, column, then rule, so that reports are stable.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
}

// Count returns the number of errors and of warnings; accepted findings are
// neither.
func (l List) Count() (errors, warnings int) {
	for _, f := range l {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}

// Accepted returns the number of accepted findings.
func (l List) Accepted() int {
	n := 0
	for _, f := range l {
		if f.Severity == Accepted {
			n++
		}
	}
	return n
}

// Fails reports whether the findings fail a run: any error, or any warning when strict.
func (l List) Fails(strict bool) bool {
	e, w := l.Count()
	return e > 0 || (strict && w > 0)
}

// Summary is the French closing line of a report, for example
// "2 erreurs et 1 avertissement dans 2 fichiers sur 14".
func (l List) Summary(files int) string {
	e, w := l.Count()
	accepted := ""
	if a := l.Accepted(); a > 0 {
		accepted = fmt.Sprintf(" ; %s par dérogation", plural(a, "écart accepté", "écarts acceptés"))
	}
	if e == 0 && w == 0 {
		return fmt.Sprintf("Aucun problème dans %s%s.", plural(files, "fichier", "fichiers"), accepted)
	}
	withFindings := map[string]bool{}
	for _, f := range l {
		withFindings[f.File] = true
	}
	where := fmt.Sprintf(" dans %d %s sur %d", len(withFindings), pluralWord(len(withFindings), "fichier", "fichiers"), files)
	if files == 0 { // the findings are about the folder itself
		where = ""
	}
	return fmt.Sprintf("%s et %s%s%s.", plural(e, "erreur", "erreurs"), plural(w, "avertissement", "avertissements"), where, accepted)
}

// plural writes a count with its noun; French puts 0 and 1 in the singular.
func plural(n int, one, many string) string { return fmt.Sprintf("%d %s", n, pluralWord(n, one, many)) }

func pluralWord(n int, one, many string) string {
	if n > 1 {
		return many
	}
	return one
}

// Formats lists the report formats of WriteReport.
var Formats = []string{"text", "json", "github"}

// Report is the stable JSON shape of `rgpdoc check --format json`, documented
// in the README: a version, the findings and the counts.
type Report struct {
	Version  int       `json:"version"`
	Findings []Finding `json:"findings"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Files    int       `json:"files"`
	// Accepted counts the findings accepted by a derogation, which are in
	// Findings with the severity "accepted".
	Accepted int `json:"accepted"`
}

// WriteReport writes the findings in the given format; files is the number of
// content files examined.
func (l List) WriteReport(w io.Writer, format string, files int) error {
	switch format {
	case "json":
		e, warn := l.Count()
		r := Report{Version: 1, Findings: l, Errors: e, Warnings: warn, Files: files, Accepted: l.Accepted()}
		if r.Findings == nil {
			r.Findings = List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "github":
		for _, f := range l {
			level := map[Severity]string{Error: "error", Warning: "warning", Accepted: "notice"}[f.Severity]
			props := "file=" + ghProperty(f.File)
			if f.Line > 0 {
				props += fmt.Sprintf(",line=%d,col=%d", f.Line, f.Col)
			}
			msg := f.Message
			if f.Motif != "" {
				msg += " — dérogation : " + f.Motif
			}
			if _, err := fmt.Fprintf(w, "::%s %s,title=%s::%s\n", level, props, ghProperty(f.Rule), ghData(msg)); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintln(w, l.Summary(files))
		return err
	default:
		var b strings.Builder
		for _, f := range l {
			b.WriteString(f.String())
			b.WriteByte('\n')
		}
		b.WriteString(l.Summary(files))
		b.WriteByte('\n')
		_, err := io.WriteString(w, b.String())
		return err
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
