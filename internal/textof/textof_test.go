package textof

import (
	"testing"

	rendered "github.com/rgpdoc/rgpdoc/build/render/html"
)

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\*Données\* \[à compléter\]`, "*Données* [à compléter]"},
		{"**Droit d’accès**\u00a0: voir [la CNIL](https://www.cnil.fr).", "Droit d’accès\u00a0: voir la CNIL."},
		{"Écrire à <dpo@exemple.fr>", "Écrire à dpo@exemple.fr"},
		{"| a | b |\n| --- | --- |\n| 3\u00a0ans | R\\&D |", "a b 3\u00a0ans R&D"},
		{"- un\n- deux", "un deux"},
		{"<b>brut</b>", "brut"}, // raw HTML omitted, its text kept
	}
	for _, tt := range tests {
		got, err := Markdown([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Key(rendered.Markdown, got), Key(rendered.Markdown, tt.want); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<html><head><title>Titre</title></head><body><header>Entête</header>` +
		`<main><p><strong>Droit</strong>&nbsp;: L&#39;accès &amp; la <a href="https://x.fr">suite</a></p><td>a</td><td>b</td></main>` +
		`<footer>Pied</footer></body></html>`
	got, err := HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Key(rendered.HTML, got), "droit : l'accès & la suite a b"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
	if _, err := HTML([]byte("<p>sans main</p>")); err == nil {
		t.Error("HTML sans <main> : pas d'erreur")
	}
}

func TestKey(t *testing.T) {
	in := "Pendant la durée du contrat,\npuis 12\u00a0mois\u202f; RGPD@exemple.fr"
	if got, want := Key(rendered.Markdown, in), "pendant la durée du contrat, puis 12 mois ; rgpd@exemple.fr"; got != want {
		t.Errorf("Key(md) = %q, want %q", got, want)
	}
	if got, want := Key(rendered.PDF, in), "pendantladuréeducontrat,puis12mois;rgpd@exemple.fr"; got != want {
		t.Errorf("Key(pdf) = %q, want %q", got, want)
	}
	if got, want := Fact(rendered.HTML, "l'Agence"), "l’agence"; got != want {
		t.Errorf("Fact = %q, want %q", got, want)
	}
}

func TestWithoutRunningLines(t *testing.T) {
	in := "au sens de l'art. 6, § 1, c)\n\nAcme — Politique\n\nPage 5 / 11\n\n\fAcme\n\n•\n\nPolitique\n\ndu RGPD : suite\n"
	if got, want := Key(rendered.PDF, withoutRunningLines(in)), "ausensdel'art.6,§1,c)durgpd:suite"; got != want {
		t.Errorf("withoutRunningLines = %q, want %q", got, want)
	}
	// Without the footer's page number, nothing is taken for a running line.
	in = "texte\nAcme — Politique\n\fAcme\nPolitique\nsuite\n"
	if got := withoutRunningLines(in); got != in {
		t.Errorf("withoutRunningLines = %q, want the text unchanged", got)
	}
}
