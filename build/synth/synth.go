// Package synth generates synthetic organizations for the benchmarks: content
// folders of the size and shape of the largest seed (about 30 KB of YAML in
// six files, ten traitements, the three documents), with varied names,
// identifiers, providers and durations. Organization i depends only on the
// seed and i, so a folder of N organizations is the first N of any larger one.
// The output is never shipped as content.
package synth

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/template"
	"time"

	"go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/content"
)

//go:embed template/*.yaml
var templates embed.FS

var tmpl = template.Must(template.New("").Option("missingkey=error").ParseFS(templates, "template/*.yaml"))

// files are the content files of an organization. traitements.yaml comes
// first: the others declare only what its traitements use.
var files = []string{"traitements.yaml", "organisation.yaml", "documents.yaml", "donnees.yaml", "destinataires.yaml", "conservation.yaml"}

// optional are the traitements an organization may have besides the five that
// every one has; each organization picks five of them.
var optional = []string{"prospection", "newsletter", "support", "recrutement", "personnel", "enquetes", "webinaires", "statistiques"}

// Generator generates the organizations of one seed.
type Generator struct{ seed uint64 }

// New returns the generator of a seed.
func New(seed uint64) Generator { return Generator{seed} }

// ID returns the folder name of organization i.
func (g Generator) ID(i int) string { return g.org(i, 0).ID }

// Files returns the content files of organization i at revision rev (0 for
// the first version; a later revision changes the privacy policy's version,
// as an edit would), by file name.
func (g Generator) Files(i, rev int) (map[string][]byte, error) {
	o := g.org(i, rev)
	out := map[string][]byte{}
	for _, name := range files {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, o); err != nil {
			return nil, err
		}
		if name == "traitements.yaml" {
			if err := o.collect(b.Bytes()); err != nil {
				return nil, fmt.Errorf("%s : %w", name, err)
			}
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

// Write writes the defaults and organizations 0 to n-1 into dir.
func (g Generator) Write(dir string, n int) error {
	if err := writeDefaults(dir); err != nil {
		return err
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		next = make(chan int)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				if err := g.write(dir, i, 0); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// writeDefaults writes the defaults that rgpdoc ships.
func writeDefaults(dir string) error {
	defaults, err := fs.Sub(content.Defaults, load.DefaultsDir)
	if err != nil {
		return err
	}
	return os.CopyFS(filepath.Join(dir, load.DefaultsDir), defaults)
}

// Edit rewrites the files of organization i in dir at revision rev, as a user
// saving a change would.
func (g Generator) Edit(dir string, i, rev int) error { return g.write(dir, i, rev) }

func (g Generator) write(dir string, i, rev int) error {
	fs, err := g.Files(i, rev)
	if err != nil {
		return err
	}
	org := filepath.Join(dir, g.ID(i))
	if err := os.MkdirAll(org, 0o755); err != nil {
		return err
	}
	for name, b := range fs {
		path := filepath.Join(org, name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
			continue // an editor saves only the file that changed
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// provider is a named recipient; Garantie is set when it is outside the EEA.
type provider struct {
	Nom, Pays, Lieux, Garantie, Repli string
	id                                string
}

// Transfert returns the id of the transfer to the provider, "" when the
// provider is in the EEA.
func (p provider) Transfert() string {
	if p.Garantie == "" {
		return ""
	}
	return p.id + "_hors_ue"
}

type sector struct {
	Secteur, Contacts, Usage, DossierExemples, Produit string
}

var (
	sectors = []sector{
		{"agences immobilières", "acquéreurs, locataires et propriétaires", "gérer leurs mandats, leurs visites et leurs rendez-vous", "bien recherché, budget, visites effectuées", "Immo"},
		{"cabinets d'expertise comptable", "dirigeants et salariés des entreprises clientes", "organiser la collecte des pièces et le suivi des missions", "pièces justificatives, échéances fiscales, lettres de mission", "Compta"},
		{"écoles de conduite", "élèves et leurs représentants légaux", "planifier les leçons et suivre la progression des élèves", "heures de conduite, résultats aux examens, numéro NEPH", "Conduite"},
		{"cliniques vétérinaires", "propriétaires d'animaux", "gérer les rendez-vous, les dossiers et les rappels de vaccination", "animaux suivis, rendez-vous, factures", "Véto"},
		{"salles de sport", "adhérents", "gérer les adhésions, les réservations de cours et les accès", "formule d'adhésion, réservations, passages", "Sport"},
		{"centres de formation", "stagiaires", "gérer les inscriptions, les sessions et les attestations", "sessions suivies, évaluations, attestations", "Forma"},
		{"syndics de copropriété", "copropriétaires et locataires", "gérer les assemblées générales, les appels de fonds et les incidents", "lots, appels de fonds, incidents signalés", "Syndic"},
		{"associations sportives", "licenciés et leurs représentants légaux", "gérer les licences, les inscriptions et les convocations", "licence, catégorie, convocations", "Club"},
	}
	surnames   = []string{"Durand", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Blanchard", "Gauthier", "Perrin", "Marchand", "Dumas", "Lemaire", "Barbier", "Renaud", "Aubert", "Caron", "Picard", "Roussel", "Vidal", "Lambert", "Bonnet", "Faure", "André"}
	firstNames = []string{"Claire", "Julien", "Sophie", "Thomas", "Camille", "Nicolas", "Léa", "Antoine", "Manon", "Hugo", "Élodie", "Mathieu"}
	trades     = []string{"Solutions", "Logiciels", "Numérique", "Systèmes", "Services", "Technologies"}
	brands     = []string{"Kalo", "Vitrio", "Orbi", "Nexa", "Cléo", "Mira", "Tempo", "Lumio", "Sola", "Pivo"}
	forms      = []string{"sas", "sas", "sarl", "sa", "sasu"}
	capitals   = []int{1000, 5000, 10000, 37000, 150000, 500000}
	streets    = []string{"rue des Olivettes", "rue de la République", "boulevard Victor-Hugo", "avenue du Général-de-Gaulle", "rue Nationale", "quai des Tanneurs", "avenue Jean-Jaurès", "place de la Paix", "rue Pasteur", "chemin du Moulin"}
	cities     = [][2]string{{"Nantes", "44000"}, {"Lyon", "69002"}, {"Bordeaux", "33000"}, {"Lille", "59000"}, {"Rennes", "35000"}, {"Toulouse", "31000"}, {"Montpellier", "34000"}, {"Strasbourg", "67000"}, {"Grenoble", "38000"}, {"Angers", "49100"}, {"Dijon", "21000"}, {"Tours", "37000"}, {"Paris", "75011"}, {"Marseille", "13001"}, {"Nice", "06000"}, {"Clermont-Ferrand", "63000"}}
	colours    = []string{"#1d4ed8", "#0f766e", "#b91c1c", "#7c3aed", "#c2410c", "#15803d", "#be185d", "#334155"}
	hosts      = []provider{{Nom: "OVH SAS", Pays: "FR", Lieux: "Roubaix et Gravelines"}, {Nom: "Scaleway SAS", Pays: "FR", Lieux: "Paris et Saint-Ouen"}, {Nom: "Outscale SAS", Pays: "FR", Lieux: "Saint-Cloud et Pantin"}, {Nom: "Hetzner Online GmbH", Pays: "DE", Lieux: "Falkenstein et Nuremberg"}, {Nom: "Clever Cloud SAS", Pays: "FR", Lieux: "Paris et Roubaix"}}
	mailers    = []provider{{Nom: "Mailchimp (Intuit Inc.)", Pays: "US", Garantie: "dpf", Repli: "clauses_contractuelles_types"}, {Nom: "SendGrid (Twilio Inc.)", Pays: "US", Garantie: "dpf", Repli: "clauses_contractuelles_types"}, {Nom: "Brevo (Sendinblue SAS)", Pays: "FR"}, {Nom: "Mailjet SAS", Pays: "FR"}}
	helpdesks  = []provider{{Nom: "Zendesk Inc.", Pays: "US", Garantie: "dpf", Repli: "clauses_contractuelles_types"}, {Nom: "Freshworks Technologies Private Limited", Pays: "IN", Garantie: "clauses_contractuelles_types"}, {Nom: "Crisp IM SAS", Pays: "FR"}, {Nom: "Intercom R&D Unlimited Company", Pays: "IE"}}
	meetings   = []provider{{Nom: "Zoom Video Communications Inc.", Pays: "US", Garantie: "dpf", Repli: "clauses_contractuelles_types"}, {Nom: "Livestorm SAS", Pays: "FR"}, {Nom: "Whereby AS", Pays: "NO"}}
	payrolls   = []string{"PayFit SAS", "Silae SAS", "ADP France SAS"}
	texters    = []string{"Octopush SAS", "SMSFactor SAS", "Allmysms SAS"}
	intros     = []string{
		"Elle s'adresse aux Prospects, aux Utilisateurs et aux représentants de nos Clients.",
		"Les données que nous traitons pour le compte de nos Clients sont décrites dans notre charte données.",
		"Pour toute question, notre délégué à la protection des données est à votre écoute.",
	}
	endings = []string{"restitution_puis_suppression", "au_choix_du_client", "suppression", "restitution"}
)

// org is the data of the templates for one organization.
type org struct {
	sector
	N                                                       int
	ID, Nom, Appellation, Forme, Produit, Domaine           string
	Capital                                                 int
	Siren, SirenBrut, Nic, CleTVA                           string
	Voie, CodePostal, Ville, Telephone, TelephoneDPO, DPO   string
	Couleur, Comptable, Paie, SMS, Introduction             string
	Date, DateAvant, DateCreation                           string
	Version, VersionAvant, VersionCharte, VersionRegistre   string
	Rev                                                     int
	SecteurMaj, ContactsMaj, FinDeContrat                   string
	DureeProspects, DureeComptes, DureeJournaux, DureeUsage int
	DureeCookies, DelaiFin, DelaiViolation                  int
	Hebergeur, Routage, Support, Visio                      provider
	// Score gives the account management an automated decision, Sante the
	// client files health data; Lacune leaves the host unnamed, declared in
	// a_completer, so that one organization in ten is a draft.
	Score, Sante, Lacune bool

	picked map[string]bool
	used   map[string]bool
}

// org draws organization i; the draws depend only on the seed and i.
func (g Generator) org(i, rev int) *org {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	pick := func(n int) int { return r.IntN(n) }
	s := sectors[pick(len(sectors))]
	surname := surnames[pick(len(surnames))]
	o := &org{sector: s, N: i, Rev: rev}
	o.Nom = surname + " " + trades[pick(len(trades))]
	o.Appellation = surname
	o.Produit = brands[pick(len(brands))] + s.Produit
	o.ID = fmt.Sprintf("%s-%04d", slug(o.Nom), i)
	o.Domaine = o.ID + ".fr"
	o.Forme = forms[pick(len(forms))]
	o.Capital = capitals[pick(len(capitals))]
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + pick(10)))
		}
		return b.String()
	}
	o.SirenBrut = fmt.Sprint(1+pick(9)) + digits(8)
	o.Siren = o.SirenBrut[:3] + " " + o.SirenBrut[3:6] + " " + o.SirenBrut[6:]
	o.Nic, o.CleTVA = digits(5), digits(2)
	city := cities[pick(len(cities))]
	o.Ville, o.CodePostal = city[0], city[1]
	o.Voie = fmt.Sprintf("%d %s", 1+pick(120), streets[pick(len(streets))])
	phone := func() string {
		return fmt.Sprintf("0%d %s %s %s %s", 1+pick(5), digits(2), digits(2), digits(2), digits(2))
	}
	o.Telephone, o.TelephoneDPO = phone(), phone()
	o.DPO = firstNames[pick(len(firstNames))] + " " + surnames[pick(len(surnames))]
	o.Couleur = colours[pick(len(colours))]
	o.Comptable = "Cabinet " + surnames[pick(len(surnames))] + " & Associés"
	o.Paie, o.SMS = payrolls[pick(len(payrolls))], texters[pick(len(texters))]
	o.Introduction = intros[pick(len(intros))]
	day := func(from time.Time, days int) time.Time { return from.AddDate(0, 0, pick(days)) }
	created := day(time.Date(2018, 5, 25, 0, 0, 0, 0, time.UTC), 700)
	before := day(created.AddDate(1, 0, 0), 900)
	latest := day(before.AddDate(0, 3, 0), 500)
	o.DateCreation, o.DateAvant, o.Date = created.Format(time.DateOnly), before.Format(time.DateOnly), latest.Format(time.DateOnly)
	major := 2 + pick(4)
	o.Version, o.VersionAvant = fmt.Sprintf("%d.%d", major, pick(4)), fmt.Sprintf("%d.0", major)
	o.VersionCharte, o.VersionRegistre = fmt.Sprintf("1.%d", pick(5)), fmt.Sprint(2+pick(8))
	o.SecteurMaj, o.ContactsMaj = upperFirst(s.Secteur), upperFirst(s.Contacts)
	o.FinDeContrat = endings[pick(len(endings))]
	o.DureeProspects = 1 + pick(3)
	o.DureeComptes = []int{6, 12, 24, 36}[pick(4)]
	o.DureeJournaux = []int{6, 12}[pick(2)]
	o.DureeUsage = []int{12, 24, 25}[pick(3)]
	o.DureeCookies = []int{6, 13}[pick(2)]
	o.DelaiFin = []int{15, 30, 60, 90}[pick(4)]
	o.DelaiViolation = []int{24, 48, 72}[pick(3)]
	o.Hebergeur = hosts[pick(len(hosts))]
	o.Routage, o.Support, o.Visio = mailers[pick(len(mailers))], helpdesks[pick(len(helpdesks))], meetings[pick(len(meetings))]
	o.Routage.id, o.Support.id, o.Visio.id = "routage", "support", "visio"
	o.Score, o.Sante, o.Lacune = pick(2) == 0, pick(3) == 0, i%10 == 7
	o.picked = map[string]bool{}
	perm := r.Perm(len(optional))
	for _, k := range perm[:5] {
		o.picked[optional[k]] = true
	}
	return o
}

// Pick reports whether the organization has the optional traitement id.
func (o *org) Pick(id string) bool { return o.picked[id] }

// Uses reports whether a traitement of the organization cites id in its
// list kind (personnes, donnees, destinataires, transferts, conservation).
func (o *org) Uses(kind, id string) (bool, error) {
	if o.used == nil {
		return false, fmt.Errorf("Uses avant traitements.yaml")
	}
	return o.used[kind+":"+id], nil
}

// collect records what the rendered traitements cite.
func (o *org) collect(src []byte) error {
	var c struct {
		Traitements []map[string]any
	}
	if err := yaml.Unmarshal(src, &c); err != nil {
		return err
	}
	o.used = map[string]bool{}
	for _, t := range c.Traitements {
		for kind, v := range t {
			list, _ := v.([]any)
			for _, id := range list {
				if s, ok := id.(string); ok {
					o.used[kind+":"+s] = true
				}
			}
		}
	}
	return nil
}

// slug turns a name into a folder name: lower case ASCII, words joined by "-".
func slug(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\'':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func upperFirst(s string) string {
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// Documents loads organization i alone and builds its documents, for the
// benchmarks of the renderers.
func (g Generator) Documents(i int) ([]*doc.Document, error) {
	dir, err := os.MkdirTemp("", "rgpdoc-synth-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := writeDefaults(dir); err != nil {
		return nil, err
	}
	if err := g.write(dir, i, 0); err != nil {
		return nil, err
	}
	site, err := load.Load(dir)
	if err != nil {
		return nil, err
	}
	o := site.Orgs[0]
	if e, _ := o.Findings.Count(); e > 0 {
		return nil, fmt.Errorf("%s : %v", o.ID, o.Findings)
	}
	var docs []*doc.Document
	for _, k := range doc.Published(o.Content) {
		docs = append(docs, doc.Build(k, o.ID, o.Content))
	}
	return docs, nil
}
