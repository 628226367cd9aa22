// Package ods writes the register as an OpenDocument spreadsheet
// (registre-art30.ods), in the layout of the CNIL's model register: the
// format the French administration's interoperability framework (RGI)
// asks for. No well-kept Go library writes ODS; its few XML parts are
// written here with encoding/xml and zipped by klauspost/compress/zip, the
// standard library's archive/zip with a deflate three times faster on these
// parts, and a little tighter (docs/performance.md, 31).
package ods

import (
	"bytes"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/zip"
	"github.com/rgpdoc/rgpdoc/build/doc"
)

const mimetype = "application/vnd.oasis.opendocument.spreadsheet"

// Render returns the register's spreadsheet. The archive is the same for
// the same document: its entries are dated from the document's date.
func Render(d *doc.Document) ([]byte, error) {
	if d.Workbook() == nil {
		return nil, errors.New("seul le registre s'exporte en tableur")
	}
	content, err := Content(d)
	if err != nil {
		return nil, err
	}
	meta, err := part(func(e *encoder) { e.meta(d) })
	if err != nil {
		return nil, err
	}
	styles, err := part(func(e *encoder) { e.styles() })
	if err != nil {
		return nil, err
	}
	manifest, err := part(func(e *encoder) { e.manifest() })
	if err != nil {
		return nil, err
	}
	date := d.Date
	if date.Before(minZipDate) {
		date = minZipDate
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{
		// The mimetype comes first, stored, so that a reader recognizes
		// the file from its first bytes (OpenDocument, part 3, § 3.3).
		{"mimetype", []byte(mimetype)},
		{"META-INF/manifest.xml", manifest},
		{"content.xml", content},
		{"styles.xml", styles},
		{"meta.xml", meta},
	} {
		var w io.Writer
		var err error
		if f.name == "mimetype" {
			w, err = z.CreateRaw(stored(f.name, f.data, date))
		} else {
			w, err = z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: date})
		}
		if err == nil {
			_, err = w.Write(f.data)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// stored is the header of an entry stored as it is, with neither extra
// field nor data descriptor, as OpenDocument wants the mimetype: its date
// in the MS-DOS fields only, which Modified would extend.
func stored(name string, data []byte, date time.Time) *zip.FileHeader {
	n := uint64(len(data))
	return &zip.FileHeader{
		Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: n, UncompressedSize64: n,
		//lint:ignore SA1019 Modified would add the extended-timestamp extra field OpenDocument forbids here
		ModifiedDate: uint16((date.Year()-1980)<<9 | int(date.Month())<<5 | date.Day()),
		//lint:ignore SA1019 as above
		ModifiedTime: uint16(date.Hour()<<11 | date.Minute()<<5 | date.Second()/2),
	}
}

// minZipDate is the earliest date a zip entry can hold.
var minZipDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Content returns content.xml, the sheets.
func Content(d *doc.Document) ([]byte, error) {
	if d.Workbook() == nil {
		return nil, errors.New("seul le registre s'exporte en tableur")
	}
	return part(func(e *encoder) { e.content(d.Workbook()) })
}

// part encodes one XML part of the archive.
func part(write func(*encoder)) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	e := &encoder{enc: xml.NewEncoder(&buf)}
	write(e)
	if e.err == nil {
		e.err = e.enc.Flush()
	}
	buf.WriteByte('\n')
	return buf.Bytes(), e.err
}

// namespaces are the OpenDocument namespaces the parts use, by prefix.
var namespaces = [][2]string{
	{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
	{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
	{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
	{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
	{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
	{"xlink", "http://www.w3.org/1999/xlink"},
	{"dc", "http://purl.org/dc/elements/1.1/"},
	{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
}

// encoder writes prefixed elements through encoding/xml, which escapes
// every text and attribute; the first error stops the writing.
type encoder struct {
	enc *xml.Encoder
	err error
}

// start opens an element; attrs are name, value pairs.
func (e *encoder) start(name string, attrs ...string) {
	if e.err != nil {
		return
	}
	s := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		s.Attr = append(s.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	e.err = e.enc.EncodeToken(s)
}

func (e *encoder) end(name string) {
	if e.err == nil {
		e.err = e.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
	}
}

func (e *encoder) text(s string) {
	if e.err == nil && s != "" {
		e.err = e.enc.EncodeToken(xml.CharData(s))
	}
}

// elem writes an element with attributes and no content.
func (e *encoder) elem(name string, attrs ...string) {
	e.start(name, attrs...)
	e.end(name)
}

// root opens a part's root element with the namespaces and the version.
func (e *encoder) root(name string, prefixes ...string) {
	var attrs []string
	for _, ns := range namespaces {
		for _, p := range prefixes {
			if p == ns[0] {
				attrs = append(attrs, "xmlns:"+ns[0], ns[1])
			}
		}
	}
	e.start(name, append(attrs, "office:version", "1.2")...)
}

func (e *encoder) manifest() {
	e.start("manifest:manifest", "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", "manifest:version", "1.2")
	e.elem("manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.2", "manifest:media-type", mimetype)
	for _, p := range []string{"content.xml", "styles.xml", "meta.xml"} {
		e.elem("manifest:file-entry", "manifest:full-path", p, "manifest:media-type", "text/xml")
	}
	e.end("manifest:manifest")
}

func (e *encoder) meta(d *doc.Document) {
	e.root("office:document-meta", "office", "meta", "dc")
	e.start("office:meta")
	e.start("meta:generator")
	e.text("rgpdoc")
	e.end("meta:generator")
	e.start("dc:title")
	e.text(d.Title + " — " + d.Org.Name)
	e.end("dc:title")
	e.start("dc:subject")
	e.text(d.Subject)
	e.end("dc:subject")
	if !d.Date.IsZero() {
		e.start("dc:date")
		e.text(d.Date.UTC().Format("2006-01-02T15:04:05"))
		e.end("dc:date")
	}
	e.start("dc:language")
	e.text("fr-FR")
	e.end("dc:language")
	e.end("office:meta")
	e.end("office:document-meta")
}

func (e *encoder) styles() {
	e.root("office:document-styles", "office", "style", "fo")
	e.start("office:styles")
	e.start("style:default-style", "style:family", "table-cell")
	e.elem("style:text-properties", "fo:font-size", "10pt", "fo:language", "fr", "fo:country", "FR")
	e.end("style:default-style")
	e.end("office:styles")
	// Landscape pages, each sheet fitted to the page's width: a sheet
	// prints or converts as it reads.
	e.start("office:automatic-styles")
	e.start("style:page-layout", "style:name", "pm1")
	e.elem("style:page-layout-properties", "fo:page-width", "29.7cm", "fo:page-height", "21cm", "style:print-orientation", "landscape",
		"fo:margin-top", "1.5cm", "fo:margin-bottom", "1.5cm", "fo:margin-left", "1.5cm", "fo:margin-right", "1.5cm",
		"style:scale-to-X", "1", "style:scale-to-Y", "0")
	e.end("style:page-layout")
	e.end("office:automatic-styles")
	e.start("office:master-styles")
	e.elem("style:master-page", "style:name", "Default", "style:page-layout-name", "pm1")
	e.end("office:master-styles")
	e.end("office:document-styles")
}

// Style names of content.xml.
const (
	tableStyle = "ta1"
	colFirst   = "co1" // first column: headings
	colOther   = "co2"
	cellText   = "ce1" // wrapped text, top-aligned
	cellHead   = "ce2" // a table's header: bold, shaded
	cellName   = "ce3" // a sheet's title
	spanBold   = "T1"
	spanGap    = "T2" // a fact to complete: bold, dark red
)

func (e *encoder) automaticStyles() {
	e.start("office:automatic-styles")
	e.start("style:style", "style:name", tableStyle, "style:family", "table", "style:master-page-name", "Default")
	e.elem("style:table-properties", "table:display", "true")
	e.end("style:style")
	for _, c := range []struct{ name, width string }{{colFirst, "5.5cm"}, {colOther, "6.5cm"}} {
		e.start("style:style", "style:name", c.name, "style:family", "table-column")
		e.elem("style:table-column-properties", "style:column-width", c.width)
		e.end("style:style")
	}
	e.start("style:style", "style:name", cellText, "style:family", "table-cell")
	e.elem("style:table-cell-properties", "fo:wrap-option", "wrap", "style:vertical-align", "top")
	e.end("style:style")
	e.start("style:style", "style:name", cellHead, "style:family", "table-cell")
	e.elem("style:table-cell-properties", "fo:wrap-option", "wrap", "style:vertical-align", "top", "fo:background-color", "#dde5f0")
	e.elem("style:text-properties", "fo:font-weight", "bold")
	e.end("style:style")
	e.start("style:style", "style:name", cellName, "style:family", "table-cell")
	e.elem("style:text-properties", "fo:font-weight", "bold", "fo:font-size", "13pt")
	e.end("style:style")
	e.start("style:style", "style:name", spanBold, "style:family", "text")
	e.elem("style:text-properties", "fo:font-weight", "bold")
	e.end("style:style")
	e.start("style:style", "style:name", spanGap, "style:family", "text")
	e.elem("style:text-properties", "fo:font-weight", "bold", "fo:color", "#9c1c1c")
	e.end("style:style")
	e.end("office:automatic-styles")
}

func (e *encoder) content(w *doc.Workbook) {
	e.root("office:document-content", "office", "style", "text", "table", "fo", "xlink")
	e.automaticStyles()
	e.start("office:body")
	e.start("office:spreadsheet")
	for _, s := range w.Sheets {
		e.sheet(s)
	}
	e.end("office:spreadsheet")
	e.end("office:body")
	e.end("office:document-content")
}

// sheet writes a sheet: its title, then each table under its header, a
// blank row between tables.
func (e *encoder) sheet(s *doc.Sheet) {
	e.start("table:table", "table:name", s.Name, "table:style-name", tableStyle)
	cols := 1
	for _, t := range s.Tables {
		cols = max(cols, len(t.Header))
	}
	e.elem("table:table-column", "table:style-name", colFirst, "table:default-cell-style-name", cellText)
	if cols > 1 {
		e.elem("table:table-column", "table:style-name", colOther, "table:default-cell-style-name", cellText,
			"table:number-columns-repeated", strconv.Itoa(cols-1))
	}
	e.start("table:table-row")
	e.start("table:table-cell", "office:value-type", "string", "table:style-name", cellName)
	e.start("text:p")
	e.text(s.Title)
	e.end("text:p")
	e.end("table:table-cell")
	e.end("table:table-row")
	for _, t := range s.Tables {
		e.blankRow()
		e.start("table:table-row")
		for _, h := range t.Header {
			e.start("table:table-cell", "office:value-type", "string", "table:style-name", cellHead)
			e.start("text:p")
			e.text(h)
			e.end("text:p")
			e.end("table:table-cell")
		}
		e.end("table:table-row")
		for _, row := range t.Rows {
			e.start("table:table-row")
			for _, c := range row {
				e.cell(c)
			}
			e.end("table:table-row")
		}
	}
	e.end("table:table")
}

func (e *encoder) blankRow() {
	e.start("table:table-row")
	e.elem("table:table-cell")
	e.end("table:table-row")
}

// cell writes a cell: one paragraph per paragraph or list item.
func (e *encoder) cell(c doc.Cell) {
	e.start("table:table-cell", "office:value-type", "string")
	e.blocks(c, "")
	e.end("table:table-cell")
}

func (e *encoder) blocks(blocks []doc.Block, prefix string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			e.start("text:p")
			e.text(prefix)
			e.inline(b.Text)
			e.end("text:p")
		case *doc.List:
			for _, item := range b.Items {
				e.blocks(item, "• ")
			}
		default:
			// Cells of the workbook hold paragraphs and lists; anything
			// else is kept as its text.
			e.start("text:p")
			e.text(prefix + doc.PlainText([]doc.Block{b}))
			e.end("text:p")
		}
	}
}

// inline writes a run of text: strong spans in bold, facts to complete in
// bold dark red and in brackets, web links as links.
func (e *encoder) inline(in doc.Inline) {
	for _, s := range in {
		switch {
		case s.Gap:
			e.start("text:span", "text:style-name", spanGap)
			e.text("[" + s.Text + "]")
			e.end("text:span")
		case s.Link != "" && !strings.HasPrefix(s.Link, "#"):
			e.start("text:a", "xlink:type", "simple", "xlink:href", s.Link)
			e.text(s.Text)
			e.end("text:a")
		case s.Strong:
			e.start("text:span", "text:style-name", spanBold)
			e.text(s.Text)
			e.end("text:span")
		default:
			e.text(s.Text)
		}
	}
}
