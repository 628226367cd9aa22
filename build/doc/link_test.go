package doc

import "testing"

func TestHref(t *testing.T) {
	for _, c := range []struct {
		kind Address
		in   string
		want string // "" when refused
		warn bool
	}{
		{Web, "https://exemple.fr/a?b=1#c", "https://exemple.fr/a?b=1#c", false},
		{Web, "HTTPS://exemple.fr", "HTTPS://exemple.fr", false},
		{Web, "http://exemple.fr", "http://exemple.fr", true},
		{Web, "javascript:alert(1)", "", false},
		{Web, "JavaScript:alert(1)", "", false},
		{Web, " javascript:alert(1)", "", false},
		{Web, "java\tscript:alert(1)", "", false},
		{Web, "java\nscript:alert(1)", "", false},
		{Web, "https://exemple.fr/\u202egnp.exe", "", false},
		{Web, "https://exemple\u200b.fr", "", false},
		{Web, "data:text/html,<script>", "", false},
		{Web, "vbscript:msgbox", "", false},
		{Web, "//evil.example/x", "", false},
		{Web, "../secret.html", "", false},
		{Web, "https://", "", false},
		{Web, "https://user:pass@exemple.fr", "", false},
		{Web, "mailto:dpo@exemple.fr", "", false},
		{Web, "tel:+33123456789", "", false},
		{Web, "#ancre", "", false},
		{Email, "dpo@exemple.fr", "mailto:dpo@exemple.fr", false},
		{Email, "mailto:dpo@exemple.fr", "mailto:dpo@exemple.fr", false},
		{Email, "javascript:alert(1)//@exemple.fr", "", false},
		{Email, "https://exemple.fr", "", false},
		{Prose, "tel:+33123456789", "tel:+33123456789", false},
		{Prose, "tel:javascript:alert(1)", "", false},
		{Prose, "mailto:dpo@exemple.fr", "mailto:dpo@exemple.fr", false},
		{Prose, "#droits", "#droits", false},
		{Prose, "#", "", false},
		{Prose, "#0:", "", false}, // found by FuzzEscaping: html/template reads a scheme
		{Prose, "#a:b", "", false},
		{Prose, "https://exemple.fr", "https://exemple.fr", false},
		{Prose, "javascript:alert(1)", "", false},
		{Prose, "data:image/png;base64,AAAA", "", false},
		{Prose, "page.html", "", false},
		{Prose, "", "", false},
	} {
		got, problem, warn := Href(c.kind, c.in)
		if got != c.want || warn != c.warn || (got == "" || warn) != (problem != "") {
			t.Errorf("Href(%d, %q) = %q, %q, %v; want %q, warn %v", c.kind, c.in, got, problem, warn, c.want, c.warn)
		}
	}
}

// TestMarkdownLinks checks that a link of free text that the policy refuses
// is plain text in the tree.
func TestMarkdownLinks(t *testing.T) {
	in := markdownInline("[a](javascript:alert(1)) [b](tel:+33123456789) <javascript:alert(2)> [c](java&#9;script:x)")
	links := map[string]string{}
	for _, s := range in {
		links[s.Text] = s.Link
	}
	if links["a"] != "" || links["b"] != "tel:+33123456789" || links["c"] != "" || links["javascript:alert(2)"] != "" {
		t.Errorf("links: %q", links)
	}
}
