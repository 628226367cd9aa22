package build_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/render/ods"
	"github.com/rgpdoc/rgpdoc/internal/golden"
)

// registers builds the register of every organization of a content folder
// that publishes one.
func registers(t *testing.T, dir string) []*doc.Document {
	t.Helper()
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*doc.Document
	for _, o := range site.Orgs {
		if slices.Contains(doc.Published(o.Content), doc.Registre) {
			out = append(out, doc.Build(doc.Registre, o.ID, o.Content))
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s : aucun registre", dir)
	}
	return out
}

func render(t *testing.T, d *doc.Document, f build.Format) []byte {
	t.Helper()
	b, err := build.RenderFormat(d, f, nil)
	if err != nil {
		t.Fatalf("%s : %v", f, err)
	}
	return b
}

// TestExportsGolden keeps the exports of the complete test organization's
// register: the CSV as it is, the spreadsheet by its content.xml.
func TestExportsGolden(t *testing.T) {
	for _, d := range registers(t, "../testdata/complet/content") {
		base := filepath.Join("../testdata/render", "complet-"+d.Org.ID+"-"+string(doc.Registre))
		golden.Check(t, base+".csv", render(t, d, html.CSV))
		content, err := ods.Content(d)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, base+".content.xml", content)
	}
}

// TestExportsListSameActivities checks, for the seeds and the test
// organizations, that the CSV, the spreadsheet's list sheet and the HTML
// register list the same activities, in the same order.
func TestExportsListSameActivities(t *testing.T) {
	for _, dir := range []string{"../testdata/complet/content", "../content"} {
		for _, d := range registers(t, dir) {
			t.Run(d.Org.ID, func(t *testing.T) {
				var want []string
				for _, a := range d.Workbook().Activities {
					want = append(want, normalize(a.Libelle))
				}
				fromCSV := csvNames(t, render(t, d, html.CSV))
				fromODS := firstColumn(t, odsSheets(t, render(t, d, html.ODS))["Liste des traitements"], "Nom du traitement")
				fromHTML := htmlNames(render(t, d, html.HTML))
				for name, got := range map[string][]string{"CSV": fromCSV, "ODS": fromODS, "HTML": fromHTML} {
					for i := range got {
						got[i] = normalize(got[i])
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s : activités %q, attendu %q", name, got, want)
					}
				}
			})
		}
	}
}

// TestODSHeadings compares the spreadsheet's headings with the CNIL
// model's (testdata/cnil/entetes.txt): every heading of the model starts a
// cell of the list sheet, or of every sheet of an activity.
func TestODSHeadings(t *testing.T) {
	want := cnilHeadings(t)
	for _, dir := range []string{"../testdata/complet/content", "../content"} {
		for _, d := range registers(t, dir) {
			t.Run(d.Org.ID, func(t *testing.T) {
				sheets := odsSheets(t, render(t, d, html.ODS))
				check := func(sheet string, rows [][]string, headings []string) {
					for _, h := range headings {
						if !slices.ContainsFunc(rows, func(row []string) bool {
							return slices.ContainsFunc(row, func(c string) bool { return strings.HasPrefix(normalize(c), normalize(h)) })
						}) {
							t.Errorf("feuille « %s » : intitulé de la CNIL « %s » absent", sheet, h)
						}
					}
				}
				check("Liste des traitements", sheets["Liste des traitements"], want["Liste des traitements"])
				for _, s := range d.Workbook().Sheets[1:] {
					if strings.HasPrefix(s.Title, "Fiche") {
						rows := sheets[s.Name]
						fiche := want["Fiche"]
						if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "Mesure de sécurité 1" }) {
							// An activity without measures shows the gap instead.
							fiche = slices.DeleteFunc(slices.Clone(fiche), func(h string) bool { return h == "Mesure de sécurité 1" })
						}
						check(s.Name, rows, fiche)
					}
				}
			})
		}
	}
}

// TestODSArchive checks the archive's layout: the mimetype first and
// stored, the parts the manifest lists, and the same bytes twice.
func TestODSArchive(t *testing.T) {
	d := registers(t, "../testdata/complet/content")[0]
	b := render(t, d, html.ODS)
	if !bytes.Equal(b, render(t, d, html.ODS)) {
		t.Error("deux rendus du tableur diffèrent")
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if want := []string{"mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"}; !slices.Equal(names, want) {
		t.Errorf("entrées %q, attendu %q", names, want)
	}
	if f := z.File[0]; f.Method != zip.Store || !bytes.HasPrefix(b[30:], []byte("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) {
		t.Error("le mimetype n'est pas la première entrée, non compressée")
	}
	for _, f := range z.File[1:] {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if err := xml.NewDecoder(r).Decode(new(struct{})); err != nil {
			t.Errorf("%s : XML invalide : %v", f.Name, err)
		}
		r.Close()
	}
}

// TestCSVFormat checks what a French spreadsheet needs to open the CSV as
// it is: the byte-order mark, semicolons, CRLF.
func TestCSVFormat(t *testing.T) {
	b := render(t, registers(t, "../testdata/complet/content")[0], html.CSV)
	if !bytes.HasPrefix(b, []byte("\ufeffNom du traitement;")) {
		t.Errorf("début du CSV : %q", b[:min(len(b), 40)])
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("les lignes du CSV ne finissent pas toutes par CRLF")
	}
}

func csvNames(t *testing.T, b []byte) []string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, rec := range records[1:] {
		out = append(out, rec[0])
	}
	return out
}

// firstColumn returns the first cells of the rows under the header row
// that starts with header, up to the next blank row.
func firstColumn(t *testing.T, rows [][]string, header string) []string {
	t.Helper()
	i := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == header })
	if i < 0 {
		t.Fatalf("aucune ligne d'en-tête « %s »", header)
	}
	var out []string
	for _, r := range rows[i+1:] {
		if len(r) == 0 || r[0] == "" {
			break
		}
		out = append(out, r[0])
	}
	return out
}

// sheetLink is the link of the register's list of activities to a sheet.
var sheetLink = regexp.MustCompile(`<tr><th scope="row"><a href="#fiche-[^"]*">([^<]*)</a>`)

// htmlNames returns the activities the HTML register's lists name.
func htmlNames(b []byte) []string {
	var out []string
	for _, m := range sheetLink.FindAllSubmatch(b, -1) {
		out = append(out, htmlUnescape(string(m[1])))
	}
	return out
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#34;", `"`).Replace(s)
}

// odsSheets reads the sheets of a spreadsheet: rows of cell texts, the
// paragraphs of a cell joined by line breaks.
func odsSheets(t *testing.T, b []byte) map[string][][]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string][][]string{}
	dec := xml.NewDecoder(f)
	var sheet string
	var row []string
	var cell []string
	var para *strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "table":
				for _, a := range tok.Attr {
					if a.Name.Local == "name" {
						sheet = a.Value
					}
				}
			case "table-row":
				row = nil
			case "table-cell":
				cell = nil
			case "p":
				para = new(strings.Builder)
			}
		case xml.CharData:
			if para != nil {
				para.Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				cell = append(cell, para.String())
				para = nil
			case "table-cell":
				row = append(row, strings.Join(cell, "\n"))
			case "table-row":
				if len(row) == 1 && row[0] == "" {
					row = nil
				}
				sheets[sheet] = append(sheets[sheet], row)
			}
		}
	}
	return sheets
}

// cnilHeadings reads testdata/cnil/entetes.txt: headings by kind of sheet.
func cnilHeadings(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../testdata/cnil/entetes.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	var kind string
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "["):
			kind = strings.Trim(l, "[]")
		default:
			out[kind] = append(out[kind], l)
		}
	}
	return out
}

// normalize makes headings comparable: case, apostrophes, spaces and the
// French typography's no-break spaces.
func normalize(s string) string {
	s = strings.NewReplacer("’", "'", "\u202f", " ", "\u00a0", " ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
