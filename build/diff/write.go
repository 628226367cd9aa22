package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats are the forms of the report.
var Formats = []string{"text", "json", "md"}

// Write writes the report in a format of Formats; date is the date the
// drafted history entries carry (AAAA-MM-JJ), empty for a placeholder.
func (r *Report) Write(w io.Writer, format, date string) error {
	switch format {
	case "json":
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		return e.Encode(r)
	case "md":
		return r.markdown(w, date)
	}
	return r.text(w)
}

// group is the changes of one document of one organization, in order.
type group struct {
	org, document string
	changes       []Change
}

func (r *Report) groups() []group {
	var out []group
	for _, c := range r.Changes {
		if n := len(out); n > 0 && out[n-1].org == c.Org && out[n-1].document == c.Document {
			out[n-1].changes = append(out[n-1].changes, c)
			continue
		}
		out = append(out, group{c.Org, c.Document, []Change{c}})
	}
	return out
}

// title names a group: « Exemple Services — Politique de confidentialité ».
func (r *Report) title(g group) string {
	s := r.names[g.org]
	if t := r.titles[g.org+"/"+g.document]; t != "" {
		s += " — " + t
	}
	return s
}

// counts counts the changes of the content: one shown in several
// documents counts once.
func (r *Report) counts() (substantial, minor int) {
	seen := map[Change]bool{}
	for _, c := range r.Changes {
		c.Document = ""
		if seen[c] {
			continue
		}
		seen[c] = true
		if c.Substantial {
			substantial++
		} else {
			minor++
		}
	}
	return
}

func plural(n int, one, many string) string {
	if n < 2 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (r *Report) summary() string {
	s, m := r.counts()
	if s+m == 0 {
		return "Aucune modification du contenu."
	}
	return plural(s, "modification substantielle", "modifications substantielles") + " et " +
		plural(m, "modification non substantielle", "modifications non substantielles") + "."
}

func (r *Report) text(w io.Writer) error {
	var b strings.Builder
	for _, g := range r.groups() {
		fmt.Fprintf(&b, "%s\n", r.title(g))
		for _, c := range g.changes {
			mark := "non substantielle"
			if c.Substantial {
				mark = "SUBSTANTIELLE"
			}
			fmt.Fprintf(&b, "  %s : %s\n", mark, c.Message)
		}
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "%s:%d:%d: avertissement : %s\n", m.File, m.Line, m.Column, m.Message)
	}
	b.WriteString(r.summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// markdown writes the report for a pull request's summary, with, for each
// document that changes substantially, the draft of its history entry.
func (r *Report) markdown(w io.Writer, date string) error {
	var b strings.Builder
	b.WriteString("# Modifications du contenu\n\n" + r.summary() + "\n")
	for _, g := range r.groups() {
		fmt.Fprintf(&b, "\n## %s\n", mdEscape(r.title(g)))
		var substantial, minor []string
		for _, c := range g.changes {
			if c.Substantial {
				substantial = append(substantial, c.Message)
			} else {
				minor = append(minor, c.Message)
			}
		}
		if len(substantial) > 0 {
			b.WriteString("\n**Modifications substantielles**, à porter à la connaissance des personnes avant qu'elles ne s'appliquent :\n\n")
			for _, m := range substantial {
				b.WriteString("- " + mdEscape(m) + "\n")
			}
		}
		if len(minor) > 0 {
			b.WriteString("\n**Modifications non substantielles** :\n\n")
			for _, m := range minor {
				b.WriteString("- " + mdEscape(m) + "\n")
			}
		}
		for _, m := range r.Missing {
			if m.Org == g.org && m.Document == g.document {
				fmt.Fprintf(&b, "\n> **Avertissement** : %s (`%s:%d`).\n", mdEscape(m.Message), m.File, m.Line)
			}
		}
		if len(substantial) > 0 && g.document != "" {
			b.WriteString(r.entry(g, substantial, date))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// entry drafts the history entry of a document that changes substantially.
func (r *Report) entry(g group, substantial []string, date string) string {
	v := r.versions[g.org+"/"+g.document]
	version := v[1]
	if v[0] == v[1] {
		version = next(v[1])
	}
	if date == "" {
		date = "AAAA-MM-JJ"
	}
	key := ""
	for k, name := range publicationKey {
		if string(k) == g.document {
			key = name
		}
	}
	var resume []string
	for _, m := range substantial {
		r, n := utf8.DecodeRuneInString(m)
		resume = append(resume, string(unicode.ToUpper(r))+m[n:]+".")
	}
	return fmt.Sprintf("\nEntrée proposée pour l'historique (`documents.%s.historique`), à relire :\n\n```yaml\n- date: %s\n  version: %q\n  resume: >-\n    %s\n```\n",
		key, date, version, strings.Join(resume, " "))
}

// next proposes the version after v: its last number plus one.
func next(v string) string {
	if v == "" {
		return "à compléter"
	}
	i := strings.LastIndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(v[i+1:])
	if err != nil {
		return v + " (nouvelle version)"
	}
	return v[:i+1] + strconv.Itoa(n+1)
}

var mdEscaper = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "<", "\\<", ">", "\\>", "|", "\\|")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
