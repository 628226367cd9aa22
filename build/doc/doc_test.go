package doc

import (
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// fixture returns the content of the complete test organization, which
// exercises every feature of the model.
func fixture(t *testing.T) *schema.Contenu {
	t.Helper()
	site, err := load.Load("../../testdata/complet/content")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range site.Orgs {
		if o.ID != "exemple" {
			continue
		}
		all := append(append(diag.List{}, site.Findings...), o.Findings...)
		if n, _ := all.Count(); n > 0 {
			t.Fatalf("the fixture does not load: %v", all)
		}
		return o.Content
	}
	t.Fatal("no organization exemple in the fixture")
	return nil
}

// plain makes a text comparable with the wording written in tests: the
// no-break spaces become spaces, the apostrophes straight.
func plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ", "’", "'").Replace(s)
}

// eachText calls f for every run of text of the blocks, table headers and
// captions included.
func eachText(bs []Block, f func(Inline)) {
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			f(b.Text)
		case *List:
			for _, item := range b.Items {
				eachText(item, f)
			}
		case *Table:
			f(line(b.Caption))
			for _, h := range b.Header {
				f(line(h))
			}
			for _, row := range b.Rows {
				for _, c := range row {
					eachText(c, f)
				}
			}
		case *Definitions:
			// A term reads with the paragraph that defines it: "Terme : …".
			for _, d := range b.Items {
				body := d.Body
				if p, ok := first(body); ok {
					f(append(append(append(Inline{}, d.Term...), Span{Text: "\u00a0: "}), p.Text...))
					body = body[1:]
				} else {
					f(d.Term)
				}
				eachText(body, f)
			}
		case *Note:
			eachText(b.Blocks, f)
		}
	}
}

// sections lists the sections of a document, depth first.
func sections(d *Document) []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(list []*Section) {
		for _, s := range list {
			out = append(out, s)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	return out
}

func section(t *testing.T, d *Document, id string) *Section {
	t.Helper()
	for _, s := range sections(d) {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %q in %s", id, d.Kind)
	return nil
}

// texts returns the plain text of every run of a section and its sub-sections.
func texts(s *Section) []string {
	var out []string
	var walk func(*Section)
	walk = func(s *Section) {
		out = append(out, plain(s.Title))
		eachText(s.Blocks, func(in Inline) { out = append(out, plain(in.String())) })
		for _, sub := range s.Sections {
			walk(sub)
		}
	}
	walk(s)
	return out
}

func contains(list []string, sub string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.Contains(s, sub) })
}

func first(bs []Block) (*Paragraph, bool) {
	if len(bs) == 0 {
		return nil, false
	}
	p, ok := bs[0].(*Paragraph)
	return p, ok
}

// table returns the table of a section with the given caption.
func table(t *testing.T, s *Section, caption string) *Table {
	t.Helper()
	var found *Table
	for _, b := range s.Blocks {
		if tb, ok := b.(*Table); ok && plain(tb.Caption) == caption && found == nil {
			found = tb
		}
	}
	if found == nil {
		t.Fatalf("no table %q in section %s", caption, s.ID)
	}
	return found
}

func cellText(c Cell) string {
	var parts []string
	eachText(c, func(in Inline) { parts = append(parts, plain(in.String())) })
	return strings.Join(parts, " ")
}

func TestPublished(t *testing.T) {
	tests := []struct {
		name string
		c    *schema.Contenu
		want []Kind
	}{
		{"nothing", &schema.Contenu{}, nil},
		{"politique only", &schema.Contenu{Documents: &schema.Documents{Politique: &schema.Publication{}}}, []Kind{Politique}},
		{"charte and registre", &schema.Contenu{Documents: &schema.Documents{Charte: &schema.Charte{}, Registre: &schema.Publication{}}}, []Kind{Charte, Registre}},
		{"fixture", fixture(t), []Kind{Politique, Charte, Registre}},
	}
	for _, tt := range tests {
		if got := Published(tt.c); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Published = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRetentionWording(t *testing.T) {
	tests := []struct {
		name string
		row  schema.Conservation
		want string
	}{
		{"starting point and earlier event", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "ans", Depart: "dernier_contact"}, Ou: "jusqu'à votre demande de suppression"},
			"3 ans à compter du dernier contact, ou jusqu'à votre demande de suppression, selon la première éventualité"},
		{"event without jusqu'à", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "ans"}, Ou: "votre demande de suppression"},
			"3 ans, ou jusqu'à votre demande de suppression, selon la première éventualité"},
		{"event with an article", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "ans"}, Ou: "le retrait de votre consentement"},
			"3 ans, ou jusqu'au retrait de votre consentement, selon la première éventualité"},
		{"after the contract", schema.Conservation{Duree: &schema.Duree{Valeur: 12, Unite: "mois", Depart: "fin_contrat"}},
			"pendant la durée du contrat, puis 12 mois"},
		{"after the relationship", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "ans", Depart: "fin_relation"}},
			"pendant la durée de la relation commerciale, puis 3 ans"},
		{"after the operation", schema.Conservation{Duree: &schema.Duree{Valeur: 2, Unite: "mois", Depart: "fin_operation", Maximum: true}},
			"pendant la durée de l'opération, puis 2 mois maximum"},
		{"one year", schema.Conservation{Duree: &schema.Duree{Valeur: 1, Unite: "ans", Depart: "enregistrement"}},
			"1 an à compter de leur enregistrement"},
		{"maximum", schema.Conservation{Duree: &schema.Duree{Valeur: 13, Unite: "mois", Depart: "depot_traceur", Maximum: true}},
			"13 mois maximum à compter du dépôt du traceur"},
		{"accounting", schema.Conservation{Duree: &schema.Duree{Valeur: 10, Unite: "ans", Depart: "cloture_exercice"}},
			"10 ans à compter de la clôture de l'exercice comptable"},
		{"precision", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "mois", Maximum: true}, Precision: "sauf opposition explicite"},
			"3 mois maximum, sauf opposition explicite"},
		{"starting point to complete", schema.Conservation{Duree: &schema.Duree{Valeur: 3, Unite: "ans", ACompleter: schema.Lacunes{"depart": "non dit"}}},
			"3 ans à compléter : point de départ de la durée (non dit)"},
		{"duration and criterion", schema.Conservation{Duree: &schema.Duree{Valeur: 14, Unite: "mois", Depart: "enregistrement"}, Critere: "durée convenue avec chaque bailleur social"},
			"14 mois à compter de leur enregistrement ; critère : durée convenue avec chaque bailleur social"},
		{"criterion", schema.Conservation{Critere: "le temps strictement nécessaire à la réalisation de l'intervention"},
			"le temps strictement nécessaire à la réalisation de l'intervention"},
		{"declared gap", schema.Conservation{ACompleter: schema.Lacunes{"duree": "la source n'en donne aucune"}},
			"à compléter : durée de conservation ou critère (la source n'en donne aucune)"},
		{"undeclared gap", schema.Conservation{}, "à compléter : durée de conservation ou critère"},
	}
	for _, tt := range tests {
		got := retention(&tt.row)
		if s := plain(got.typeset().String()); s != tt.want {
			t.Errorf("%s: retention = %q, want %q", tt.name, s, tt.want)
		}
		if gap := strings.HasPrefix(tt.want, "à compléter"); gap != (len(got) == 1 && got[0].Gap) {
			t.Errorf("%s: gap span = %v, want %v", tt.name, !gap, gap)
		}
	}
}

func TestEndingWording(t *testing.T) {
	tests := []struct {
		row  schema.Conservation
		want string
	}{
		{schema.Conservation{Fin: "suppression"}, "suppression"},
		{schema.Conservation{Fin: "anonymisation"}, "anonymisation"},
		{schema.Conservation{Fin: "archivage_intermediaire", Archivage: &schema.Archivage{
			Duree: schema.Duree{Valeur: 10, Unite: "ans", Depart: "cloture_exercice"}, Fondement: "article L. 123-22 du code de commerce"}},
			"archivage intermédiaire pendant 10 ans à compter de la clôture de l'exercice comptable (article L. 123-22 du code de commerce)"},
		{schema.Conservation{Fin: "suppression", Archivage: &schema.Archivage{Duree: schema.Duree{Valeur: 5, Unite: "ans"}, Fondement: "article 2224 du code civil"}},
			"archivage intermédiaire pendant 5 ans (article 2224 du code civil), puis suppression"},
		{schema.Conservation{Fin: "archivage_intermediaire"}, "archivage intermédiaire (à compléter : durée et fondement de l'archivage)"},
		{schema.Conservation{}, "à compléter : sort des données"},
	}
	for _, tt := range tests {
		if got := plain(ending(&tt.row).typeset().String()); got != tt.want {
			t.Errorf("ending(%+v) = %q, want %q", tt.row, got, tt.want)
		}
	}
}

func TestPolitiqueFacts(t *testing.T) {
	c := fixture(t)
	d := Build(Politique, "exemple", c)
	if d.Title != "Politique de confidentialité" || plain(d.Updated) != "2 janvier 2025" || d.Version != "2.1" || d.Date.Format("2006-01-02") != "2025-01-02" {
		t.Errorf("header: %q %q %q %v", d.Title, d.Updated, d.Version, d.Date)
	}
	if d.Org.ID != "exemple" || d.Org.Name != "Exemple Services" {
		t.Errorf("org: %+v", d.Org)
	}

	// Every retention row, with its duration and end written from the fields.
	rows := table(t, section(t, d, "conservation"), "Durées de conservation").Rows
	want := [][2]string{
		{"Données des Prospects", "3 ans à compter du dernier contact, ou jusqu'à votre demande de suppression, selon la première éventualité"},
		{"Données de compte", "Pendant la durée du contrat, puis 12 mois"},
		{"Factures", "10 ans à compter de la clôture de l'exercice comptable"},
		{"Journaux de connexion", "1 an à compter de leur enregistrement, sauf incident de sécurité en cours d'analyse"},
		{"Cookies de mesure d'audience", "13 mois maximum à compter du dépôt du traceur"},
		{"Dossiers des locataires", "Pendant la durée du contrat du Client, puis restitution ou suppression dans les 30 jours"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d retention rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if got := [2]string{cellText(rows[i][0]), cellText(rows[i][1])}; got != w {
			t.Errorf("retention row %d = %q, want %q", i, got, w)
		}
	}
	if got := cellText(rows[2][3]); got != "Archivage intermédiaire pendant 10 ans à compter de la clôture de l'exercice comptable (article L. 123-22 du code de commerce), puis suppression" {
		t.Errorf("archiving = %q", got)
	}

	// Every purpose of a controller activity, with its legal basis in words.
	data := texts(section(t, d, "donnees"))
	for _, w := range []string{
		"Lettre d'information : vous adresser notre lettre d'information et nos invitations à des webinaires. Ce traitement repose sur votre consentement, au sens de l'art. 6, § 1, a) du RGPD ; vous pouvez le retirer à tout moment.",
		"Démarchage de professionnels : présenter nos services aux professionnels de l'immobilier. Ce traitement repose sur notre intérêt légitime, au sens de l'art. 6, § 1, f) du RGPD : développer notre clientèle auprès des professionnels de l'immobilier.",
		"Gestion des comptes : créer et gérer votre compte, et vous assister dans l'utilisation de la Plateforme. Ce traitement est nécessaire à l'exécution du contrat qui nous lie ou de mesures précontractuelles prises à votre demande, au sens de l'art. 6, § 1, b) du RGPD.",
		"Facturation : établir et conserver les factures. Ce traitement est nécessaire au respect de nos obligations légales, au sens de l'art. 6, § 1, c) du RGPD : articles L. 123-22 du code de commerce et 289 du code général des impôts.",
		"Ce traitement repose sur notre intérêt légitime, au sens de l'art. 6, § 1, f) du RGPD : protéger la Plateforme et les données de nos Clients.",
		"Mesure d'audience du Site : mesurer la fréquentation du Site pour en améliorer le contenu. Ce traitement repose sur votre consentement",
		// sources, mandatory or not, consequences, sensitive data
		"Données collectées auprès de vous ; leur fourniture est nécessaire à la conclusion du contrat. Sans ces données, nous ne pouvons pas répondre à votre demande.",
		"Données collectées auprès d'une source accessible au public (réseaux sociaux professionnels).",
		"Données collectées auprès d'un tiers (le Client).",
		"Données sensibles (données concernant la santé), au sens de l'art. 9 du RGPD, traitées sur le fondement de l'exception suivante : consentement explicite de la personne concernée, au sens de l'art. 9, § 2, a) du RGPD ; consentement du locataire recueilli par le Client lors de la demande d'adaptation.",
		// automated decision
		"Logique sous-jacente : un score calculé à partir de l'ancienneté de l'entreprise",
		"Fondement : décision nécessaire à la conclusion ou à l'exécution d'un contrat, au sens de l'art. 22, § 2, a) du RGPD.",
		// processing on behalf of clients
		"pour le compte et sur instruction des responsables du traitement suivants : Bailleurs et administrateurs de biens abonnés à la Plateforme.",
	} {
		if !contains(data, w) {
			t.Errorf("section donnees lacks %q", w)
		}
	}
	// The processor's purpose carries no legal basis of the organization.
	if contains(data, "héberger et mettre à disposition des Clients les dossiers de leurs locataires. Ce traitement") {
		t.Error("a purpose carried out for clients is given a legal basis of the organization")
	}

	for id, facts := range map[string][]string{
		"responsable": {"Exemple Services, société par actions simplifiée au capital de 150 000 €, immatriculée au registre du commerce et des sociétés de Nantes sous le numéro 812 345 678, dont le siège social est situé 12 rue des Olivettes, 44000 Nantes (ci-après « Exemple » ou « nous »)",
			"Numéro de TVA intracommunautaire : FR12812345678", "Sous-traitant, au sens de l'art. 28 du RGPD"},
		"objet":         {"exemple.fr, accessible à l'adresse https://www.exemple.fr (ci-après « Site »).", "Prospect : personne qui consulte le Site"},
		"destinataires": {"Services internes", "Équipe commerciale et marketing.", "Sous-traitants, au sens de l'art. 28 du RGPD", "Hébergeur de la Plateforme : OVH SAS — France.", "Service d'envoi de courriels : Mailchimp (Intuit Inc.) — États-Unis.", "Tiers", "Cabinet d'expertise comptable : Cabinet Durand & Associés — France."},
		"transferts":    {"Service d'envoi de courriels : Mailchimp (Intuit Inc.)", "États-Unis", "Data Privacy Framework (décision d'adéquation UE–États-Unis du 10 juillet 2023), au sens de l'art. 45 du RGPD ; à défaut : clauses contractuelles types de la Commission européenne, au sens de l'art. 46, § 2, c) du RGPD", "https://www.exemple.fr/garanties-transferts"},
		"securite":      {"Sauvegarde des données", "Copie chiffrée."},
		"exercice":      {"adressez-vous à notre délégué à la protection des données", "par courriel : dpo@exemple.fr", "par le formulaire en ligne : https://www.exemple.fr/droits", "dans un délai d'un mois à compter de la réception de votre demande"},
		"reclamation":   {"Vous avez le droit d'introduire une réclamation auprès de la CNIL", "Commission nationale de l'informatique et des libertés (CNIL)", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", "https://www.cnil.fr/fr/plaintes"},
		"dpo":           {"Claire Martin", "dpo@exemple.fr", "par téléphone : 02 40 00 00 01"},
		"modifications": {"au moins un mois avant son entrée en vigueur", "Version en vigueur : 2.1, mise à jour le 2 janvier 2025.", "Ajout de la Plateforme."},
	} {
		got := texts(section(t, d, id))
		for _, f := range facts {
			if !contains(got, f) {
				t.Errorf("section %s lacks %q", id, f)
			}
		}
	}

	// The free section comes right after the section it names.
	var top []string
	for _, s := range d.Sections {
		top = append(top, s.ID)
	}
	if i := slices.Index(top, "destinataires"); i < 0 || i+1 >= len(top) || top[i+1] != "cookies-et-traceurs" {
		t.Errorf("free section not after destinataires: %v", top)
	}
}

// rightsOf builds the policy of an organization whose only activity has
// purposes with the given legal bases, and returns its rights' titles.
func rightsOf(t *testing.T, role schema.Role, decision *schema.DecisionAutomatisee, purposes ...schema.Finalite) (titles []string, body []string) {
	t.Helper()
	return rightsText(t, schema.Traitement{ID: "t", Libelle: "Traitement", Role: role, Finalites: purposes, DecisionAutomatisee: decision})
}

// rightsText builds the policy of an organization with the given
// activities, and returns the titles and texts of its rights.
func rightsText(t *testing.T, acts ...schema.Traitement) (titles []string, body []string) {
	t.Helper()
	c := &schema.Contenu{
		Organisation: &schema.Organisation{SansDecisionAutomatisee: "effets_significatifs"},
		Documents:    &schema.Documents{Politique: &schema.Publication{}},
		Droits: &schema.Droits{Descriptions: &schema.DescriptionsDroits{
			Acces: "accès.", Rectification: "rectification.", Effacement: "effacement.", Limitation: "limitation.",
			Portabilite: "portabilité.", Opposition: "opposition.", DecisionAutomatisee: "décision.",
			RetraitConsentement: "retrait.", DirectivesPostMortem: "directives.", Reclamation: "réclamation.",
		}},
		Personnes:   []schema.Personne{{ID: "contacts", Libelle: "Contacts"}},
		Traitements: acts,
	}
	s := section(t, Build(Politique, "o", c), "droits")
	for _, b := range s.Blocks {
		switch b := b.(type) {
		case *Definitions:
			for _, d := range b.Items {
				titles = append(titles, plain(d.Term.String()))
				eachText(d.Body, func(in Inline) { body = append(body, plain(in.String())) })
			}
		case *Note:
			if b.Kind == Important {
				titles = append(titles, "NOTE")
				eachText(b.Blocks, func(in Inline) { body = append(body, plain(in.String())) })
			}
		}
	}
	return titles, body
}

func TestRightsDerivedFromBases(t *testing.T) {
	const (
		portability = "Droit à la portabilité des données (art. 20 du RGPD)"
		withdrawal  = "Droit de retirer votre consentement (art. 7, § 3, du RGPD)"
		objection   = "NOTE"
	)
	always := []string{"Droit d'accès (art. 15 du RGPD)", "Droit de rectification (art. 16 du RGPD)",
		"Droit à l'effacement (« droit à l'oubli », art. 17 du RGPD)", "Droit à la limitation du traitement (art. 18 du RGPD)",
		"Droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22 du RGPD)",
		"Droit de définir des directives relatives au sort de vos données après votre décès (art. 85 de la loi Informatique et Libertés)"}
	tests := []struct {
		name     string
		role     schema.Role
		purposes []schema.Finalite
		has, not []string
	}{
		{"legitimate interest", roleController, []schema.Finalite{{BaseLegale: "interet_legitime", Interet: "x"}},
			[]string{objection}, []string{portability, withdrawal}},
		{"contract", roleController, []schema.Finalite{{BaseLegale: "contrat"}},
			[]string{portability}, []string{withdrawal, objection}},
		{"consent", roleController, []schema.Finalite{{BaseLegale: "consentement"}},
			[]string{portability, withdrawal}, []string{objection}},
		{"legal obligation", roleController, []schema.Finalite{{BaseLegale: "obligation_legale", Obligation: "x"}},
			nil, []string{portability, withdrawal, objection}},
		{"public task", roleController, []schema.Finalite{{BaseLegale: "mission_interet_public"}},
			[]string{objection}, []string{portability, withdrawal}},
		{"direct marketing under contract", roleController, []schema.Finalite{{BaseLegale: "contrat", Prospection: true}},
			[]string{portability, objection}, []string{withdrawal}},
		{"joint controller", roleJoint, []schema.Finalite{{BaseLegale: "consentement"}},
			[]string{portability, withdrawal}, []string{objection}},
		{"basis to complete: objection shown with its gap", roleController, []schema.Finalite{{}},
			[]string{objection}, []string{portability, withdrawal}},
		{"processor only: the client's bases give no right here", roleProcessor, []schema.Finalite{{BaseLegale: "consentement"}, {BaseLegale: "interet_legitime"}},
			nil, []string{portability, withdrawal, objection}},
	}
	for _, tt := range tests {
		titles, _ := rightsOf(t, tt.role, nil, tt.purposes...)
		for _, w := range append(tt.has, always...) {
			if !slices.Contains(titles, w) {
				t.Errorf("%s: lacks %q in %q", tt.name, w, titles)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(titles, w) {
				t.Errorf("%s: has %q", tt.name, w)
			}
		}
	}
}

// TestObjectionUnsettled checks that an activity whose legal basis is
// still to be stated is named in a gap of the right to object, not left out.
func TestObjectionUnsettled(t *testing.T) {
	_, body := rightsOf(t, roleController, nil, schema.Finalite{})
	if !contains(body, "à compléter : application de ce droit aux traitements dont la base légale n'est pas indiquée : Traitement") {
		t.Errorf("no gap for the activity without a legal basis: %q", body)
	}
	if contains(body, "Ce droit s'applique aux traitements suivants") {
		t.Errorf("an activity without a legal basis is said open to objection: %q", body)
	}
}

// TestRightAgainstAutomatedDecision checks that what the policy says of
// article 22 is true: it speaks for the activities the organization answers
// for, says so when it also works for clients, and points to the decisions
// it takes on their behalf.
func TestRightAgainstAutomatedDecision(t *testing.T) {
	const (
		none   = "Nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé"
		scoped = "Pour les traitements dont nous sommes responsables, nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé"
		text   = "décision."
		client = "Le traitement « Prise de rendez-vous », que nous effectuons pour le compte de nos clients, comporte une décision automatisée, décrite à la section « Contacts » : ce droit s'exerce auprès du client concerné, responsable du traitement."
	)
	significant := &schema.DecisionAutomatisee{Description: "x", EffetsSignificatifs: new(true)}
	unknown := &schema.DecisionAutomatisee{Description: "Choix du créneau.", ACompleter: schema.Lacunes{"effets_significatifs": "non dit"}}
	ctrl := func(d *schema.DecisionAutomatisee) schema.Traitement {
		return schema.Traitement{ID: "t", Libelle: "Traitement", Role: roleController, Personnes: []string{"contacts"},
			Finalites: []schema.Finalite{{BaseLegale: "contrat"}}, DecisionAutomatisee: d}
	}
	proc := func(d *schema.DecisionAutomatisee) schema.Traitement {
		return schema.Traitement{ID: "rdv", Libelle: "Prise de rendez-vous", Role: roleProcessor, Personnes: []string{"contacts"},
			Finalites: []schema.Finalite{{Description: "organiser les rendez-vous"}}, DecisionAutomatisee: d}
	}
	tests := []struct {
		name     string
		acts     []schema.Traitement
		has, not []string
	}{
		{"controller without decision", []schema.Traitement{ctrl(nil)}, []string{none}, []string{scoped, text, client}},
		{"controller with a decision of significant effect", []schema.Traitement{ctrl(significant)}, []string{text}, []string{none, scoped}},
		{"controller and processor, no decision", []schema.Traitement{ctrl(nil), proc(nil)}, []string{scoped}, []string{none, client}},
		{"decision taken for clients", []schema.Traitement{ctrl(nil), proc(unknown)}, []string{scoped, client}, []string{none}},
		{"decision of significant effect and decision for clients", []schema.Traitement{ctrl(significant), proc(unknown)}, []string{text, client}, []string{none, scoped}},
		{"controller's decision of unknown effect", []schema.Traitement{ctrl(unknown)},
			[]string{"à compléter : effets juridiques ou significatifs de la décision automatisée du traitement « Traitement » (non dit)"}, []string{none, scoped}},
	}
	for _, tt := range tests {
		_, body := rightsText(t, tt.acts...)
		for _, w := range tt.has {
			if !contains(body, w) {
				t.Errorf("%s: lacks %q in %q", tt.name, w, body)
			}
		}
		for _, w := range tt.not {
			if contains(body, w) {
				t.Errorf("%s: has %q", tt.name, w)
			}
		}
	}
}

// TestProcessorDecisionShown checks that an automated decision taken on
// behalf of clients appears wherever its data do: in the policy's section
// on the persons concerned, in the charter and in the processor's register.
func TestProcessorDecisionShown(t *testing.T) {
	c := fixture(t)
	i := slices.IndexFunc(c.Traitements, func(x schema.Traitement) bool { return x.Role == roleProcessor })
	if i < 0 {
		t.Fatal("the fixture has no activity carried out for clients")
	}
	tr := &c.Traitements[i]
	tr.DecisionAutomatisee = &schema.DecisionAutomatisee{Description: "Attribution automatique des dossiers", Logique: "règles de priorité",
		ACompleter: schema.Lacunes{"effets_significatifs": "non dit"}}
	for kind, where := range map[Kind]string{Politique: SubjectAnchor(tr.Personnes[0]), Charte: ProcessingAnchor(tr.ID), Registre: SheetAnchor(tr.ID)} {
		got := texts(section(t, Build(kind, "exemple", c), where))
		for _, w := range []string{"Décision automatisée : " + tr.Libelle, "Décision : Attribution automatique des dossiers.",
			"Logique sous-jacente : règles de priorité", "à compléter : effets juridiques ou significatifs de la décision (non dit)", "Responsable du traitement : "} {
			if !contains(got, w) {
				t.Errorf("%s, section %s: lacks %q", kind, where, w)
			}
		}
	}
}

func TestGapsShow(t *testing.T) {
	c := fixture(t)
	c.Documents.Politique.MiseAJour = ""
	c.Documents.Politique.ACompleter = schema.Lacunes{"mise_a_jour": "source non datée"}
	f := &c.Traitements[0].Finalites[1]
	f.Interet, f.ACompleter = "", schema.Lacunes{"interet": "intérêt non précisé"}
	r := &c.Conservation[0]
	r.Duree, r.ACompleter = nil, schema.Lacunes{"duree": "aucune durée dans la source"}
	dpo := *c.Organisation.DPO
	dpo.Email, dpo.ACompleter = "", schema.Lacunes{"email": "adresse absente"}
	c.Organisation.DPO = &dpo
	siege := *c.Organisation.Siege
	siege.Pays = "US"
	c.Organisation.Siege = &siege
	c.Personnes[3].MoinsDe15Ans = true
	d := Build(Politique, "exemple", c)

	var gaps []string
	collect := func(bs []Block) {
		eachText(bs, func(in Inline) {
			for _, s := range in {
				if s.Gap {
					gaps = append(gaps, plain(s.Text))
				}
			}
		})
	}
	collect(d.Preamble)
	for _, s := range sections(d) {
		collect(s.Blocks)
	}
	for _, w := range []string{
		"à compléter : date de mise à jour (source non datée)",
		"à compléter : intérêt légitime poursuivi (intérêt non précisé)",
		"à compléter : durée de conservation ou critère (aucune durée dans la source)",
		"à compléter : adresse électronique du DPO (adresse absente)",
		"à compléter : représentant dans l'Union européenne",
		"à compléter : manière dont ce consentement conjoint est recueilli",
	} {
		if !slices.Contains(gaps, w) {
			t.Errorf("gap %q not shown; gaps: %q", w, gaps)
		}
	}
	if d.Updated != "" {
		t.Errorf("Updated = %q without a date", d.Updated)
	}
}

func TestNumberingAndAnchors(t *testing.T) {
	// Intent's seed numbers two sections 2.1: generated numbers cannot.
	d := &Document{Sections: []*Section{
		{ID: "donnees", Title: "Données", Number: "2", Sections: []*Section{
			{ID: "x", Number: "2.1", Title: "Prospects"}, {ID: "x", Number: "2.1", Title: "Souscripteurs"}, {Title: "Sans ancre"}}},
		{ID: "donnees", Title: "Encore"},
		{ID: "donnees-2", Title: "Déjà suffixée"},
	}}
	finish(d)
	var numbers, ids []string
	for _, s := range sections(d) {
		numbers = append(numbers, s.Number)
		ids = append(ids, s.ID)
	}
	if want := []string{"1", "1.1", "1.2", "1.3", "2", "3"}; !slices.Equal(numbers, want) {
		t.Errorf("numbers = %v, want %v", numbers, want)
	}
	if want := []string{"donnees", "x", "x-2", "section", "donnees-2", "donnees-2-2"}; !slices.Equal(ids, want) {
		t.Errorf("anchors = %v, want %v", ids, want)
	}

	// The same holds for real documents, free sections included.
	c := fixture(t)
	c.Documents.Politique.Sections = append(c.Documents.Politique.Sections,
		schema.SectionLibre{Titre: "Conservation", Texte: "Un titre qui reprend une ancre.", Apres: SubjectAnchor("prospects")},
		schema.SectionLibre{Titre: "Conservation", Texte: "Deux fois.", Apres: "ancre-inconnue"})
	for _, k := range Kinds {
		d := Build(k, "exemple", c)
		seen := map[string]bool{}
		for _, s := range sections(d) {
			key := "number " + s.Number
			if seen[key] || seen["id "+s.ID] {
				t.Errorf("%s: number %s or anchor %s given twice", k, s.Number, s.ID)
			}
			seen[key], seen["id "+s.ID] = true, true
		}
		for _, a := range Anchors(k) {
			if !seen["id "+a] {
				t.Errorf("%s: anchor %q of Anchors is missing", k, a)
			}
		}
	}
	pol := Build(Politique, "exemple", c)
	prospects := section(t, pol, "donnees").Sections
	if len(prospects) < 2 || prospects[1].ID != "conservation-2" || prospects[1].Number != "3.2" {
		t.Errorf("free section after donnees-prospects: %+v", prospects[1])
	}
	if last := pol.Sections[len(pol.Sections)-1]; last.ID != "conservation-3" {
		t.Errorf("free section with an unknown anchor not at the end: %s", last.ID)
	}
}

func TestEveryKindBuildsFromNothing(t *testing.T) {
	for _, k := range Kinds {
		d := Build(k, "vide", &schema.Contenu{})
		if d.Title == "" || len(d.Sections) == 0 {
			t.Errorf("%s: empty document %+v", k, d)
		}
		ids := map[string]bool{}
		for _, s := range sections(d) {
			ids[s.ID] = true
		}
		for _, a := range Anchors(k) {
			if !ids[a] {
				t.Errorf("%s: anchor %q missing from an empty organization's document", k, a)
			}
		}
	}
	if d := Build(Registre, "exemple", fixture(t)); !d.Landscape {
		t.Error("the register is not landscape")
	}
}

// TestTypography checks that every text of every document went through
// the typography pass: no straight apostrophe between letters, no ordinary
// space before a colon, a semicolon, an exclamation or a question mark.
func TestTypography(t *testing.T) {
	c := fixture(t)
	for _, k := range Kinds {
		d := Build(k, "exemple", c)
		check := func(in Inline) {
			for _, s := range in {
				if s.Code || strings.Contains(s.Text, "://") {
					continue
				}
				// A legal reference ends with its point's parenthesis
				// ("a)"): inside parentheses it would read "a) du RGPD)".
				for _, bad := range []string{" :", " ;", " ?", " !", "' ", "« ", " »", "\"", ") du RGPD)", ") (art."} {
					if strings.Contains(s.Text, bad) {
						t.Errorf("%s: %q has %q", k, s.Text, bad)
					}
				}
				for i, r := range []rune(s.Text) {
					if r == '\'' && i > 0 {
						t.Errorf("%s: straight apostrophe in %q", k, s.Text)
					}
				}
			}
		}
		check(line(d.Title))
		eachText(d.Preamble, check)
		for _, s := range sections(d) {
			check(line(s.Title))
			eachText(s.Blocks, check)
		}
	}
}

func TestMarkdownFragments(t *testing.T) {
	blocks := markdown("Texte <b>gras</b> et **fort**, [lien](javascript:alert(1)), <https://www.cnil.fr>, contact@exemple.fr.\n\n" +
		"<script>alert(1)</script>\n\n- un\n- deux\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n> note\n")
	if len(blocks) != 4 {
		t.Fatalf("%d blocks, want paragraph, list, table, note: %#v", len(blocks), blocks)
	}
	p := blocks[0].(*Paragraph)
	var links []string
	for _, s := range p.Text {
		if strings.ContainsAny(s.Text, "<>") {
			t.Errorf("raw HTML kept: %q", s.Text)
		}
		if s.Link != "" {
			links = append(links, s.Link)
		}
	}
	if want := []string{"https://www.cnil.fr", "mailto:contact@exemple.fr"}; !slices.Equal(links, want) {
		t.Errorf("links = %v, want %v", links, want)
	}
	if got := p.Text.String(); got != "Texte gras et fort, lien, https://www.cnil.fr, contact@exemple.fr." {
		t.Errorf("text = %q", got)
	}
	if l, ok := blocks[1].(*List); !ok || len(l.Items) != 2 {
		t.Errorf("list = %#v", blocks[1])
	}
	if tb, ok := blocks[2].(*Table); !ok || !slices.Equal(tb.Header, []string{"A", "B"}) || len(tb.Rows) != 1 {
		t.Errorf("table = %#v", blocks[2])
	}
	if n, ok := blocks[3].(*Note); !ok || n.Kind != Important {
		t.Errorf("note = %#v", blocks[3])
	}
}

// TestConcurrentBuild builds documents from several goroutines, as the
// build pipeline does for several organizations (run with -race).
func TestConcurrentBuild(t *testing.T) {
	c := fixture(t)
	done := make(chan *Document)
	for range 8 {
		for _, k := range Kinds {
			go func() { done <- Build(k, "exemple", c) }()
		}
	}
	for range 8 * len(Kinds) {
		if d := <-done; len(d.Sections) == 0 {
			t.Error("empty document")
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	c := fixture(&testing.T{})
	for b.Loop() {
		for _, k := range Kinds {
			Build(k, "exemple", c)
		}
	}
}

// TestTableWidths checks that every table gives one relative width per
// column, summing to 1, for the PDF.
func TestTableWidths(t *testing.T) {
	c := fixture(t)
	for _, k := range Kinds {
		d := Build(k, "exemple", c)
		var check func([]Block)
		check = func(bs []Block) {
			for _, b := range bs {
				switch b := b.(type) {
				case *Table:
					sum := 0.0
					for _, w := range b.Widths {
						sum += w
					}
					if len(b.Widths) != len(b.Header) || sum < 0.999 || sum > 1.001 {
						t.Errorf("%s: table %q has widths %v for %d columns", k, b.Caption, b.Widths, len(b.Header))
					}
					for _, row := range b.Rows {
						if len(row) != len(b.Header) {
							t.Errorf("%s: table %q has a row of %d cells for %d columns", k, b.Caption, len(row), len(b.Header))
						}
					}
				case *List:
					for _, item := range b.Items {
						check(item)
					}
				case *Definitions:
					for _, it := range b.Items {
						check(it.Body)
					}
				case *Note:
					check(b.Blocks)
				}
			}
		}
		for _, s := range sections(d) {
			check(s.Blocks)
		}
	}
}

// transfersOf builds the policy of an organization whose only activity
// sends data to recipients, and returns the text of its section on
// transfers.
func transfersOf(t *testing.T, dest ...schema.Destinataire) []string {
	t.Helper()
	var ids []string
	for _, d := range dest {
		ids = append(ids, d.ID)
	}
	c := &schema.Contenu{
		Documents:     &schema.Documents{Politique: &schema.Publication{}},
		Destinataires: dest,
		Traitements:   []schema.Traitement{{ID: "t", Libelle: "T", Role: roleController, Destinataires: ids}},
	}
	return texts(section(t, Build(Politique, "o", c), "transferts"))
}

// TestNoTransferOnlyWhenKnown checks that the documents say the data stay
// in the EEA only when every recipient's location is known to be there.
func TestNoTransferOnlyWhenKnown(t *testing.T) {
	const none = "Les données ne sont pas transférées hors de l'Espace économique européen (EEE)."
	team := schema.Destinataire{ID: "equipe", Libelle: "Équipe", Type: "interne"}
	host := schema.Destinataire{ID: "hote", Libelle: "Hébergeur", Noms: []string{"Gandi"}, Type: "sous_traitant", Hebergeur: true, Pays: []schema.Pays{"FR"}}
	gapped := schema.Destinataire{ID: "tircis", Libelle: "Partenaire technique", Noms: []string{"Tircis"}, Type: "sous_traitant",
		ACompleter: schema.Lacunes{"pays": "lieu du serveur non dit"}}
	silent := schema.Destinataire{ID: "prestataires", Libelle: "Prestataires", Type: "sous_traitant"}
	abroad := schema.Destinataire{ID: "envoi", Libelle: "Envoi de courriels", Type: "sous_traitant", Pays: []schema.Pays{"US"}}
	partner := schema.Destinataire{ID: "partenaire", Libelle: "Partenaires commerciaux", Type: "partenaire"}
	authority := schema.Destinataire{ID: "autorites", Libelle: "Autorités compétentes", Type: "autorite"}
	tests := []struct {
		name     string
		dest     []schema.Destinataire
		has, not []string
	}{
		{"all in the EEA", []schema.Destinataire{team, host}, []string{none}, []string{"à compléter"}},
		{"no recipient at all", nil, []string{"Aucun destinataire ni transfert hors de l'Espace économique européen (EEE) n'est indiqué pour ces données."}, []string{none}},
		{"all in the EEA, or the organization's services and authorities", []schema.Destinataire{team, host, authority}, []string{none}, []string{"à compléter"}},
		{"a declared gap", []schema.Destinataire{team, host, gapped},
			[]string{"Aucun transfert de données hors de l'Espace économique européen (EEE) n'est indiqué ; pour les destinataires suivants, dont le pays reste à compléter (voir les destinataires) :", "Partenaire technique : Tircis."},
			[]string{none, "à compléter : pays où ils traitent les données"}},
		{"a partner without country", []schema.Destinataire{team, partner}, []string{"pour les destinataires suivants, à compléter : pays où ils traitent les données :", "Partenaires commerciaux."}, []string{none}},
		{"a declared gap and a silent processor", []schema.Destinataire{gapped, silent}, []string{"pour les destinataires suivants, à compléter : pays où ils traitent les données :", "Partenaire technique : Tircis.", "Prestataires."}, []string{none}},
		{"a processor without country", []schema.Destinataire{host, silent}, []string{"pour les destinataires suivants, à compléter : pays où ils traitent les données :", "Prestataires."}, []string{none}},
		{"a transfer and a processor without country", []schema.Destinataire{abroad, silent}, []string{"Pour les destinataires suivants, à compléter : pays où ils traitent les données :", "Prestataires."}, []string{none}},
		{"outside the EEA without transfer", []schema.Destinataire{host, abroad}, []string{"à compléter : garanties du transfert vers Envoi de courriels (États-Unis)"}, []string{none}},
	}
	for _, tt := range tests {
		got := transfersOf(t, tt.dest...)
		for _, w := range tt.has {
			if !contains(got, w) {
				t.Errorf("%s: lacks %q in %q", tt.name, w, got)
			}
		}
		for _, w := range tt.not {
			if contains(got, w) {
				t.Errorf("%s: has %q in %q", tt.name, w, got)
			}
		}
	}
}

// TestActors checks the register's actors table: the organization's role
// follows its activities, and the DPO's telephones are all given.
func TestActors(t *testing.T) {
	dpo := &schema.DPO{Nom: "Patricia FAUVEL", Email: "p.fauvel@exemple.fr", Telephones: []string{"0800 71 4000", "06 20 60 68 76"}}
	act := func(role schema.Role) schema.Traitement {
		return schema.Traitement{ID: string(role), Libelle: "T", Role: role}
	}
	tests := []struct {
		name string
		acts []schema.Traitement
		role string
	}{
		{"controller", []schema.Traitement{act(roleController)}, "Responsable du traitement"},
		{"joint controller", []schema.Traitement{act(roleJoint)}, "Responsable du traitement"},
		{"processor", []schema.Traitement{act(roleProcessor)}, "Sous-traitant"},
		{"both", []schema.Traitement{act(roleController), act(roleProcessor)}, "Responsable du traitement et sous-traitant"},
	}
	for _, tt := range tests {
		c := &schema.Contenu{Organisation: &schema.Organisation{RaisonSociale: "Marketing Lab", DPO: dpo}, Traitements: tt.acts}
		rows := table(t, section(t, Build(Registre, "o", c), "acteurs"), "Acteurs").Rows
		if got := cellText(rows[0][0]); got != tt.role {
			t.Errorf("%s: organization's role = %q, want %q", tt.name, got, tt.role)
		}
		if got := cellText(rows[1][6]); got != "0800 71 4000, 06 20 60 68 76" {
			t.Errorf("%s: DPO's telephones = %q", tt.name, got)
		}
		// Without a siège, nothing says the organization is established in the Union.
		if got := cellText(rows[2][1]); got != "Sans objet si le siège social, à compléter, est situé dans l'Union européenne" {
			t.Errorf("%s: representative without a siège = %q", tt.name, got)
		}
	}
}

// TestDPODoubt checks that a doubt on the DPO (a contact the source does not
// call a DPO) goes with every statement that a DPO is designated.
func TestDPODoubt(t *testing.T) {
	c := &schema.Contenu{
		Documents: &schema.Documents{Politique: &schema.Publication{}},
		Organisation: &schema.Organisation{RaisonSociale: "Prospect Guru", DPO: &schema.DPO{Email: "dpo@prospect.guru"},
			AVerifier: schema.Verifications{"dpo": {Alternatives: []string{"délégué à la gestion des données personnelles"}}}},
		Traitements: []schema.Traitement{{ID: "t", Libelle: "T", Role: roleController}},
	}
	const want = "À vérifier : la source donne « délégué à la gestion des données personnelles »."
	pol := Build(Politique, "o", c)
	if got := texts(section(t, pol, "dpo")); !contains(got, want) {
		t.Errorf("policy's DPO section lacks the doubt: %q", got)
	}
	if got := strings.Join(texts(section(t, pol, "responsable")), " "); strings.Contains(got, "À vérifier") {
		t.Errorf("policy's controller section repeats the DPO's doubt: %q", got)
	}
	c.Documents.Charte = &schema.Charte{}
	c.Traitements = append(c.Traitements, schema.Traitement{ID: "p", Libelle: "P", Role: roleProcessor})
	if got := texts(section(t, Build(Charte, "o", c), "dpo")); !contains(got, want) {
		t.Errorf("charter's contact section lacks the doubt: %q", got)
	}
	rows := table(t, section(t, Build(Registre, "o", c), "acteurs"), "Acteurs").Rows
	if got := cellText(rows[1][1]); !strings.Contains(got, want) {
		t.Errorf("register's DPO row lacks the doubt: %q", got)
	}
	if got := cellText(rows[0][1]); strings.Contains(got, "À vérifier") {
		t.Errorf("register's organization row repeats the DPO's doubt: %q", got)
	}
}

// TestArchiveWording checks that the register states no intermediate
// archiving only when the row's fate follows the active base.
func TestArchiveWording(t *testing.T) {
	for _, tt := range []struct {
		row  schema.Conservation
		want string
	}{
		{schema.Conservation{Fin: "suppression"}, "Aucun"},
		{schema.Conservation{}, "—"},
	} {
		if got := plain(archive(&tt.row).typeset().String()); got != tt.want {
			t.Errorf("archive(%+v) = %q, want %q", tt.row, got, tt.want)
		}
	}
}

// TestDataItemWording checks the source of a data category: lower case
// after the term's colon, a capital after the examples, and a wording that
// agrees whatever the gender and number of the label.
func TestDataItemWording(t *testing.T) {
	tests := []struct {
		d    schema.Donnee
		use  dataUse
		want string
	}{
		{schema.Donnee{Libelle: "Attestations", Source: "tiers", Sensible: &schema.Sensible{Categorie: "sante", Condition: "consentement_explicite"}}, noSource,
			"Attestations : données sensibles (données concernant la santé), au sens de l'art. 9 du RGPD, traitées sur le fondement de l'exception suivante : consentement explicite de la personne concernée, au sens de l'art. 9, § 2, a) du RGPD."},
		{schema.Donnee{Libelle: "Données des portails", Source: "tiers", Origine: "les portails immobiliers", Caractere: "contractuel"}, onBehalf,
			"Données des portails : données collectées auprès d'un tiers (les portails immobiliers) ; leur fourniture est obligatoire en vertu du contrat."},
		{schema.Donnee{Libelle: "Formulaire", Source: "personne_concernee"}, onBehalf, "Formulaire : données collectées auprès de vous."},
		{schema.Donnee{Libelle: "Position géographique courante", Source: "observation"},
			controlled, "Position géographique courante : données collectées par observation."},
		{schema.Donnee{Libelle: "Identifiants", Exemples: []string{"adresse électronique", "mot de passe"}, Source: "personne_concernee", Caractere: "contractuel",
			ConsequencesRefus: "sans eux, vous ne pouvez pas vous connecter"}, controlled,
			"Identifiants : adresse électronique, mot de passe. Données collectées auprès de vous ; leur fourniture est obligatoire en vertu du contrat. Sans eux, vous ne pouvez pas vous connecter."},
		{schema.Donnee{Libelle: "Données des portails", Source: "tiers", Origine: "les portails immobiliers"}, controlled,
			"Données des portails : données collectées auprès d'un tiers (les portails immobiliers)."},
	}
	for _, tt := range tests {
		d := &Document{Sections: []*Section{{Blocks: []Block{&Definitions{Items: []Definition{dataItem(&tt.d, tt.use)}}}}}}
		finish(d)
		if got := texts(d.Sections[0]); !contains(got, tt.want) {
			t.Errorf("dataItem(%s) = %q, want %q", tt.d.Libelle, got, tt.want)
		}
	}
}

// TestCharterContact checks that the charter gives the client the DPO's
// contact details and the organization's own address, which it gives
// nowhere else.
func TestCharterContact(t *testing.T) {
	c := &schema.Contenu{
		Documents: &schema.Documents{Charte: &schema.Charte{}},
		Organisation: &schema.Organisation{RaisonSociale: "Marketing Lab", Email: "RGPD@marketing-lab.com",
			DPO: &schema.DPO{Nom: "Patricia FAUVEL", Email: "p.fauvel@marketing-lab.com", Telephones: []string{"0800 71 4000", "06 20 60 68 76"}}},
	}
	got := texts(section(t, Build(Charte, "o", c), "dpo"))
	for _, w := range []string{"Notre délégué à la protection des données (DPO), Patricia FAUVEL", "par courriel : p.fauvel@marketing-lab.com",
		"par téléphone : 0800 71 4000 ou 06 20 60 68 76", "Marketing Lab", "par courriel : RGPD@marketing-lab.com"} {
		if !contains(got, w) {
			t.Errorf("charter's contact section lacks %q in %q", w, got)
		}
	}
}

// TestDataOfEachSubject checks that the policy shows each category of
// persons the data that concern it, when an activity gathers the data of
// several categories.
func TestDataOfEachSubject(t *testing.T) {
	c := &schema.Contenu{
		Documents: &schema.Documents{Politique: &schema.Publication{}},
		Personnes: []schema.Personne{{ID: "agents", Libelle: "Agents"}, {ID: "contacts", Libelle: "Contacts"}},
		Donnees: []schema.Donnee{
			{ID: "formulaire", Libelle: "Formulaire de rendez-vous", Source: "personne_concernee", Caractere: "facultatif", Personnes: []string{"contacts"}},
			{ID: "agenda", Libelle: "Agenda des Agents", Source: "tiers", Origine: "le calendrier connecté", Personnes: []string{"agents"}},
			{ID: "rendez_vous", Libelle: "Rendez-vous", Source: "observation"},
		},
		Traitements: []schema.Traitement{{ID: "rdv", Libelle: "Rendez-vous", Role: roleController, Personnes: []string{"agents", "contacts"},
			Donnees: []string{"formulaire", "agenda", "rendez_vous"}, Finalites: []schema.Finalite{{Description: "organiser", BaseLegale: "contrat"}}}},
	}
	d := Build(Politique, "o", c)
	for id, want := range map[string][2][]string{
		SubjectAnchor("agents"):   {{"Agenda des Agents", "Rendez-vous :"}, {"Formulaire de rendez-vous"}},
		SubjectAnchor("contacts"): {{"Formulaire de rendez-vous", "Rendez-vous :"}, {"Agenda des Agents"}},
	} {
		got := texts(section(t, d, id))
		for _, w := range want[0] {
			if !contains(got, w) {
				t.Errorf("%s lacks %q: %q", id, w, got)
			}
		}
		for _, w := range want[1] {
			if contains(got, w) {
				t.Errorf("%s shows %q, data of other persons", id, w)
			}
		}
	}
}

func TestTo(t *testing.T) {
	for in, want := range map[string]string{
		"le délégué à la protection des données de SPI": "au délégué à la protection des données de SPI",
		"les services du DPO":                           "aux services du DPO",
		"notre support":                                 "à notre support",
		"la direction juridique":                        "à la direction juridique",
	} {
		if got := to(in); got != want {
			t.Errorf("to(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPolicyServices checks that the policy applies to the services of the
// activities the organization answers for, not to the software it runs for
// clients.
func TestPolicyServices(t *testing.T) {
	services := []schema.Service{{ID: "portail", Nom: "Portail web"}, {ID: "logiciel", Nom: "Logiciel de l'Agence"}, {ID: "site", Nom: "Site vitrine"}}
	tests := []struct {
		name string
		acts []schema.Traitement
		want []string
	}{
		{"controller and processor", []schema.Traitement{
			{ID: "comptes", Role: roleController, Services: []string{"portail"}},
			{ID: "profil", Role: roleProcessor, Services: []string{"portail", "logiciel"}},
		}, []string{"Portail web", "Site vitrine"}},
		{"processor only", []schema.Traitement{{ID: "profil", Role: roleProcessor, Services: []string{"logiciel"}}},
			[]string{"Portail web", "Logiciel de l'Agence", "Site vitrine"}},
	}
	for _, tt := range tests {
		b := newBuilder(&schema.Contenu{Organisation: &schema.Organisation{Services: services}, Traitements: tt.acts})
		var got []string
		for _, s := range b.covered() {
			got = append(got, s.Nom)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: services = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRetentionOfEveryActivity checks that an activity citing no retention
// row shows in the table, with its gap.
func TestRetentionOfEveryActivity(t *testing.T) {
	c := &schema.Contenu{
		Documents:    &schema.Documents{Politique: &schema.Publication{}},
		Conservation: []schema.Conservation{{ID: "comptes", Libelle: "Comptes", Duree: &schema.Duree{Valeur: 1, Unite: "ans"}, Fin: "suppression"}},
		Traitements: []schema.Traitement{
			{ID: "comptes", Libelle: "Comptes", Role: roleController, Conservation: []string{"comptes"}},
			{ID: "cookies", Libelle: "Cookies", Role: roleController, ACompleter: schema.Lacunes{"conservation": "durée des cookies non dite"}},
		},
	}
	rows := table(t, section(t, Build(Politique, "o", c), "conservation"), "Durées de conservation").Rows
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	if got := cellText(rows[1][0]) + " | " + cellText(rows[1][1]); got != "Données du traitement « Cookies » | à compléter : durée de conservation (durée des cookies non dite)" {
		t.Errorf("row of the activity without retention = %q", got)
	}
}

// TestDerogationsInRegister checks that the register shows every accepted
// departure with its reason, before the history, and no section without any.
func TestDerogationsInRegister(t *testing.T) {
	c := &schema.Contenu{Documents: &schema.Documents{Registre: &schema.Publication{}}}
	if d := Build(Registre, "o", c); slices.ContainsFunc(d.Sections, func(s *Section) bool { return s.ID == "ecarts" }) {
		t.Error("a register without derogations has a section ecarts")
	}
	RuleTitles["conservation-cnil"] = "Une durée ne dépasse pas sa référence"
	c.Conservation = []schema.Conservation{{ID: "clients", Libelle: "Données des clients"}}
	c.Derogations = []schema.Derogation{{Regle: "conservation-cnil", Element: "clients", Motif: "historique demandé par nos clients"}}
	d := Build(Registre, "o", c)
	rows := table(t, section(t, d, "ecarts"), "Écarts justifiés").Rows
	if len(rows) != 1 || cellText(rows[0][0])+" | "+cellText(rows[0][1])+" | "+cellText(rows[0][2]) != "Une durée ne dépasse pas sa référence | Données des clients | Historique demandé par nos clients" {
		t.Errorf("rows = %v", rows)
	}
	if last := d.Sections[len(d.Sections)-1]; last.ID != "historique" {
		t.Errorf("last section %s, want historique", last.ID)
	}
}

// TestSheetTransfersBesideShared checks that a register's sheet does not
// deny the transfers its activities share: with the common provisions
// stating a transfer, a sheet says nothing of an absence of transfer, and
// still lists its own recipients whose country is unknown.
func TestSheetTransfersBesideShared(t *testing.T) {
	abroad := schema.Destinataire{ID: "envoi", Libelle: "Envoi de courriels", Type: "sous_traitant", Pays: []schema.Pays{"US"}}
	gapped := schema.Destinataire{ID: "hotels", Libelle: "Hôtels", Type: "tiers", ACompleter: schema.Lacunes{"pays": "la source ne le dit pas"}}
	c := &schema.Contenu{
		Destinataires: []schema.Destinataire{abroad, gapped},
		Transferts:    []schema.Transfert{{ID: "us", Destinataire: "envoi", Pays: []schema.Pays{"US"}, Garantie: "clauses_contractuelles_types"}},
		Traitements: []schema.Traitement{
			{ID: "a", Libelle: "Activité A", Role: roleController, Destinataires: []string{"envoi", "hotels"}, Transferts: []string{"us"}},
			{ID: "b", Libelle: "Activité B", Role: roleController, Destinataires: []string{"envoi"}, Transferts: []string{"us"}},
		},
	}
	d := Build(Registre, "o", c)
	sheets := map[string][]string{}
	for _, s := range sections(d) {
		if s.Title == "Activité A" || s.Title == "Activité B" {
			sheets[s.Title] = texts(s)
		}
	}
	for name, got := range sheets {
		for _, w := range []string{"Aucun transfert", "Aucun destinataire ni transfert", "ne sont pas transférées"} {
			if contains(got, w) {
				t.Errorf("%s: says %q beside the shared transfer: %q", name, w, got)
			}
		}
	}
	if got := sheets["Activité A"]; !contains(got, "Pour les destinataires suivants, dont le pays reste à compléter (voir les destinataires) :") || !contains(got, "Hôtels.") {
		t.Errorf("Activité A: lacks its recipient of unknown country: %q", got)
	}
	if len(sheets) != 2 {
		t.Fatalf("sheets found: %v", sheets)
	}
}

// TestRolesLead checks that the policy says « Selon les traitements » only
// when the organization's role varies from one activity to another.
func TestRolesLead(t *testing.T) {
	act := func(id string, role schema.Role) schema.Traitement {
		return schema.Traitement{ID: id, Libelle: id, Role: role}
	}
	for _, tt := range []struct {
		acts      []schema.Traitement
		want, not string
	}{
		{[]schema.Traitement{act("a", roleController), act("b", roleController)}, "Nous intervenons en qualité de :", "Selon les traitements"},
		{[]schema.Traitement{act("a", roleController), act("b", roleProcessor)}, "Selon les traitements, nous intervenons en qualité de :", "Nous intervenons"},
	} {
		c := &schema.Contenu{Documents: &schema.Documents{Politique: &schema.Publication{}}, Traitements: tt.acts}
		got := texts(section(t, Build(Politique, "o", c), "responsable"))
		if !contains(got, tt.want) || contains(got, tt.not) {
			t.Errorf("%v: %q, want %q and not %q", tt.acts, got, tt.want, tt.not)
		}
	}
}

// TestSize checks that a document's size counts the text of its paragraphs
// wherever they are (lists, table cells, definitions, notes), as typeset.
func TestSize(t *testing.T) {
	d := &Document{
		Preamble: []Block{para("Préambule")},
		Sections: []*Section{{Title: "Titre", Blocks: []Block{
			&List{Items: [][]Block{{para("un")}, {para("deux")}}},
			&Table{Header: []string{"En-tête"}, Rows: [][]Cell{{{para("cellule")}}}},
			&Definitions{Items: []Definition{{Term: Inline{{Text: "terme"}}, Body: []Block{para("sens")}}}},
			&Note{Blocks: []Block{para("Note : ici")}},
		}}},
	}
	finish(d)
	want := len("Préambule") + len("un") + len("deux") + len("cellule") + len("sens") + len("Note\u00a0: ici")
	if d.Size() != want {
		t.Errorf("Size() = %d, want %d", d.Size(), want)
	}
}
