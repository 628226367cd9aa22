package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
	"go.yaml.in/yaml/v4"
)

// Limits that keep hostile or broken files from costing unbounded time or
// memory. Real content files are a few dozen kilobytes.
const (
	// MaxFileSize is the largest content file accepted.
	MaxFileSize = 1 << 20
	// MaxAssetSize is the largest asset (logo) accepted.
	MaxAssetSize = 2 << 20
	// maxDepth bounds the nesting of maps and lists; the model needs about 8.
	maxDepth = 64
	// maxNodes bounds the values of one file once aliases are expanded, which
	// stops "billion laughs" alias bombs.
	maxNodes = 200_000 // keep the message of convert in step
	// maxText bounds the bytes of text of one file once aliases are
	// expanded: one long string used through many aliases costs the checks
	// and renderers as much as its copies would.
	maxText = 4 * MaxFileSize // keep the message of convert in step
)

// span is where a key and its value sit in a file.
type span struct{ key, value lineCol }

type lineCol struct{ line, col int }

// parsed is one file decoded into a JSON-like value (what the schema
// validates), with the position of every value by JSON pointer when asked.
type parsed struct {
	value any
	spans map[string]span
}

// parse decodes a content file. It returns a finding, not an error, for every
// mistake a user can make; path is used in findings only. With positions, it
// records the position of every value (parsed.spans).
func parse(path string, src []byte, positions bool) (*parsed, *diag.Finding) {
	fail := func(line, col int, rule, format string, args ...any) (*parsed, *diag.Finding) {
		return nil, &diag.Finding{Pos: diag.Pos{File: path, Line: line, Col: col}, Severity: diag.Error,
			Rule: rule, Message: fmt.Sprintf(format, args...)}
	}
	if len(src) > MaxFileSize {
		return fail(1, 1, "taille", "%s", tooLarge(int64(len(src)), MaxFileSize)+" ; répartissez le contenu entre plusieurs fichiers")
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := offsetToLineCol(src, i)
		return fail(l, c, "encodage", "fichier binaire (octet nul) : un fichier de contenu est un texte YAML ou JSON en UTF-8")
	}
	if !utf8.Valid(src) {
		i := invalidUTF8(src)
		l, c := offsetToLineCol(src, i)
		return fail(l, c, "encodage", "le fichier n'est pas encodé en UTF-8 (octet 0x%02X) ; il a sans doute été enregistré en Latin-1 ou Windows-1252 : "+
			"enregistrez-le en UTF-8 depuis l'éditeur", src[i])
	}
	if blank(src) {
		return fail(1, 1, "fichier-vide", "fichier vide : il ne contient aucune donnée")
	}
	if strings.HasSuffix(path, ".json") {
		if err := json.Unmarshal(src, new(json.RawMessage)); err != nil {
			off := 0
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = int(se.Offset) - 1
			}
			l, c := offsetToLineCol(src, max(off, 0))
			return fail(l, c, "syntaxe", "JSON invalide : %s", jsonMessage(err))
		}
	}
	var doc yaml.Node
	if err := yaml.Load(src, &doc); err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			line, col := le.Mark.Line, le.Mark.Column
			// An unclosed bracket or quote is noticed where the parser gives
			// up, often lines later: point at where it opens.
			if c := le.ContextMsg; le.ContextMark.Line > 0 && (strings.Contains(c, "flow") || strings.Contains(c, "quoted scalar")) {
				line, col = le.ContextMark.Line, le.ContextMark.Column
			}
			if line == 0 {
				line, col = 1, 1
			}
			return fail(line, col, "syntaxe", "%s", yamlMessage(le, src))
		}
		return fail(1, 1, "syntaxe", "YAML illisible : %v", err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		p := &parsed{}
		if positions {
			p.spans = map[string]span{}
		}
		c := converter{p: p}
		v, f := c.convert(doc.Content[0], "", 0)
		if f != nil && !positions {
			// The message of a duplicate key cites the line of the first one.
			return parse(path, src, true)
		}
		if f != nil {
			f.File = path
			return nil, f
		}
		p.value = v
		return p, nil
	}
	return fail(1, 1, "fichier-vide", "fichier vide : il ne contient aucune donnée")
}

type converter struct {
	p     *parsed
	nodes int
	text  int // bytes of keys and scalars, aliases expanded
}

// convert turns a YAML node into a JSON-like value, recording positions,
// rejecting duplicate keys and bounding the expansion of aliases.
func (c *converter) convert(n *yaml.Node, ptr string, depth int) (any, *diag.Finding) {
	at := func(n *yaml.Node, rule, format string, args ...any) *diag.Finding {
		return &diag.Finding{Pos: diag.Pos{Line: n.Line, Col: n.Column}, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)}
	}
	if depth > maxDepth {
		return nil, at(n, "imbrication", "imbrication trop profonde (plus de %d niveaux)", maxDepth)
	}
	c.nodes++
	if c.nodes > maxNodes {
		return nil, at(n, "alias", "le fichier développe plus de 200 000 valeurs : trop d'alias YAML imbriqués (« bombe d'alias »)")
	}
	spans := c.p.spans // nil when positions are not asked for, nor pointers built
	if _, ok := spans[ptr]; !ok && spans != nil {
		spans[ptr] = span{value: lineCol{n.Line, n.Column}}
	}
	switch n.Kind {
	case yaml.AliasNode:
		// Each use of an alias converts its anchor's value again, so every
		// expanded value counts against maxNodes and a bomb stops early.
		return c.convert(n.Alias, ptr, depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, at(k, "syntaxe", "une clé doit être un simple texte")
			}
			c.text += len(k.Value) // the value's conversion checks the total
			if k.Value == "<<" && k.Tag == "!!merge" {
				return nil, at(k, "syntaxe", "les fusions YAML (<<) ne sont pas acceptées : écrivez les champs, ou référencez un identifiant")
			}
			if _, dup := m[k.Value]; dup {
				first := spans[ptr+"/"+schema.PointerToken(k.Value)].key
				return nil, at(k, "cle-dupliquee", "clé « %s » en double (déjà définie ligne %d) : une des deux valeurs serait perdue",
					k.Value, first.line)
			}
			child := ""
			if spans != nil {
				child = ptr + "/" + schema.PointerToken(k.Value)
				spans[child] = span{key: lineCol{k.Line, k.Column}, value: lineCol{v.Line, v.Column}}
			}
			val, f := c.convert(v, child, depth+1)
			if f != nil {
				return nil, f
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			child := ""
			if spans != nil {
				child = ptr + "/" + strconv.Itoa(i)
			}
			val, f := c.convert(e, child, depth+1)
			if f != nil {
				return nil, f
			}
			s = append(s, val)
		}
		return s, nil
	case yaml.ScalarNode:
		if c.text += len(n.Value); c.text > maxText {
			return nil, at(n, "alias", "le fichier développe plus de 4 Mio de texte : un long texte repris par trop d'alias YAML (« bombe d'alias ») ; écrivez-le une fois")
		}
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", nil
		case "!!int", "!!float":
			num := strings.ReplaceAll(n.Value, "_", "")
			if _, err := strconv.ParseFloat(num, 64); err != nil {
				return nil, at(n, "type", "nombre « %s » non représentable", n.Value)
			}
			if i, err := strconv.ParseInt(num, 0, 64); err == nil {
				num = strconv.FormatInt(i, 10)
			}
			return json.Number(num), nil
		default:
			return n.Value, nil
		}
	}
	return nil, at(n, "syntaxe", "élément YAML inattendu")
}

// yamlMessage translates the parser's messages; the original text is kept
// in parentheses when no translation fits, so that nothing is lost.
func yamlMessage(le *yaml.LoadError, src []byte) string {
	msg := le.Message
	if le.Mark.Line > 0 {
		lines := bytes.Split(src, []byte("\n"))
		if le.Mark.Line <= len(lines) && bytes.ContainsRune(leadingSpace(lines[le.Mark.Line-1]), '\t') {
			return "tabulation dans l'indentation : YAML n'accepte que des espaces pour indenter"
		}
	}
	if strings.Contains(le.ContextMsg, "quoted scalar") {
		return "guillemet ouvert ici et jamais refermé"
	}
	for _, t := range yamlTranslations {
		if strings.Contains(msg, t[0]) {
			return t[1]
		}
	}
	return "syntaxe YAML invalide (" + msg + ")"
}

var yamlTranslations = [][2]string{
	{"mapping values are not allowed", "« : » inattendu : mettez la valeur entre guillemets si elle contient « : », ou vérifiez l'indentation"},
	{"did not find expected key", "clé attendue : vérifiez l'indentation de cette ligne"},
	{"did not find expected '-' indicator", "élément de liste attendu (« - ») : vérifiez l'indentation"},
	{"did not find expected ',' or ']'", "liste entre crochets non refermée : « ] » manquant"},
	{"did not find expected ',' or '}'", "objet entre accolades non refermé : « } » manquant"},
	{"found unexpected end of stream", "fin de fichier inattendue : un guillemet ou un crochet n'est pas refermé"},
	{"found character that cannot start any token", "caractère inattendu en début de valeur : mettez la valeur entre guillemets"},
	{"unknown anchor", "alias vers une ancre inconnue (« *nom » sans « &nom » plus haut)"},
	{"exceeded max depth", "imbrication trop profonde"},
	{"expected single document", "le fichier contient plusieurs documents YAML (séparés par « --- ») : un seul est permis par fichier"},
	{"could not find expected ':'", "« : » attendu après la clé"},
	{"found undefined tag handle", "étiquette YAML (« ! ») inconnue"},
	{"block sequence entries are not allowed", "élément de liste (« - ») mal placé : vérifiez l'indentation"},
	{"found a tab character", "tabulation inattendue : YAML n'accepte que des espaces pour indenter"},
}

func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return err.Error()
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "unexpected end of JSON input"):
		return "fin de fichier inattendue (accolade ou crochet non refermé)"
	case strings.Contains(msg, "after object key"):
		return "« : » attendu après la clé"
	case strings.Contains(msg, "after object key:value pair"), strings.Contains(msg, "after array element"):
		return "virgule ou fermeture attendue"
	case strings.Contains(msg, "looking for beginning of object key string"):
		return "clé entre guillemets attendue (virgule en trop ?)"
	}
	return "syntaxe incorrecte (" + msg + ")"
}

func leadingSpace(line []byte) []byte {
	return line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
}

// blank reports whether src holds only white space and YAML comment lines,
// so that a file holding only the schema header counts as empty.
func blank(src []byte) bool {
	for line := range bytes.Lines(src) {
		if l := bytes.TrimSpace(line); len(l) > 0 && l[0] != '#' {
			return false
		}
	}
	return true
}

// offsetToLineCol converts a byte offset to a 1-based line and column (in
// characters, as editors count them).
func offsetToLineCol(src []byte, off int) (int, int) {
	off = min(off, len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}

func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}
