package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

func d(v int, u schema.Unite) schema.Duree { return schema.Duree{Valeur: v, Unite: u} }

func TestLonger(t *testing.T) {
	for _, tc := range []struct {
		a, b schema.Duree
		want bool
	}{
		{d(36, "mois"), d(3, "ans"), false}, // equal lengths
		{d(3, "ans"), d(36, "mois"), false},
		{d(37, "mois"), d(3, "ans"), true},
		{d(12, "mois"), d(1, "ans"), false},
		{d(365, "jours"), d(1, "ans"), false},
		{d(366, "jours"), d(1, "ans"), true},
		{d(56, "semaines"), d(13, "mois"), false}, // 392 days < 395.7
		{d(57, "semaines"), d(13, "mois"), true},  // 399 days
		{d(14, "mois"), d(13, "mois"), true},
		{d(31, "jours"), d(1, "mois"), true},
		{d(30, "jours"), d(1, "mois"), false},
		{d(2, "ans"), d(25, "mois"), false},
	} {
		if got := longer(tc.a, tc.b); got != tc.want {
			t.Errorf("longer(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestFormatDuree(t *testing.T) {
	for _, tc := range []struct {
		d    schema.Duree
		want string
	}{
		{d(1, "ans"), "1 an"},
		{d(3, "ans"), "3 ans"},
		{d(1, "mois"), "1 mois"},
		{d(13, "mois"), "13 mois"},
		{d(1, "jours"), "1 jour"},
		{d(2, "semaines"), "2 semaines"},
	} {
		if got := formatDuree(tc.d); got != tc.want {
			t.Errorf("formatDuree(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestIsBareCriterion(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"aussi longtemps que nécessaire", true},
		{"Aussi longtemps que nécessaire.", true},
		{"le temps nécessaire", true},
		{"Le temps strictement nécessaire", true},
		{"la durée nécessaire aux finalités poursuivies", true},
		{"pendant la durée nécessaire au traitement", true},
		{"Les données sont conservées aussi longtemps que nécessaire", true},
		{"le temps strictement nécessaire à la réalisation de l’intervention", false},
		{"aussi longtemps que nécessaire pour l'apport des Services", false},
		{"durée du contrat", false},
		{"jusqu'à la clôture du compte", false},
		{"", false},
	} {
		if got := isBareCriterion(tc.s); got != tc.want {
			t.Errorf("isBareCriterion(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		s      string
		want   string
		wantOK bool
	}{
		{"", "", true},
		{"  \n\t", "", true},
		{"à compléter", "à compléter", true},
		{"Adresse : À COMPLÉTER", "À COMPLÉTER", true},
		{"(a completer)", "a completer", true},
		{"notre Délégué à la Protection des Données (*indiquer ses coordonnées*)", "(*indiquer ses coordonnées*)", true},
		{"[Indiquer le nom de l'hébergeur]", "[Indiquer le nom de l'hébergeur]", true},
		{"<préciser la durée>", "<préciser la durée>", true},
		{"TODO vérifier", "TODO", true},
		{"durée : TBD", "TBD", true},
		{"siège : XXX", "XXX", true},
		{"xxxx", "xxxx", true},
		{"voir […]", "[…]", true},
		{"voir [...]", "[...]", true},
		{"Lorem ipsum dolor", "Lorem ipsum", true},
		{"hébergé chez ???", "???", true},
		// Ordinary text.
		{"vous pouvez la compléter en ligne", "", false},
		{"la CNIL (3 place de Fontenoy)", "", false},
		{"indiquer votre adresse dans le formulaire", "", false},
		{"XXe siècle, XL", "", false},
		{"Pourquoi ?", "", false},
		{"Prospect Guru", "", false},
	} {
		got, ok := placeholder(tc.s, normalize(tc.s))
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("placeholder(%q) = %q, %v; want %q, %v", tc.s, got, ok, tc.want, tc.wantOK)
		}
	}
}

func TestVagueIn(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"Nous pourrions utiliser vos données.", []string{"« pourrions, pourrait, pourraient »"}},
		{"SPI sera susceptible de divulguer vos informations", []string{"« susceptible de »"}},
		{"Nous sommes susceptibles d’utiliser", []string{"« susceptible de »"}},
		{"La Société peut être amenée à contacter ses Clients", []string{"« peut être amené à »"}},
		{"Elles sont éventuellement transmises", []string{"« éventuellement »"}},
		{"pour répondre le cas échéant aux autorités", []string{"« le cas échéant »"}},
		{"SPI collecte certaines informations", []string{"« certaines données »"}},
		{"Nous transférons certaines de vos données", []string{"« certaines données »"}},
		{"Il est possible que\nvos données soient transférées", []string{"« il est possible que »"}},
		{"Dans certains cas, nous pourrions refuser", []string{"« pourrions, pourrait, pourraient »", "« dans certains cas »"}},
		// Definite language.
		{"Nous transmettons vos coordonnées à notre hébergeur.", nil},
		{"Vous pourrez exercer vos droits à tout moment.", nil},
		{"les éventuelles questions", nil},
		{"certaines fonctionnalités du site", nil},
	} {
		if got := vagueIn(normalize(tc.s)); !slices.Equal(got, tc.want) {
			t.Errorf("vagueIn(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestRetentionDurations(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []schema.Duree
	}{
		{"Vos données sont conservées 3 ans après le dernier contact.", []schema.Duree{d(3, "ans")}},
		{"pendant une durée de sept (7) jours à compter de la fin du contrat", []schema.Duree{d(7, "jours")}},
		{"Les données sont supprimées dans les 2 mois qui suivent l'opération, puis archivées 10 ans.",
			[]schema.Duree{d(2, "mois"), d(10, "ans")}},
		{"Nous répondons dans un délai de 1 mois.", []schema.Duree{d(1, "mois")}},
		{"conservées 1 an ; notre support répond en 2 jours", []schema.Duree{d(1, "ans")}}, // the second clause says nothing of keeping
		{"durée de conservation : 5 années", []schema.Duree{d(5, "ans")}},
		// Not retention periods.
		{"Le service est réservé aux personnes âgées de plus de 15 ans dont les données sont conservées.", nil},
		{"Nous vous appelons 2 fois par mois.", nil},
		{"Règlement (UE) 2016/679 du 27 avril 2016", nil},
		{"Nos bureaux ouvrent dans 3 mois.", nil},
	} {
		if got := retentionDurations(tc.s); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("retentionDurations(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// FuzzNormalize checks the one-pass normalize against its definition: white
// space runs folded and trimmed, typographic apostrophes straightened, then
// lowercase.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "id-simple", "Deux  mots", " à compléter\n", "l’adresse\u00a0:\u202fICI", "a\tb", "ÉTÉ", "x ", "\xff A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
		if got := normalize(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
