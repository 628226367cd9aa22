package typo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/schema"
)

// show makes the invisible spaces visible in failure messages: _ for the
// no-break space, ^ for the narrow one.
func show(s string) string {
	return strings.NewReplacer(string(NBSP), "_", string(NNBSP), "^").Replace(s)
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		// no-break space before the colon, added or replacing spaces
		{"Droit d'accès : obtenir", "Droit d’accès_: obtenir"},
		{"Note: voir", "Note_: voir"},
		{"Note  :  voir", "Note_:  voir"},
		{"Note\u202f: voir", "Note_: voir"},
		// narrow no-break space before ; ! ?
		{"Qui sommes-nous ?", "Qui sommes-nous^?"},
		{"Qui sommes-nous?", "Qui sommes-nous^?"},
		{"nom ; prénom;adresse", "nom^; prénom^;adresse"},
		{"Attention !", "Attention^!"},
		{"Vraiment?!", "Vraiment^?!"},
		{"(article 2);", "(article 2)^;"},
		{"(?)", "(?)"},
		// guillemets
		{"« Site »", "«_Site_»"},
		{"«Site»", "«_Site_»"},
		{"«  Site  »", "«_Site_»"},
		{`le "Site" et la "Plateforme".`, "le «_Site_» et la «_Plateforme_»."},
		{`("Site")`, "(«_Site_»)"},
		// signs kept with their number
		{"art. 6, § 1, b) du RGPD", "art._6, §_1, b) du RGPD"},
		{"décret n° 2019-341, N° 5", "décret n°_2019-341, N°_5"},
		{"§ 4 et  § 5", "§_4 et  §_5"},
		{"un § suivi d'un mot", "un § suivi d’un mot"},
		{"depart. 6", "depart. 6"},
		// apostrophe between letters only
		{"l'Utilisateur aujourd'hui", "l’Utilisateur aujourd’hui"},
		{"l'", "l’"},
		{"qu'« il »", "qu’«_il_»"},
		{"' ok '", "' ok '"},
		{"12'30", "12'30"},
		// protected: URLs, e-mail addresses, times
		{"Site : https://www.cnil.fr/fr/plaintes?x=1;y=2", "Site_: https://www.cnil.fr/fr/plaintes?x=1;y=2"},
		{"voir https://cnil.fr: ici", "voir https://cnil.fr_: ici"},
		{"voir https://cnil.fr.", "voir https://cnil.fr."},
		{"mailto:dpo@exemple.fr", "mailto:dpo@exemple.fr"},
		{"écrire à l'adresse dpo@exemple.fr!", "écrire à l’adresse dpo@exemple.fr^!"},
		{"www.exemple.fr?", "www.exemple.fr^?"},
		{"de 10:30 à 12:00", "de 10:30 à 12:00"},
		{"ratio 1:2", "ratio 1:2"},
		// nothing to do
		{"", ""},
		{": début", ": début"},
	}
	for _, tt := range tests {
		if got := show(Text(tt.in)); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAfter(t *testing.T) {
	tests := []struct {
		prev     rune
		in, want string
	}{
		{'s', ": obtenir", "_: obtenir"},
		{'s', " : obtenir", "_: obtenir"},
		{' ', ": obtenir", ": obtenir"}, // the space belongs to the previous text
		{'«', "Site", "_Site"},
		{'«', " Site", "_Site"},
		{'e', "»", "_»"},
		{'e', `" dit`, "_» dit"},
		{0, "»", "»"},
		{'e', "?", "^?"},
		{'(', "?", "?"},
	}
	for _, tt := range tests {
		if got := show(After(tt.prev, tt.in)); got != tt.want {
			t.Errorf("After(%q, %q) = %q, want %q", tt.prev, tt.in, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-01-02", "2_janvier_2025"},
		{"2025-03-01", "1er_mars_2025"},
		{"2024-08-31", "31_août_2024"},
		{"2019-12-11", "11_décembre_2019"},
		{"02/01/2025", "02/01/2025"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := show(Date(tt.in)); got != tt.want {
			t.Errorf("Date(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1^000"}, {100000, "100^000"},
		{982083, "982^083"}, {1234567, "1^234^567"}, {-45000, "-45^000"},
	}
	for _, tt := range tests {
		if got := show(Int(tt.in)); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDuree(t *testing.T) {
	tests := []struct {
		in   schema.Duree
		want string
	}{
		{schema.Duree{Valeur: 3, Unite: "ans"}, "3_ans"},
		{schema.Duree{Valeur: 1, Unite: "ans"}, "1_an"},
		{schema.Duree{Valeur: 12, Unite: "mois"}, "12_mois"},
		{schema.Duree{Valeur: 1, Unite: "mois"}, "1_mois"},
		{schema.Duree{Valeur: 13, Unite: "mois", Maximum: true}, "13_mois maximum"},
		{schema.Duree{Valeur: 1, Unite: "jours"}, "1_jour"},
		{schema.Duree{Valeur: 30, Unite: "jours"}, "30_jours"},
		{schema.Duree{Valeur: 1, Unite: "semaines"}, "1_semaine"},
		{schema.Duree{Valeur: 1500, Unite: "jours"}, "1^500_jours"},
	}
	for _, tt := range tests {
		if got := show(Duree(tt.in)); got != tt.want {
			t.Errorf("Duree(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Droit d'accès : obtenir", `le "Site" ; la « Plateforme »`, "«»", `" "`, "a:b@c.de",
		"https://x.fr: voir", "10:30 ; 1:2:3", "l'« Agence »", "Quoi ?! Non !", "\"'\"", "«\u00a0:",
	} {
		f.Add(s, int32(0))
		f.Add(s, int32('«'))
	}
	f.Fuzz(func(t *testing.T, s string, prev int32) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		once := After(prev, s)
		if twice := After(prev, once); twice != once {
			t.Errorf("not idempotent after %q:\n  in    %q\n  once  %q\n  twice %q", prev, s, show(once), show(twice))
		}
		if strings.ContainsRune(once, '"') {
			t.Errorf("straight double quote left in %q", once)
		}
	})
}

// TestInvalidUTF8 checks that a byte that is not UTF-8 comes out as U+FFFD,
// each one, whether or not the text needs another change.
func TestInvalidUTF8(t *testing.T) {
	for in, want := range map[string]string{
		"\x80": "\uFFFD", "a\xff\xfeb": "a\uFFFD\uFFFDb", "l'\x80 :": "l'\uFFFD_:", "é\xc3": "é\uFFFD",
	} {
		if got := show(Text(in)); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := show(After('«', "\x80")); got != "_\uFFFD" {
		t.Errorf("After('«', %q) = %q, want %q", "\x80", got, "_\uFFFD")
	}
}
