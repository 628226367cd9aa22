// Package jsonld writes the register as linked data (registre-art30.jsonld)
// in the W3C Data Privacy Vocabulary, DPV 2.x (https://w3id.org/dpv#), with
// the GDPR's legal bases and transfer mechanisms from its EU-GDPR extension
// (https://w3id.org/dpv/legal/eu/gdpr#): one dpv:Process per activity, that
// other tools read without knowing rgpdoc. It maps the facts the register
// cites to the vocabulary; an unknown fact is left out, never guessed.
// Texts are annotated with rdfs:label and dct:description, as DPV does.
package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/schema"
)

// context declares the prefixes of the document's terms.
type context struct {
	DPV  string `json:"dpv"`
	GDPR string `json:"eu-gdpr"`
	RDFS string `json:"rdfs"`
	DCT  string `json:"dct"`
	Lang string `json:"@language"`
}

var ctx = context{
	DPV:  "https://w3id.org/dpv#",
	GDPR: "https://w3id.org/dpv/legal/eu/gdpr#",
	RDFS: "http://www.w3.org/2000/01/rdf-schema#",
	DCT:  "http://purl.org/dc/terms/",
	Lang: "fr",
}

// ref is a reference to a node or a concept of the vocabulary.
type ref struct {
	ID string `json:"@id"`
}

// register is the document: the record of processing activities.
type register struct {
	Context    context   `json:"@context"`
	ID         string    `json:"@id"`
	Type       string    `json:"@type"`
	Label      string    `json:"rdfs:label"`
	Modified   string    `json:"dct:modified,omitempty"`
	Controller *entity   `json:"dpv:hasDataController"`
	Processes  []process `json:"dpv:hasProcess"`
}

// entity is the organization, its DPO, its representative, a joint
// controller, a client or a recipient.
type entity struct {
	ID             string   `json:"@id,omitempty"`
	Type           []string `json:"@type"`
	Name           string   `json:"dpv:hasName,omitempty"`
	Description    string   `json:"dct:description,omitempty"`
	Address        string   `json:"dpv:hasAddress,omitempty"`
	DPO            *entity  `json:"dpv:hasDataProtectionOfficer,omitempty"`
	Representative *entity  `json:"dpv:hasRepresentative,omitempty"`
}

// concept is a purpose, a data category, a category of data subjects, a
// measure, a justification: a typed node with its wording.
type concept struct {
	Type        []string `json:"@type"`
	Label       string   `json:"rdfs:label,omitempty"`
	Description string   `json:"dct:description,omitempty"`
}

// process is an activity, or one of its steps: a purpose with its legal
// basis, or a transfer outside the EEA with its mechanism.
type process struct {
	ID             string    `json:"@id,omitempty"`
	Type           string    `json:"@type"`
	Label          string    `json:"rdfs:label,omitempty"`
	Identifier     string    `json:"dct:identifier,omitempty"`
	Created        string    `json:"dct:created,omitempty"`
	Modified       string    `json:"dct:modified,omitempty"`
	Description    string    `json:"dct:description,omitempty"`
	Controllers    []ref     `json:"dpv:hasDataController,omitempty"`
	Joint          *joint    `json:"dpv:hasJointDataControllers,omitempty"`
	Processor      *ref      `json:"dpv:hasDataProcessor,omitempty"`
	Responsible    *entity   `json:"dpv:hasResponsibleEntity,omitempty"`
	Purposes       []concept `json:"dpv:hasPurpose,omitempty"`
	LegalBases     []ref     `json:"dpv:hasLegalBasis,omitempty"`
	Justification  *concept  `json:"dpv:hasJustification,omitempty"`
	Data           []concept `json:"dpv:hasPersonalData,omitempty"`
	Subjects       []concept `json:"dpv:hasDataSubject,omitempty"`
	Scale          *ref      `json:"dpv:hasDataSubjectScale,omitempty"`
	Recipients     []entity  `json:"dpv:hasRecipient,omitempty"`
	ThirdCountries []concept `json:"dpv:hasThirdCountry,omitempty"`
	Storage        []concept `json:"dpv:hasStorageCondition,omitempty"`
	Measures       []concept `json:"dpv:hasTechnicalOrganisationalMeasure,omitempty"`
	Assessment     *dpia     `json:"dpv:hasImpactAssessment,omitempty"`
	Steps          []process `json:"dpv:hasProcess,omitempty"`
}

// joint names the joint controllers of an activity.
type joint struct {
	Type     string   `json:"@type"`
	Entities []entity `json:"dpv:hasDataController"`
}

// dpia is the screening for an impact assessment and the assessment done.
type dpia struct {
	Type        string `json:"@type"`
	Status      ref    `json:"dpv:hasStatus"`
	Description string `json:"dct:description"`
	Created     string `json:"dct:created,omitempty"`
	Identifier  string `json:"dct:identifier,omitempty"`
	Outcome     string `json:"rdfs:label,omitempty"`
}

// Render returns registre-art30.jsonld.
func Render(d *doc.Document) ([]byte, error) {
	w := d.Workbook()
	if w == nil {
		return nil, errors.New("seul le registre s'exporte en JSON-LD")
	}
	base := "urn:rgpdoc:" + d.Org.ID + ":"
	r := register{Context: ctx, ID: base + "registre", Type: "dpv:RecordsOfActivities",
		Label: "Registre des activités de traitement de " + d.Org.Name, Controller: organisation(base, w.Organisation)}
	if !d.Date.IsZero() {
		r.Modified = d.Date.UTC().Format("2006-01-02")
	}
	for _, a := range w.Activities {
		r.Processes = append(r.Processes, activity(base, a))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func organisation(base string, o *schema.Organisation) *entity {
	e := &entity{ID: base + "organisation", Type: []string{"dpv:Organisation"}, Name: o.RaisonSociale}
	if e.Name == "" {
		e.Name = o.Appellation
	}
	e.Address = address(o.Siege)
	if d := o.DPO; d != nil {
		e.DPO = &entity{Type: []string{"dpv:DataProtectionOfficer"}, Name: d.Nom, Address: address(d.Adresse)}
	}
	if r := o.Representant; r != nil {
		e.Representative = &entity{Type: []string{"dpv:Representative"}, Name: r.Nom, Address: address(r.Adresse)}
	}
	return e
}

func address(a *schema.Adresse) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{a.Attention, a.Voie, a.Complement, strings.TrimSpace(a.CodePostal + " " + a.Ville)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if a.Pays != "" {
		parts = append(parts, a.Pays.Name())
	}
	return strings.Join(parts, ", ")
}

// activity is the process of an activity of the register.
func activity(base string, a *doc.Activity) process {
	t := a.Traitement
	p := process{ID: base + "traitement:" + t.ID, Type: "dpv:Process", Label: t.Libelle, Identifier: t.Reference,
		Created: t.CreeLe, Modified: t.MiseAJour, Description: flat(t.Description)}
	org := ref{base + "organisation"}
	switch t.Role {
	case "sous_traitant":
		// The clients are the controllers; the organization processes on their behalf.
		p.Processor = &org
		for _, c := range a.Clients {
			p.Recipients = append(p.Recipients, entity{Type: []string{"dpv:DataController"}, Name: c.Libelle, Description: flat(c.Coordonnees)})
		}
	default:
		p.Controllers = []ref{org}
	}
	if len(t.ResponsablesConjoints) > 0 {
		j := &joint{Type: "dpv:JointDataControllers"}
		for _, c := range t.ResponsablesConjoints {
			j.Entities = append(j.Entities, entity{Type: []string{"dpv:DataController"}, Name: c.Nom, Address: address(c.Adresse)})
		}
		p.Joint = j
	}
	if t.Gestionnaire != "" {
		p.Responsible = &entity{Type: []string{"dpv:OrganisationalUnit"}, Name: t.Gestionnaire}
	}
	for i := range t.Finalites {
		f := &t.Finalites[i]
		step := process{Type: "dpv:Process", Purposes: []concept{{Type: []string{"dpv:Purpose"}, Label: f.Libelle, Description: flat(f.Description)}}}
		if iri := legalBases[f.BaseLegale]; iri != "" {
			step.LegalBases = []ref{{iri}}
			p.LegalBases = appendRef(p.LegalBases, iri)
		}
		if f.Justification != "" {
			step.Justification = &concept{Type: []string{"dpv:Justification"}, Description: flat(f.Justification)}
		}
		p.Steps = append(p.Steps, step)
	}
	for _, d := range a.Donnees {
		c := concept{Type: []string{"dpv:PersonalData"}, Label: d.Libelle, Description: strings.Join(d.Exemples, ", ")}
		if s := d.Sensible; s != nil {
			c.Type = []string{"dpv:SpecialCategoryPersonalData"}
			if iri := conditions[s.Condition]; iri != "" {
				p.LegalBases = appendRef(p.LegalBases, iri)
			}
		}
		p.Data = append(p.Data, c)
	}
	for _, s := range a.Personnes {
		p.Subjects = append(p.Subjects, concept{Type: []string{"dpv:DataSubject"}, Label: s.Libelle, Description: flat(s.Description)})
	}
	if iri := scales[t.NombrePersonnes]; iri != "" {
		p.Scale = &ref{iri}
	}
	for _, name := range t.ServicesDestinataires {
		p.Recipients = append(p.Recipients, entity{Type: []string{"dpv:Recipient", "dpv:OrganisationalUnit"}, Name: name})
	}
	for _, r := range a.Destinataires {
		p.Recipients = append(p.Recipients, entity{Type: []string{"dpv:Recipient", recipientTypes[r.Type]},
			Name: strings.Join(append([]string{r.Libelle}, r.Noms...), " — "), Description: flat(r.Description)})
	}
	for _, tr := range a.Transferts {
		step := process{Type: "dpv:Process", Label: "Transfert hors de l'Espace économique européen", Description: flat(tr.Description)}
		for _, r := range a.Destinataires {
			if r.ID == tr.Destinataire {
				step.Recipients = []entity{{Type: []string{"dpv:Recipient", recipientTypes[r.Type]}, Name: strings.Join(append([]string{r.Libelle}, r.Noms...), " — ")}}
			}
		}
		for _, c := range tr.Pays {
			step.ThirdCountries = append(step.ThirdCountries, concept{Type: []string{"dpv:ThirdCountry"}, Label: c.Name()})
		}
		for _, g := range []schema.Garantie{tr.Garantie, tr.Repli} {
			if iri := mechanisms[g]; iri != "" {
				step.LegalBases = appendRef(step.LegalBases, iri)
			}
		}
		p.Steps = append(p.Steps, step)
	}
	for _, k := range a.Conservation {
		p.Storage = append(p.Storage, concept{Type: []string{"dpv:StorageDuration"}, Label: k.Libelle, Description: a.Retention[k.ID]})
	}
	for _, m := range a.Mesures {
		p.Measures = append(p.Measures, concept{Type: []string{"dpv:TechnicalOrganisationalMeasure"}, Label: schema.Label(m.Famille), Description: flat(m.Description)})
	}
	if s := t.AIPD; s != nil {
		status := "eu-gdpr:DPIANotRequired"
		if len(s.Criteres) >= 2 {
			status = "eu-gdpr:DPIARequired"
		}
		var names []string
		for _, c := range s.Criteres {
			names = append(names, schema.Label(c))
		}
		desc := "Critères remplis : aucun."
		if len(names) > 0 {
			desc = "Critères remplis : " + strings.Join(names, ", ") + "."
		}
		if s.Dispense != "" {
			desc += " Analyse non réalisée : " + flat(s.Dispense)
		}
		p.Assessment = &dpia{Type: "dpv:DPIA", Status: ref{status}, Description: desc, Created: s.RealiseeLe, Identifier: s.Reference, Outcome: s.Conclusion}
	}
	return p
}

func appendRef(list []ref, iri string) []ref {
	for _, r := range list {
		if r.ID == iri {
			return list
		}
	}
	return append(list, ref{iri})
}

// flat joins the lines of a text.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// legalBases are the bases of article 6 of the GDPR.
var legalBases = map[schema.BaseLegale]string{
	"consentement":           "eu-gdpr:A6-1-a",
	"contrat":                "eu-gdpr:A6-1-b",
	"obligation_legale":      "eu-gdpr:A6-1-c",
	"interets_vitaux":        "eu-gdpr:A6-1-d",
	"mission_interet_public": "eu-gdpr:A6-1-e",
	"interet_legitime":       "eu-gdpr:A6-1-f",
}

// conditions are the exceptions of article 9, § 2.
var conditions = map[schema.ConditionArt9]string{
	"consentement_explicite":           "eu-gdpr:A9-2-a",
	"droit_travail_protection_sociale": "eu-gdpr:A9-2-b",
	"interets_vitaux":                  "eu-gdpr:A9-2-c",
	"organisme_non_lucratif":           "eu-gdpr:A9-2-d",
	"rendues_publiques":                "eu-gdpr:A9-2-e",
	"justice":                          "eu-gdpr:A9-2-f",
	"interet_public_important":         "eu-gdpr:A9-2-g",
	"medecine":                         "eu-gdpr:A9-2-h",
	"sante_publique":                   "eu-gdpr:A9-2-i",
	"archives_recherche_statistiques":  "eu-gdpr:A9-2-j",
}

// mechanisms are the transfer mechanisms of articles 45 to 49; the
// invalidated Privacy Shield has none.
var mechanisms = map[schema.Garantie]string{
	"adequation":                   "eu-gdpr:A45-3",
	"dpf":                          "eu-gdpr:A45-3",
	"instrument_public":            "eu-gdpr:A46-2-a",
	"bcr":                          "eu-gdpr:A46-2-b",
	"clauses_contractuelles_types": "eu-gdpr:A46-2-c",
	"code_conduite":                "eu-gdpr:A46-2-e",
	"certification":                "eu-gdpr:A46-2-f",
	"clauses_ad_hoc":               "eu-gdpr:A46-3-a",
	"derogation_consentement":      "eu-gdpr:A49-1-a",
	"derogation_contrat":           "eu-gdpr:A49-1-b",
	"derogation_contrat_tiers":     "eu-gdpr:A49-1-c",
	"derogation_interet_public":    "eu-gdpr:A49-1-d",
	"derogation_justice":           "eu-gdpr:A49-1-e",
	"derogation_interets_vitaux":   "eu-gdpr:A49-1-f",
	"derogation_registre_public":   "eu-gdpr:A49-1-g",
}

// scales map the order of magnitude of the people concerned to DPV's
// scales of data subjects.
var scales = map[schema.OrdreGrandeur]string{
	"moins_de_100":     "dpv:SporadicScaleOfDataSubjects",
	"100_a_1000":       "dpv:SmallScaleOfDataSubjects",
	"1000_a_10000":     "dpv:SmallScaleOfDataSubjects",
	"10000_a_100000":   "dpv:MediumScaleOfDataSubjects",
	"100000_a_1000000": "dpv:LargeScaleOfDataSubjects",
	"plus_de_1000000":  "dpv:HugeScaleOfDataSubjects",
}

// recipientTypes are the DPV classes of the types of recipients.
var recipientTypes = map[schema.TypeDestinataire]string{
	"interne":       "dpv:OrganisationalUnit",
	"groupe":        "dpv:Organisation",
	"sous_traitant": "dpv:DataProcessor",
	"partenaire":    "dpv:ThirdParty",
	"client":        "dpv:ThirdParty",
	"tiers":         "dpv:ThirdParty",
	"autorite":      "dpv:Authority",
}
