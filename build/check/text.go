package check

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on the text of the content files: placeholders, vague language, and
// prose that contradicts the structured facts.

// text is one string of a content file.
type text struct {
	file *load.File
	// parent and tok make the JSON pointer of the string in the file,
	// built for a finding only: parent + "/" + tok.
	parent, tok string
	key         string // the key holding the string, or holding the list it is in
	s           string
	norm        string // s normalized for matching
	// prose tells free text (Markdown) from names, labels and contact
	// details; the rules ask it of every text, so it is told once.
	prose bool
}

// ptr returns the JSON pointer of the string in its file.
func (t text) ptr() string { return t.parent + "/" + t.tok }

// collectTexts returns every string of the files, and apart the notes: the
// explanations of a_completer and the values of a_verifier, which say by
// design what is missing or doubtful in the source. Their order does not
// matter: findings are sorted.
func collectTexts(files []*load.File) (texts, notes []text) {
	// walk collects the strings of a map or list at the pointer ptr.
	var walk func(f *load.File, v any, ptr, key string, out *[]text)
	walk = func(f *load.File, v any, ptr, key string, out *[]text) {
		visit := func(e any, tok, key string, out *[]text) {
			switch e := e.(type) {
			case string:
				*out = append(*out, text{f, ptr, tok, key, e, normalize(e), proseKeys[key] || rightText(ptr)})
			case map[string]any, []any:
				walk(f, e, ptr+"/"+tok, key, out)
			}
		}
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				to := out
				if k == "a_completer" || k == "a_verifier" {
					to = &notes
				}
				visit(e, schema.PointerToken(k), k, to)
			}
		case []any:
			for i, e := range v {
				visit(e, strconv.Itoa(i), key, out)
			}
		}
	}
	for _, f := range files {
		walk(f, f.Value, "", "", &texts)
	}
	return texts, notes
}

// proseKeys are the fields of free text (Markdown) of the model, as opposed
// to names, labels and contact details.
var proseKeys = map[string]bool{
	"description": true, "introduction": true, "modifications": true, "texte": true, "definition": true, "information": true,
	"justificatif": true, "precisions": true, "instructions": true, "information_changements": true, "audit": true,
	"assistance": true, "confidentialite": true, "violations": true, "consentement_parental": true,
}

// rightText reports whether the text at the pointer parent + "/" + token
// presents a right (droits.descriptions), a text the renderers show only
// when the legal bases call for it.
func rightText(parent string) bool {
	rest, ok := strings.CutPrefix(parent, "/droits/descriptions")
	return ok && (rest == "" || rest[0] == '/')
}

// normalize lowercases s, straightens its apostrophes and reduces every run
// of white space (line breaks, no-break spaces) to one space, for matching.
// It is one pass, and no copy for a string that is normalized already (ids,
// names, enum values): every string of every file goes through it.
func normalize(s string) string {
	if normalized(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	space := false // a space is due before the next character
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
			continue
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '’':
			r = '\''
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}

// normalized reports whether s is ASCII without capitals, without white
// space other than single spaces between words.
func normalized(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c != ' ' && unicode.IsSpace(rune(c)):
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// mark is a phrase to find in text.
type mark struct {
	label string // what docs and messages show
	// needle is in the normalized form of every match: a fast first test,
	// since Go's regexps are slow to try many alternatives at each position.
	needle string
	re     *regexp.Regexp // matches whole words (see findWord)
}

// find returns the first match of m in s, whose normalized form is norm.
func (m mark) find(s, norm string) (string, bool) {
	if !strings.Contains(norm, m.needle) {
		return "", false
	}
	return findWord(m.re, s)
}

// findWord returns the first match of re in s that is not glued to a letter
// before or after it.
func findWord(re *regexp.Regexp, s string) (string, bool) {
	for _, m := range re.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return s[m[0]:m[1]], true
		}
	}
	return "", false
}

// placeholders are the marks of unfinished text; their patterns match the
// text as written, to quote it.
var placeholders = []mark{
	{"« à compléter »", "compl", regexp.MustCompile(`(?i)[àa]\s+compl[ée]ter`)},
	{"« à renseigner »", "renseigner", regexp.MustCompile(`(?i)[àa]\s+renseigner`)},
	{"« (*indiquer…*) »", "indiquer", regexp.MustCompile(`(?i)[(\[<{]\s*\**_*\s*indiquer[^)\]>}\n]{0,80}[)\]>}]?`)},
	{"« [préciser…] »", "préciser", regexp.MustCompile(`(?i)[(\[<{]\s*\**_*\s*préciser[^)\]>}\n]{0,80}[)\]>}]?`)},
	{"TODO", "todo", regexp.MustCompile(`(?i)todo`)},
	{"TBD", "tbd", regexp.MustCompile(`(?i)tbd`)},
	{"FIXME", "fixme", regexp.MustCompile(`(?i)fixme`)},
	{"XXX", "xxx", regexp.MustCompile(`(?i)x{3,}`)},
	{"« […] »", "[", regexp.MustCompile(`\[\s*(?:…|\.\.\.)\s*\]`)},
	{"« lorem ipsum »", "lorem ipsum", regexp.MustCompile(`(?i)lorem\s+ipsum`)},
	{"« ??? »", "???", regexp.MustCompile(`\?{3,}`)},
}

// placeholder returns the unfinished part of s, whose normalized form is
// norm: "" and true for a blank string.
func placeholder(s, norm string) (string, bool) {
	if norm == "" {
		return "", true
	}
	for _, m := range placeholders {
		if p, ok := m.find(s, norm); ok {
			return p, true
		}
	}
	return "", false
}

func checkTexteProvisoire(r *run) {
	for _, t := range r.texts {
		p, ok := placeholder(t.s, t.norm)
		switch {
		case !ok:
		case p == "":
			r.report(t.file.Pos(t.ptr()), "texte vide pour « %s » : indiquez la valeur, retirez la clé, ou déclarez le manque dans a_completer", t.key)
		default:
			r.report(t.file.Pos(t.ptr()), "texte provisoire %s laissé dans le contenu : remplacez-le par l'information, ou déclarez le manque dans a_completer", q(p))
		}
	}
}

// vagueTerms are French forms of the qualifiers that the EDPB guidelines on
// transparency (WP260 rev.01, § 13) give as vague: "may", "might", "some",
// "often", "possible". Their patterns match normalized text.
var vagueTerms = []mark{
	{"« pourrions, pourrait, pourraient »", "pourr", regexp.MustCompile(`pourr(?:ions|ait|aient)`)},
	{"« peut être amené à »", "être amené", regexp.MustCompile(`(?:peut|peuvent|pouvons) être amené(?:e|s|es)? à`)},
	{"« éventuellement »", "éventuellement", regexp.MustCompile(`éventuellement`)},
	{"« le cas échéant »", "le cas échéant", regexp.MustCompile(`le cas échéant`)},
	{"« susceptible de »", "susceptible", regexp.MustCompile(`susceptibles? de?`)},
	{"« certaines données »", "certaines ", regexp.MustCompile(`certaines (?:de vos )?(?:données|informations)`)},
	{"« il est possible que »", "il est possible que", regexp.MustCompile(`il est possible que`)},
	{"« dans certains cas »", "dans certains cas", regexp.MustCompile(`dans certains cas`)},
	{"« parfois »", "parfois", regexp.MustCompile(`parfois`)},
}

// vagueIn returns the vague terms of normalized text, by label.
func vagueIn(norm string) []string {
	var out []string
	for _, v := range vagueTerms {
		if _, ok := v.find(norm, norm); ok {
			out = append(out, v.label)
		}
	}
	return out
}

func checkLangageVague(r *run) {
	for _, t := range r.texts {
		if !t.prose {
			continue
		}
		for _, v := range vagueIn(t.norm) {
			r.reportPoint(t.file.Pos(t.ptr()), "À vérifier : le texte qui commence par « "+opening(t.s, 8)+" » emploie une formulation vague, "+v+
				" ; la transparence demande de dire ce qui est fait, dans quels cas et pour quelles données.",
				"formulation vague %s : les lignes directrices du CEPD sur la transparence demandent des termes précis ; "+
					"dites ce qui est fait, dans quels cas et pour quelles données", v)
		}
	}
}

var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// retentionWords mark a sentence that speaks of keeping or deleting data.
var retentionWords = regexp.MustCompile(`conserv|supprim|effac|archiv|purg|anonymis|détrui|délai|durée`)

var sentenceEnd = regexp.MustCompile(`[.!?;](?:\s|$)|\n`)

var durationRE = regexp.MustCompile(`(?:^|[^\p{L}\d])\(?(\d+)\)?\s*(jours?|semaines?|mois|années?|ans?)(?:$|[^\p{L}])`)

// ageWords before a number of years make it an age, not a duration.
var ageWords = regexp.MustCompile(`âg|mineur|enfant`)

var unitOf = map[string]schema.Unite{"jour": "jours", "jours": "jours", "semaine": "semaines", "semaines": "semaines", "mois": "mois",
	"an": "ans", "ans": "ans", "année": "ans", "années": "ans"}

// retentionDurations returns the durations (in digits) that s states in
// sentences about keeping or deleting data.
func retentionDurations(s string) []schema.Duree {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []schema.Duree
	for _, sentence := range sentenceEnd.Split(s, -1) {
		sentence = normalize(sentence)
		if !retentionWords.MatchString(sentence) {
			continue
		}
		for _, m := range durationRE.FindAllStringSubmatchIndex(sentence, -1) {
			unit := unitOf[sentence[m[4]:m[5]]]
			if unit == "ans" && ageWords.MatchString(sentence[max(0, m[2]-24):m[2]]) {
				continue
			}
			n, err := strconv.Atoi(sentence[m[2]:m[3]])
			if err == nil {
				out = append(out, schema.Duree{Valeur: n, Unite: unit})
			}
		}
	}
	return out
}

// structuredDurations returns every duration the model states in fields.
func (m *model) structuredDurations() []schema.Duree {
	var out []schema.Duree
	for _, k := range m.c.Conservation {
		if k.Duree != nil {
			out = append(out, *k.Duree)
		}
		if k.Archivage != nil {
			out = append(out, k.Archivage.Duree)
		}
	}
	if d := m.c.Droits; d != nil && d.Exercice != nil && d.Exercice.DelaiReponse != nil {
		out = append(out, *d.Exercice.DelaiReponse)
	}
	if st := m.c.SousTraitance; st != nil && st.DelaiFinDeContrat != nil {
		out = append(out, *st.DelaiFinDeContrat)
	}
	return out
}

// emailsIn returns the email addresses of s.
func emailsIn(s string) []string {
	if !strings.Contains(s, "@") {
		return nil
	}
	return emailRE.FindAllString(s, -1)
}

func checkCoherence(r *run) {
	emails := map[string]bool{}
	for _, t := range r.texts {
		if !t.prose {
			for _, e := range emailsIn(t.s) {
				emails[strings.ToLower(e)] = true
			}
		}
	}
	durations := r.structuredDurations()
	for _, t := range r.texts {
		if !t.prose {
			continue
		}
		for _, e := range emailsIn(t.s) {
			if !emails[strings.ToLower(e)] {
				r.report(t.file.Pos(t.ptr()), "l'adresse %s citée dans ce texte ne figure dans aucun champ (organisation.email, dpo.email, droits.exercice.email…) : "+
					"vérifiez-la, ou ajoutez-la au champ qui convient", q(e))
			}
		}
		for _, d := range retentionDurations(t.s) {
			if !slices.ContainsFunc(durations, func(k schema.Duree) bool { return days(k) == days(d) }) {
				r.report(t.file.Pos(t.ptr()), "la durée %s citée dans ce texte ne correspond à aucune durée structurée (tableau conservation, délais) : "+
					"le texte contredit peut-être les faits ; décrivez la durée dans conservation", q(formatDuree(d)))
			}
		}
	}
}

var rueVivienne = regexp.MustCompile(`(?i)\b8,?\s+rue\s+vivienne`)

func checkCNILAdresse(r *run) {
	for _, t := range r.texts {
		if strings.Contains(t.norm, "vivienne") && rueVivienne.MatchString(t.s) {
			r.report(t.file.Pos(t.ptr()), "ancienne adresse de la CNIL (8 rue Vivienne) : la CNIL est au 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07")
		}
	}
}

func checkPortabilite(r *run) {
	if r.politique() == nil || r.hasBasis("consentement", "contrat") {
		return
	}
	for _, t := range r.texts {
		if t.prose && !rightText(t.parent) && strings.Contains(t.norm, "portabilit") {
			r.report(t.file.Pos(t.ptr()), "ce texte évoque la portabilité des données, alors qu'aucun traitement ne repose sur le consentement ou le contrat, "+
				"seules bases qui l'ouvrent (art. 20 du RGPD) : retirez cette promesse, ou corrigez la base légale")
		}
	}
}

// markdownMarks strips the Markdown marks of an excerpt (opening).
var markdownMarks = strings.NewReplacer("*", "", "_", "", "`", "", "#", "")

// opening returns the first n words of a free text, without its Markdown
// marks, so that a legal reader finds the text in the document.
func opening(s string, n int) string {
	words := strings.Fields(markdownMarks.Replace(s))
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}
