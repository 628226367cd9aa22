package doc

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Nothing the content says is lost: every field of the model changes at
// least one document of the complete organization (testdata/complet), or its
// description in the schema (docs/modele.md) says « Champ interne » and why.
// The test removes each field in turn from every object that has it, builds
// the three documents again and compares them with the complete ones.

// variants are the fields that a document shows only in a situation the
// complete organization is not in, or that exclude one of its facts: each
// gets the content in which it shows.
var variants = map[string]func(c *schema.Contenu){
	// The statement of no automated decision replaces the description of
	// the right of article 22, which a decision of significant effect needs.
	"Organisation.sans_decision_automatisee": func(c *schema.Contenu) {
		for i := range c.Traitements {
			c.Traitements[i].DecisionAutomatisee = nil
		}
	},
	// Saying that no DPO is designated and naming one exclude each other.
	"Organisation.sans_dpo": func(c *schema.Contenu) { c.Organisation.DPO, c.Organisation.SansDPO = nil, true },
	// A representative is named by an organization established outside the Union.
	"Organisation.representant": representative,
	"Contact.nom":               representative,
	"Contact.adresse":           representative,
	"Contact.email":             representative,
	"Contact.telephone":         representative,
	"Adresse.pays":              func(c *schema.Contenu) { c.Organisation.DPO.Adresse.Pays = "BE" },
	// Joint controllers exclude the organization's sole responsibility.
	"Traitement.responsables_conjoints": func(c *schema.Contenu) {
		t := &c.Traitements[2]
		t.Role = "responsable_conjoint"
		t.ResponsablesConjoints = []schema.Contact{{Nom: "Exemple Sécurité"}}
	},
	// A theme needs a logo file in the organization's folder.
	"Organisation.theme": theme,
	"Theme.nom":          theme,
	"Theme.logo":         theme,
	"Theme.couleur":      theme,
	// The usual title is the complete organization's.
	"Publication.titre":              func(c *schema.Contenu) { c.Documents.Politique.Titre = "Notre politique de confidentialité" },
	"Personne.moins_de_15_ans":       minors,
	"Personne.consentement_parental": minors,
	// The prospection flag matters for the right to object when no other
	// basis of the activity opens it.
	"Finalite.prospection": func(c *schema.Contenu) {
		for i := range c.Traitements[0].Finalites {
			c.Traitements[0].Finalites[i].BaseLegale = "consentement"
		}
	},
	// A consent the service depends on is a defect the complete organization has not.
	"Recueil.conditionne_service": func(c *schema.Contenu) { c.Traitements[0].Finalites[0].Recueil.ConditionneService = true },
	// A derogation accepts a warning, which the complete organization has not.
	"Contenu.derogations": derogation,
	"Derogation.regle":    derogation,
	"Derogation.element":  derogation,
	"Derogation.motif":    derogation,
	// Facts of the register and of the summaries, which the complete
	// organization does not state yet.
	"Organisation.article":              registerFacts,
	"Documents.url":                     registerFacts,
	"Finalite.justification":            registerFacts,
	"Traitement.reference":              registerFacts,
	"Traitement.gestionnaire":           registerFacts,
	"Traitement.services_destinataires": registerFacts,
	"Traitement.nombre_personnes":       registerFacts,
	"Traitement.registre_seulement":     registerFacts,
	"Traitement.aipd":                   registerFacts,
	"AIPD.criteres":                     registerFacts,
	"AIPD.realisee_le":                  registerFacts,
	"AIPD.conclusion":                   registerFacts,
	"AIPD.reference":                    registerFacts,
	"AIPD.dispense":                     registerFacts,
	"Traitement.videosurveillance":      registerFacts,
	"Conservation.fondement":            registerFacts,
	// The register's own wording, for texts the policy addresses to the
	// person; the complete organization needs none.
	"Traitement.registre":               registerWording,
	"Finalite.registre":                 registerWording,
	"Destinataire.registre":             registerWording,
	"Donnee.registre":                   registerWording,
	"Personne.registre":                 registerWording,
	"Mesure.registre":                   registerWording,
	"Formulation.libelle":               registerWording,
	"Formulation.description":           registerWording,
	"Formulation.interet":               registerWording,
	"FormulationTraitement.canaux":      registerWording,
	"FormulationTraitement.information": registerWording,
	"FormulationTraitement.operations":  registerWording,
	"Conservation.registre":             registerWording,
	"FormulationConservation.libelle":   registerWording,
	"FormulationConservation.critere":   registerWording,
	"FormulationConservation.ou":        registerWording,
	"FormulationConservation.precision": registerWording,
	"FormulationConservation.motif":     registerWording,
	// The authority's site shows when it has no complaint page.
	"Autorite.site": func(c *schema.Contenu) { c.Organisation.AutoriteControle.Plainte = "" },
}

func representative(c *schema.Contenu) {
	c.Organisation.Representant = &schema.Contact{Nom: "Exemple Europe", Email: "ue@exemple.fr", Telephone: "01 00 00 00 00",
		Adresse: &schema.Adresse{Voie: "1 rue de la Loi", CodePostal: "1000", Ville: "Bruxelles", Pays: "BE"}}
}

func theme(c *schema.Contenu) {
	c.Organisation.Theme = &schema.Theme{Nom: "sombre", Logo: "logo.svg", Couleur: "#1f4e79"}
}

func minors(c *schema.Contenu) {
	c.Personnes[0].MoinsDe15Ans = true
	c.Personnes[0].ConsentementParental = "case à cocher par le titulaire de l'autorité parentale"
}

func registerFacts(c *schema.Contenu) {
	c.Organisation.Article = "le"
	c.Documents.URL = "https://rgpd.exemple.fr/exemple/"
	t := &c.Traitements[1]
	t.Finalites[0].Justification = "le contrat d'abonnement prévoit la création des comptes."
	t.Reference, t.Gestionnaire, t.NombrePersonnes = "RT-002", "Direction des opérations", "moins_de_100"
	t.ServicesDestinataires = []string{"service comptabilité"}
	t.AIPD = &schema.AIPD{Criteres: []schema.CritereAIPD{"evaluation"}, RealiseeLe: "2024-01-10", Conclusion: "risques résiduels acceptables",
		Reference: "AIPD-2024-01", Dispense: "analyse d'un traitement similaire"}
	c.Traitements[2].RegistreSeulement = true
	c.Traitements[2].Videosurveillance = true
	c.Conservation[0].Fondement = "référentiel de la CNIL sur la gestion commerciale"
}

func registerWording(c *schema.Contenu) {
	t := &c.Traitements[0]
	t.Registre = &schema.FormulationTraitement{
		Formulation: schema.Formulation{Libelle: "Prospection (registre)", Description: "Prospection des professionnels (registre)."},
		Canaux:      []string{"le téléphone (registre)"}, Information: []string{"Mention au premier appel (registre)."},
		Operations: []string{"collecte (registre)"},
	}
	c.Conservation[0].Registre = &schema.FormulationConservation{Libelle: "Prospects (registre)", Critere: "fin de la relation (registre)",
		Ou: "la demande de la personne (registre)", Precision: "sauf opposition de la personne (registre)", Motif: "relancer les prospects (registre)"}
	for i := range t.Finalites {
		if t.Finalites[i].BaseLegale == "interet_legitime" {
			t.Finalites[i].Registre = &schema.Formulation{Libelle: "Démarchage (registre)", Description: "présenter les services (registre).",
				Interet: "développer la clientèle (registre)"}
		}
	}
	c.Destinataires[0].Registre = &schema.Formulation{Libelle: "Équipe (registre)", Description: "Équipe de l'organisation (registre)."}
	c.Donnees[0].Registre = &schema.Formulation{Libelle: "Identité (registre)"}
	c.Personnes[0].Registre = &schema.Formulation{Libelle: "Prospects (registre)"}
	c.Securite[0].Registre = &schema.Formulation{Description: "Mesure (registre)."}
}

func derogation(c *schema.Contenu) {
	c.Derogations = []schema.Derogation{{Regle: "conservation-cnil", Element: "prospects_3_ans", Motif: "durée fixée par un accord collectif"}}
}

// shownElsewhere are the fields whose effect other tests check, because the
// complete organization, which passes check --strict, cannot hold them.
var shownElsewhere = map[string]string{
	"a_completer": "TestGapsShowTheirReason : une lacune déclarée n'apparaît que si le fait manque",
	"a_verifier":  "TestDoubtsShown : une valeur à vérifier est un avertissement, que --strict refuse",
}

func TestEveryFieldShown(t *testing.T) {
	base := fixture(t)
	want := render(t, base)
	descriptions := fieldDescriptions(t)
	for _, f := range modelFields(reflect.TypeFor[schema.Contenu]()) {
		name := f.owner.Name() + "." + f.json
		if _, ok := shownElsewhere[f.json]; ok {
			continue
		}
		desc, ok := descriptions[name]
		if !ok {
			t.Errorf("%s: not in the schema", name)
			continue
		}
		if strings.Contains(desc, "Champ interne") {
			continue
		}
		c := clone(t, base)
		before := want
		if prepare := variants[name]; prepare != nil {
			prepare(c)
			before = render(t, c)
		}
		if !zero(reflect.ValueOf(c).Elem(), f) {
			t.Errorf("%s: testdata/complet gives it no value; complete the fixture", name)
			continue
		}
		if render(t, c) == before {
			t.Errorf("%s: no document shows it; show it, or say « Champ interne : … » in its doc comment", name)
		}
	}
}

// field is a field of a struct of the model.
type field struct {
	owner reflect.Type
	index int
	json  string
}

// modelFields lists the fields of every struct reachable from t, each once.
func modelFields(t reflect.Type) []field {
	var out []field
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || t == reflect.TypeFor[schema.Origin]() {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			sf := t.Field(i)
			if sf.Anonymous {
				walk(sf.Type)
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			out = append(out, field{t, i, name})
			if _, ok := shownElsewhere[name]; !ok {
				walk(sf.Type)
			}
		}
	}
	walk(t)
	return out
}

// zero clears the field in every value of its owner under v, and reports
// whether any had a value.
func zero(v reflect.Value, f field) bool {
	found := false
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			found = zero(v.Elem(), f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			found = zero(v.Index(i), f) || found
		}
	case reflect.Struct:
		if v.Type() == f.owner {
			fv := v.Field(f.index)
			found = !fv.IsZero()
			fv.SetZero()
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				found = zero(v.Field(i), f) || found
			}
		}
	}
	return found
}

// render builds the three documents and returns them as one comparable text.
func render(t *testing.T, c *schema.Contenu) string {
	t.Helper()
	var b strings.Builder
	for _, k := range Kinds {
		// The workbook too: some fields show only in the register's exports.
		d := Build(k, "exemple", c)
		out, err := json.Marshal(struct {
			*Document
			Workbook *Workbook
		}{d, d.Workbook()})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(out)
	}
	return b.String()
}

// clone deep-copies content through JSON; the origins, which no document
// shows, are left out.
func clone(t *testing.T, c *schema.Contenu) *schema.Contenu {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	out := new(schema.Contenu)
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// fieldDescriptions reads the description of every field from the committed
// schema, by "Type.field" (the root is Contenu).
func fieldDescriptions(t *testing.T) map[string]string {
	t.Helper()
	type node struct {
		Properties map[string]struct {
			Description string `json:"description"`
		} `json:"properties"`
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	var root node
	if err := json.Unmarshal(schema.JSON, &root); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	add := func(owner string, n node) {
		for k, p := range n.Properties {
			out[owner+"."+k] = p.Description
		}
	}
	add("Contenu", root)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range root.Defs {
			if !yield(k) {
				return
			}
		}
	}) {
		var n node
		if err := json.Unmarshal(root.Defs[name], &n); err != nil {
			t.Fatal(err)
		}
		add(name, n)
	}
	return out
}

// TestDoubtsShown puts a value to confirm on every object of the complete
// organization that can hold one, each with its own marker, and finds every
// marker in the documents, « à vérifier » after the element it belongs to.
func TestDoubtsShown(t *testing.T) {
	c := fixture(t)
	var markers []string
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				switch {
				case f.Type == reflect.TypeFor[schema.Verifications]():
					m := "marqueur " + path
					v.Field(i).Set(reflect.ValueOf(schema.Verifications{"x": {Alternatives: []string{m}}}))
					markers = append(markers, m)
				case f.IsExported():
					walk(v.Field(i), path+"."+f.Name)
				}
			}
		}
	}
	walk(reflect.ValueOf(c).Elem(), "Contenu")
	var all strings.Builder
	for _, k := range Kinds {
		d := Build(k, "exemple", c)
		eachText(d.Preamble, func(in Inline) { all.WriteString(plain(in.String()) + "\n") })
		for _, s := range d.Sections {
			all.WriteString(strings.Join(texts(s), "\n"))
		}
	}
	if len(markers) < 15 {
		t.Fatalf("only %d values to confirm placed: the complete organization lacks objects", len(markers))
	}
	for _, m := range markers {
		if !strings.Contains(all.String(), "À vérifier : la source donne « "+m+" »") {
			t.Errorf("%s: not shown", m)
		}
	}
}
