package doc

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// Address is the kind of address a link points to: the kind of a field of
// the model, or a link written in Markdown free text.
type Address int

const (
	// Web is a web page: the URL fields (services.url, formulaire, site,
	// plainte) and the documentation of a transfer written as an address.
	Web Address = iota
	// Email is an e-mail address, bare or as a mailto: link.
	Email
	// Prose is the destination of a link written in free text: a web page,
	// an e-mail address (mailto:), a telephone number (tel:), or a section
	// of the document (#anchor).
	Prose
)

var (
	emailAddr = regexp.MustCompile(`^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$`)
	phoneNum  = regexp.MustCompile(`^\+?[0-9][0-9.()-]{3,}$`)
)

// Href is the link policy of every document and every format, decided here
// once: check reports what it refuses, the document tree carries only the
// links it accepts, and the renderers use them as given. It returns the
// target of a link to s, an address of kind k, or "" when the policy
// refuses it; problem says why in French, or, with warn, what is accepted
// but ill-advised (http://). Refused: every scheme but https, http, mailto
// and tel (javascript:, data:, vbscript:…), relative paths, and addresses
// with control, invisible or white-space characters, which browsers drop
// ("java\tscript:").
func Href(k Address, s string) (href, problem string, warn bool) {
	if i := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r)
	}); i >= 0 {
		return "", "l'adresse contient une espace, un caractère de contrôle ou un caractère invisible", false
	}
	lower := strings.ToLower(s)
	web := func() (string, string, bool) {
		u, err := url.Parse(s)
		switch {
		case err != nil || u.Host == "" || u.User != nil:
			return "", "adresse web mal formée : écrivez-la en entier, https://exemple.fr/…", false
		case strings.HasPrefix(lower, "http://"):
			return s, "adresse en http:// : la page ne sera pas chiffrée ; préférez https://", true
		}
		return s, "", false
	}
	mail := func(addr string) (string, string, bool) {
		if !emailAddr.MatchString(addr) {
			return "", "adresse électronique mal formée (nom@domaine.fr attendu)", false
		}
		return "mailto:" + addr, "", false
	}
	switch {
	case k != Email && (strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")):
		return web()
	case k == Email && strings.HasPrefix(lower, "mailto:"):
		return mail(s[len("mailto:"):])
	case k == Email:
		return mail(s)
	case k == Prose && strings.HasPrefix(lower, "mailto:"):
		return mail(s[len("mailto:"):])
	case k == Prose && strings.HasPrefix(lower, "tel:"):
		if !phoneNum.MatchString(s[len("tel:"):]) {
			return "", "numéro de téléphone mal formé (tel:+33123456789 attendu)", false
		}
		return s, "", false
	case k == Prose && strings.HasPrefix(s, "#") && len(s) > 1 && !strings.Contains(s, ":"):
		// A colon would read as a scheme to browsers and html/template
		// (« #0: »); section anchors never hold one.
		return s, "", false
	case k == Prose:
		return "", "seuls les liens https://, http://, mailto:, tel: et #section sont permis", false
	}
	return "", "adresse web attendue, commençant par https://", false
}

// link is a link whose text is its address, a value of the model of kind
// k; an address the policy refuses is plain text.
func link(k Address, addr string) Span {
	href, _, _ := Href(k, addr)
	return Span{Text: addr, Link: href}
}
