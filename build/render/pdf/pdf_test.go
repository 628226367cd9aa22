package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/internal/golden"
)

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	b, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterministic(t *testing.T) {
	for _, landscape := range []bool{false, true} {
		want := render(t, sample(landscape))
		// Concurrent renders share the fonts; each must give the same bytes.
		got := make([][]byte, 4)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() { got[i] = render(t, sample(landscape)) })
		}
		wg.Wait()
		for i, b := range got {
			if !bytes.Equal(b, want) {
				t.Errorf("landscape=%v: render %d differs from the first one", landscape, i)
			}
		}
	}
}

func TestMetadata(t *testing.T) {
	b := render(t, sample(false))
	for _, want := range []string{
		"/Lang (fr)",
		"/CreationDate (D:20250102000000)",
		"/ModDate (D:20250102000000)",
		"/URI (https://www.cnil.fr/)",
		"/URI (mailto:dpo@exemple.fr)",
		"/PageMode /UseOutlines",
		"/MediaBox [0 0 595.28 841.89]",
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// Internal links (table of contents, « Vos droits ») jump to a page.
	if n := bytes.Count(b, []byte("/Dest [")); n < 9 {
		t.Errorf("%d internal links, want the 8 entries of the table of contents and one in the text", n)
	}
	if !bytes.Contains(render(t, sample(true)), []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("landscape document has no landscape page")
	}
}

func TestUnknownAnchor(t *testing.T) {
	d := sample(false)
	d.Preamble = append(d.Preamble, par(doc.Span{Text: "lien cassé", Link: "#nulle-part"}))
	if _, err := Render(d); err == nil || !strings.Contains(err.Error(), "#nulle-part") {
		t.Errorf("err = %v, want an unknown anchor error", err)
	}
}

// TestOutsideCut checks that a rune outside the cut fonts makes the
// document embed the full faces, and that its text comes back.
func TestOutsideCut(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{
		"Œuvre «\u00a0très\u00a0» 3\u202f000\u00a0€ — l’été…": false,
		"Łódź → Ωmega": true,
	}
	docs := map[string]*doc.Document{}
	for text, full := range texts {
		docs[text] = &doc.Document{Title: "Test", Org: doc.Org{Name: "Org"}, Preamble: []doc.Block{par(txt(text))}}
		l := &layout{fs: fs, th: newTheme(doc.Org{}), g: portrait}
		l.document(docs[text])
		if l.full != full {
			t.Errorf("%q: full faces = %v, want %v", text, l.full, full)
		}
	}
	for text, d := range docs {
		got := strings.Join(strings.Fields(pdftotext(t, render(t, d))), " ")
		if want := strings.Join(strings.Fields(text), " "); !strings.Contains(got, want) {
			t.Errorf("text extract lacks %q:\n%s", want, got)
		}
	}
}

// TestLinesFit sets text in a narrow column: no line is wider than the
// column, words too long for it are cut, and no character is lost.
func TestLinesFit(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	l := &layout{fs: fs, th: newTheme(doc.Org{}), g: portrait}
	in := doc.Inline{txt("Voir "), {Text: "https://www.cnil.fr/fr/les-droits-pour-maitriser-vos-donnees-personnelles", Link: "https://www.cnil.fr/"},
		txt(" ou écrivez à "), {Text: "dpo@exemple.fr", Strong: true}, txt(".")}
	const width = 30.0
	items := l.paragraph(nil, in, runStyle{face: regular}, bodyText, width)
	if len(items) < 4 {
		t.Fatalf("%d lines, want the URL cut over several", len(items))
	}
	var got strings.Builder
	for i, it := range items {
		for _, o := range it.ops {
			if o.kind != opText {
				continue
			}
			if o.x < 0 || o.x+o.w > width+1e-9 {
				t.Errorf("line %d: %q spans %.2f to %.2f mm, column is %.0f mm", i, o.text, o.x, o.x+o.w, width)
			}
			got.WriteString(o.text)
		}
	}
	want := strings.ReplaceAll("Voir https://www.cnil.fr/fr/les-droits-pour-maitriser-vos-donnees-personnelles ou écrivez à dpo@exemple.fr.", " ", "")
	if g := strings.ReplaceAll(got.String(), " ", ""); g != want {
		t.Errorf("text set:\n%s\nwant:\n%s", g, want)
	}
}

// tool returns the path of a command, skipping the test when it is missing
// unless RGPDOC_E2E=1 asks for every end-to-end test to run.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("RGPDOC_E2E") == "1" {
			t.Fatalf("%s is required (RGPDOC_E2E=1): %v", name, err)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils qpdf)", name)
	}
	return p
}

// run runs a tool on the PDF, whose file name comes after args and before
// after.
func run(t testing.TB, pdf []byte, name string, args []string, after ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool(t, name), append(append(args, f), after...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

func pdftotext(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	return run(t, pdf, "pdftotext", args, "-")
}

// TestTools checks the PDF with the tools of poppler and qpdf.
func TestTools(t *testing.T) {
	for _, landscape := range []bool{false, true} {
		b := render(t, sample(landscape))
		if out := run(t, b, "qpdf", []string{"--check"}); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check:\n%s", out)
		}
		checkFonts(t, run(t, b, "pdffonts", nil), 5)

		// pdftotext turns no-break spaces into spaces; the rest must come back as written.
		text := pdftotext(t, b)
		flat := strings.Join(strings.Fields(text), " ")
		if want := strings.Join(strings.Fields(frenchSentence), " "); !strings.Contains(flat, want) {
			t.Errorf("text extract lacks\n%s\ngot:\n%s", want, text)
		}
		if bad := regexp.MustCompile("Ã|â€|\ufffd"); bad.MatchString(text) {
			t.Errorf("mojibake in the text extract: %q", bad.FindString(text))
		}
		// The PDF itself carries the no-break spaces.
		qdf := run(t, b, "qpdf", []string{"--qdf", "--object-streams=disable", "--stream-data=uncompress"}, "-")
		for _, s := range []string{"droits\u202f;", "«\u00a0toute", "532\u202f829\u202f561"} {
			if !strings.Contains(qdf, hex.EncodeToString(utf16be(s))) {
				t.Errorf("content streams lack %q in UTF-16", s)
			}
		}
		// The long table crosses pages: its header row starts each of them.
		pages := strings.Split(pdftotext(t, b, "-layout"), "\f")
		header := regexp.MustCompile(`Catégorie de données +Durée de conservation +Motif`)
		first, last := -1, -1
		for i, p := range pages {
			if first < 0 && regexp.MustCompile(`n° 1\s`).MatchString(p) {
				first = i
			}
			if regexp.MustCompile(`n° 40\s`).MatchString(p) {
				last = i
			}
		}
		if first < 0 || last <= first {
			t.Fatalf("long table on pages %d to %d, want two pages or more", first+1, last+1)
		}
		for i := first; i <= last; i++ {
			if !header.MatchString(pages[i]) {
				t.Errorf("landscape=%v: page %d of the long table has no header row", landscape, i+1)
			}
		}
		n := len(pages) - 1
		if !strings.Contains(pages[n-1], fmt.Sprintf("Page %d / %d", n, n)) {
			t.Errorf("last page has no « Page %d / %d »", n, n)
		}
		checkOutline(t, run(t, b, "qpdf", []string{"--json", "--json-key=outlines"}))
	}
}

// checkOutline asserts that the bookmarks follow the sections, nested.
func checkOutline(t *testing.T, out string) {
	t.Helper()
	type outline struct {
		Title string
		Kids  []outline
	}
	var j struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]outline, string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			got = append(got, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(j.Outlines, "")
	want := []string{
		"Sommaire",
		"1. Introduction",
		"2. Données que nous recueillons et finalités de leur traitement",
		"  2.1. Données des Prospects",
		"  2.2. Données des Souscripteurs",
		"3. Durées de conservation",
		"4. Vos droits",
		"  4.1. Réclamation auprès de la CNIL",
		"    4.1.1. Délais de réponse",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func utf16be(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// checkFonts asserts that pdffonts lists n fonts, all embedded and subset.
func checkFonts(t *testing.T, out string, n int) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != n+2 {
		t.Fatalf("pdffonts lists %d fonts, want %d:\n%s", len(lines)-2, n, out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type(2 words) encoding emb sub uni object ID
		if len(f) < 8 || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
			t.Errorf("font not embedded, subset and mapped to Unicode: %s", l)
		}
	}
}

// TestGolden compares the layout of the text with the golden extracts
// (go test -update rewrites them).
func TestGolden(t *testing.T) {
	docs := map[string]*doc.Document{
		"manuel-portrait": sample(false),
		"manuel-paysage":  sample(true),
	}
	s, err := load.Load("../../../testdata/complet/content")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range s.Orgs {
		for _, k := range doc.Published(o.Content) {
			docs["complet-"+o.ID+"-"+string(k)] = doc.Build(k, o.ID, o.Content)
		}
	}
	if len(docs) < 5 {
		t.Fatalf("the complete fixture publishes %d documents, want 3", len(docs)-2)
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "..", "testdata", "render", name+".pdf.txt")
			golden.Check(t, path, []byte(pdftotext(t, render(t, d), "-layout")))
		})
	}
}

// TestFontsReadOnly checks that rendering leaves the shared font bytes as
// they were: fpdf reads them from every goroutine at once.
func TestFontsReadOnly(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var faces [nFaces]*faceData
	var before [2][nFaces][]byte
	for i := range nFaces {
		if faces[i], err = fs.faces[i](); err != nil {
			t.Fatal(err)
		}
		before[0][i] = bytes.Clone(faces[i].cut)
		before[1][i] = bytes.Clone(faces[i].full)
	}
	render(t, sample(false))
	render(t, &doc.Document{Title: "Test", Org: doc.Org{Name: "Org"},
		Preamble: []doc.Block{par(txt("Ωmega "), doc.Span{Text: "ω", Emph: true}, doc.Span{Text: "→", Strong: true, Emph: true}, doc.Span{Text: "Ω", Code: true})}})
	for i := range nFaces {
		if !bytes.Equal(before[0][i], faces[i].cut) || !bytes.Equal(before[1][i], faces[i].full) {
			t.Errorf("rendering changed the bytes of %s", facePSName[i])
		}
	}
}

// TestTallRow splits a row taller than a page between pages: every line is
// drawn once, in order, under the repeated header row.
func TestTallRow(t *testing.T) {
	var items [][]doc.Block
	for i := range 150 {
		items = append(items, []doc.Block{par(txt(fmt.Sprintf("mesure n°\u00a0%03d", i)))})
	}
	d := &doc.Document{Title: "Registre", Org: doc.Org{Name: "Org"}, Preamble: []doc.Block{&doc.Table{
		Header: []string{"Traitement", "Mesures de sécurité"},
		Rows:   [][]doc.Cell{{cellText("Gestion de la paie"), {&doc.List{Items: items}}}},
	}}}
	pages := strings.Split(pdftotext(t, render(t, d), "-layout"), "\f")
	pages = pages[:len(pages)-1]
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the row split over 3 or more", len(pages))
	}
	header := regexp.MustCompile(`Traitement +Mesures de sécurité`)
	measure := regexp.MustCompile(`mesure n° (\d+)`)
	next := 0
	for i, p := range pages {
		if !header.MatchString(p) {
			t.Errorf("page %d has no header row", i+1)
		}
		for _, m := range measure.FindAllStringSubmatch(p, -1) {
			if want := fmt.Sprintf("%03d", next); m[1] != want {
				t.Fatalf("page %d: mesure %s after %d", i+1, m[1], next-1)
			}
			next++
		}
	}
	if next != 150 {
		t.Errorf("%d measures drawn, want 150", next)
	}
}

// TestCompressPagesAsFpdf checks that compressPages gives the file fpdf
// writes when it compresses the pages itself, but for the compressed bytes:
// the same objects once every stream is inflated, and a cross-reference
// table that points at each of them.
func TestCompressPagesAsFpdf(t *testing.T) {
	for _, landscape := range []bool{false, true} {
		var out [2][]byte
		for i, own := range []bool{false, true} {
			var err error
			if out[i], err = renderWith(sample(landscape), own); err != nil {
				t.Fatal(err)
			}
		}
		if a, b := inflated(t, out[0]), inflated(t, out[1]); a != b {
			t.Errorf("landscape=%v: compressPages differs from fpdf's compression once inflated", landscape)
		}
		checkXref(t, out[1])
	}
}

// inflated returns the objects of pdf, up to its cross-reference table,
// with every stream inflated and the lengths left out.
func inflated(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	head := regexp.MustCompile(`/Length (\d+)[^>]*>>\nstream\n`)
	rest := pdf[:bytes.LastIndex(pdf, []byte("\nxref\n"))]
	for {
		m := head.FindSubmatchIndex(rest)
		if m == nil {
			break
		}
		n, _ := strconv.Atoi(string(rest[m[2]:m[3]]))
		data := rest[m[1] : m[1]+n]
		dict := string(rest[:m[1]])
		if strings.Contains(dict[strings.LastIndex(dict, "<<"):], "/FlateDecode") {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err == nil {
				data, err = io.ReadAll(r)
			}
			if err != nil {
				t.Fatalf("stream at %d: %v", len(pdf)-len(rest)+m[1], err)
			}
		}
		out.Write(rest[:m[2]])
		out.WriteString("…")
		out.Write(rest[m[3]:m[1]])
		out.Write(data)
		rest = rest[m[1]+n:]
	}
	out.Write(rest)
	return out.String()
}

// checkXref checks that each entry of the cross-reference table of pdf
// points at the object it numbers, and startxref at the table.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	xref := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	if !bytes.HasSuffix(pdf, []byte("\nstartxref\n"+strconv.Itoa(xref)+"\n%%EOF\n")) {
		t.Fatalf("startxref does not point at the table at %d", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) < 10 {
		t.Fatalf("%d entries in the cross-reference table", len(entries))
	}
	for i, e := range entries {
		o, _ := strconv.Atoi(string(e[1]))
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(pdf[o:], []byte(want)) {
			t.Errorf("entry %d points at %q", i+1, pdf[o:min(o+12, len(pdf))])
		}
	}
}
