package doc

import (
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

// layerText is the whole text of a brief document, as plain text.
func layerText(d *Document) string {
	var out []string
	each := func(in Inline) { out = append(out, in.String()) }
	eachText(d.Preamble, each)
	for _, s := range sections(d) {
		out = append(out, s.Title)
		eachText(s.Blocks, each)
	}
	return plain(strings.Join(out, "\n"))
}

func TestLayersOnlyWithPolitique(t *testing.T) {
	c := fixture(t)
	var bases []string
	for _, d := range Layers("exemple", c) {
		bases = append(bases, d.Base())
	}
	// The activities the organization answers for that collect data from
	// the person; not the audience measurement (observed data) nor the
	// processing for clients.
	if got, want := strings.Join(bases, " "), "essentiel mentions/prospection mentions/gestion_clients"; got != want {
		t.Errorf("layers %q, want %q", got, want)
	}
	c.Documents.Politique = nil
	if got := Layers("exemple", c); len(got) != 0 {
		t.Errorf("%d layers without a politique, want none", len(got))
	}
}

func TestEssentielFacts(t *testing.T) {
	c := fixture(t)
	c.Traitements[0].Videosurveillance = true
	text := layerText(Layers("exemple", c)[0])
	for _, want := range []string{
		"Le responsable du traitement de vos données est Exemple Services, 12 rue des Olivettes, 44000 Nantes.",
		"Lettre d'information : vous adresser notre lettre d'information et nos invitations à des webinaires. Base légale : consentement.",
		"Décision automatisée et profilage (Gestion des contrats et des comptes)",
		"Vidéosurveillance : Prospection commerciale.",
		"Transfert hors de l'Espace économique européen : Service d'envoi de courriels (États-Unis)",
		"Données qui ne viennent pas de vous : Profil professionnel public",
		"Cookies et traceurs : Données de navigation.",
		"vous opposer à leur traitement",
		// Objection for a reason relating to the person's situation (art. 21, § 1), without any to marketing (§ 2).
		"vous pouvez vous opposer à tout moment, pour des raisons tenant à votre situation particulière, au traitement de vos données pour les traitements suivants : Prospection commerciale ; Sécurité de la Plateforme.",
		"Vous pouvez vous opposer à tout moment, sans avoir à vous justifier, à l'utilisation de vos données à des fins de prospection commerciale : Prospection commerciale.",
		"retirer votre consentement à tout moment",
		"par courriel : dpo@exemple.fr",
		"réclamation auprès de la CNIL",
		"politique de confidentialité",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the essentials lack %q:\n%s", want, text)
		}
	}
	// A legal basis or a channel to verify shows as in the policy.
	f := &c.Traitements[0].Finalites[0]
	f.AVerifier = schema.Verifications{"base_legale": {Alternatives: []string{"base A", "base B"}}}
	c.Droits.Exercice.AVerifier = schema.Verifications{"email": {Alternatives: []string{"canal A", "canal B"}}}
	text = layerText(Layers("exemple", c)[0])
	for _, want := range []string{"« base A » et « base B »", "« canal A » et « canal B »"} {
		if !strings.Contains(text, want) {
			t.Errorf("the essentials lack the doubt %q:\n%s", want, text)
		}
	}
	f.AVerifier = nil
	// Nothing to signal: the essentials say so, from the facts.
	for i := range c.Traitements {
		c.Traitements[i].DecisionAutomatisee, c.Traitements[i].Transferts, c.Traitements[i].Videosurveillance = nil, nil, false
		c.Traitements[i].Destinataires = nil
	}
	for i := range c.Donnees {
		c.Donnees[i].Source, c.Donnees[i].Traceur, c.Donnees[i].Sensible = "personne_concernee", false, nil
	}
	for i := range c.Traitements {
		for j := range c.Traitements[i].Finalites {
			c.Traitements[i].Finalites[j].Prospection = false
		}
	}
	// It says what the facts establish, and no more.
	c.Organisation.SansDecisionAutomatisee = ""
	for i := range c.Traitements {
		c.Traitements[i].DonneesSensibles = ""
	}
	if text := layerText(Layers("exemple", c)[0]); strings.Contains(text, "ne comportent") || strings.Contains(text, "À savoir") {
		t.Errorf("no fact of an absence, but:\n%s", text)
	}
	c.Organisation.SansDecisionAutomatisee = "effets_juridiques"
	for i := range c.Traitements {
		c.Traitements[i].DonneesSensibles = "aucune"
	}
	want := "Nos traitements ne comportent aucune décision fondée exclusivement sur un traitement automatisé produisant des effets juridiques et aucune donnée sensible."
	if text := layerText(Layers("exemple", c)[0]); !strings.Contains(text, want) {
		t.Errorf("nothing to signal, but:\n%s", text)
	}
}

func TestMentionFacts(t *testing.T) {
	c := fixture(t)
	// Whether giving the data is mandatory is unknown: a gap, never a guess.
	c.Donnees[0].Caractere, c.Donnees[0].ConsequencesRefus = "", ""
	var prospection *Document
	for _, d := range Layers("exemple", c) {
		if d.Activity == "prospection" {
			prospection = d
		}
	}
	text := layerText(prospection)
	for _, want := range []string{
		"traitées par Exemple Services, responsable du traitement",
		"Base légale : intérêt légitime, au sens de l'art. 6, § 1, f) du RGPD : développer notre clientèle",
		"Identité et coordonnées des Prospects (nom, prénom, adresse électronique, téléphone, société) : à compléter : caractère obligatoire ou facultatif de leur fourniture.",
		"Destinataires : Équipe commerciale et marketing ; Service d'envoi de courriels.",
		"Durée de conservation : Données des Prospects : 3 ans à compter du dernier contact",
		"Service d'envoi de courriels (États-Unis)",
		"Vous pouvez vous opposer à tout moment à ce traitement, pour des raisons tenant à votre situation particulière.",
		"Vous pouvez vous opposer à tout moment, sans avoir à vous justifier, à l'utilisation de vos données à des fins de prospection commerciale.",
		"délégué à la protection des données : dpo@exemple.fr",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Profil professionnel public") {
		t.Error("the notice lists data not collected from the person")
	}
	// Doubts on a legal basis, on the channels for the rights and on the
	// DPO's address show beside them, not a doubt on another of its fields.
	for i := range c.Traitements {
		if c.Traitements[i].ID == "prospection" {
			c.Traitements[i].Finalites[0].AVerifier = schema.Verifications{"base_legale": {Alternatives: []string{"base A", "base B"}}}
		}
	}
	c.Droits.Exercice.AVerifier = schema.Verifications{"email": {Alternatives: []string{"canal A", "canal B"}}}
	c.Donnees[0].AVerifier = schema.Verifications{"source": {Alternatives: []string{"source A", "source B"}}}
	c.Organisation.DPO.AVerifier = schema.Verifications{"email": {Alternatives: []string{"dpo A", "dpo B"}}, "adresse": {Alternatives: []string{"rue A", "rue B"}}}
	for _, d := range Layers("exemple", c) {
		if d.Activity == "prospection" {
			prospection = d
		}
	}
	text = layerText(prospection)
	for _, want := range []string{"« base A » et « base B »", "« canal A » et « canal B »", "« dpo A » et « dpo B »", "« source A » et « source B »"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks the doubt %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "rue A") {
		t.Errorf("the notice shows a doubt on the DPO's address, which it does not give:\n%s", text)
	}
	// At the address where the documents are published, the links work
	// from a page of another site.
	c.Documents.URL = "https://rgpd.exemple.fr/exemple/"
	d := Layers("exemple", c)[1]
	found := false
	eachText(d.Preamble, func(in Inline) {
		for _, s := range in {
			found = found || s.Link == "https://rgpd.exemple.fr/exemple/politique-de-confidentialite.html"
		}
	})
	if !found {
		t.Error("no absolute link to the politique with documents.url")
	}
}

func TestFormatsOfKinds(t *testing.T) {
	all := []string{"html", "md", "pdf"}
	for k, want := range map[Kind]string{
		Politique: "html md pdf",
		Essentiel: "html md",
		Mention:   "html md fragment.html",
	} {
		if got := strings.Join(Formats(k, all), " "); got != want {
			t.Errorf("Formats(%s) = %q, want %q", k, got, want)
		}
	}
	if got := Formats(Mention, []string{"pdf"}); len(got) != 0 {
		t.Errorf("Formats(mentions, pdf) = %v, want none", got)
	}
}
