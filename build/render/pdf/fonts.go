package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
)

// face is one font face of the documents.
type face uint8

const (
	regular face = iota
	bold
	italic
	boldItalic
	mono
	nFaces
)

var faceTTF = [nFaces][]byte{
	liberationsansregular.TTF,
	liberationsansbold.TTF,
	liberationsansitalic.TTF,
	liberationsansbolditalic.TTF,
	liberationmonoregular.TTF,
}

// facePSName is the PostScript name of each face, shown by PDF readers.
var facePSName = [nFaces]string{
	"LiberationSans",
	"LiberationSans-Bold",
	"LiberationSans-Italic",
	"LiberationSans-BoldItalic",
	"LiberationMono",
}

// cutRanges are the runes French documents need. Fonts cut to them parse
// several times faster than the full faces; a document using any other rune
// embeds the full faces instead.
var cutRanges = [][2]rune{
	{0x20, 0x7e},     // Basic Latin
	{0xa0, 0x17f},    // Latin-1 (« » é à ç, U+00A0), Latin Extended-A (œ Œ)
	{0x2000, 0x206f}, // General Punctuation (’ – — … •, U+202F)
	{0x20ac, 0x20ac}, // €
	{0x2116, 0x2116}, // №
	{0x2122, 0x2122}, // ™
	{0x2212, 0x2212}, // minus
	{0x25e6, 0x25e6}, // ◦ second-level bullet
	{0xfffd, 0xfffd}, // replacement for runes the font cannot carry
}

// fontSet is the font data shared by every render.
type fontSet struct {
	// faces load each face the first time a document uses it: cutting and
	// measuring a face is most of the start-up of a PDF build, and the
	// documents use two faces of the five.
	faces [nFaces]func() (*faceData, error)
	// inCut tells which BMP runes the cut faces hold.
	inCut []bool
	// family is the fpdf family name of each face. fpdf names an embedded font
	// "utf8"+family without the subset tag PDF tools look for; each family is
	// as long as the tagged name minus "utf8", so the tag can be written into
	// the output without moving any byte offset (see tagSubsets).
	family [nFaces]string
	// tagged is the final font name of each face ("RGPDOA+LiberationSans").
	tagged [nFaces]string
}

// faceData is one face, read-only once loaded.
type faceData struct {
	// cut and full are the TrueType bytes to embed, cut to cutRanges or whole.
	cut, full []byte
	// width is the advance width of each BMP rune in 1/1000 em.
	width []uint16
}

var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	fs := &fontSet{inCut: make([]bool, 0x10000)}
	var cutset strings.Builder
	for _, rg := range cutRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			fs.inCut[r] = true
			cutset.WriteRune(r)
		}
	}
	for i := range nFaces {
		fs.tagged[i] = "RGPDO" + string(rune('A'+i)) + "+" + facePSName[i]
		fs.family[i] = "rgpdoc" + string(rune('a'+i)) + strings.Repeat("x", len(fs.tagged[i])-len("utf8rgpdoca"))
		fs.faces[i] = sync.OnceValues(func() (*faceData, error) {
			fd := &faceData{full: faceTTF[i], cut: fpdf.UTF8CutFont(faceTTF[i], cutset.String())}
			var err error
			if fd.width, err = advanceWidths(fs.family[i], fd.full); err != nil {
				return nil, fmt.Errorf("police %s : %w", facePSName[i], err)
			}
			return fd, nil
		})
	}
	return fs, nil
})

// Prepare cuts and measures, in the background, the faces that every
// document uses, for a build to call before it reads the content: that
// work (≈ 10 ms a face) then overlaps the reading and the checks rather
// than holding up the first PDF.
func Prepare() {
	go func() {
		if fs, err := loadFonts(); err == nil {
			for _, f := range []face{regular, bold} {
				go fs.faces[f]()
			}
		}
	}()
}

// advanceWidths reads the width of every BMP rune through fpdf, so that text
// is measured exactly as fpdf will set it.
func advanceWidths(family string, ttf []byte) ([]uint16, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", ttf)
	f.SetFont(family, "", 10)
	if err := f.Error(); err != nil {
		return nil, err
	}
	w := make([]uint16, 0x10000)
	for r := range rune(0x10000) {
		if utf8.ValidRune(r) { // surrogates never reach the layout
			w[r] = uint16(f.GetStringSymbolWidth(string(r)))
		}
	}
	return w, nil
}

// tagSubsets gives each embedded font its subset tag (pdffonts then reports
// it as a subset, which it is: fpdf embeds only the glyphs used). The tagged
// name has the same length as the name it replaces, in place, so the
// cross-reference offsets stay valid.
func (fs *fontSet) tagSubsets(pdf []byte, used [nFaces]bool) error {
	for i := range nFaces {
		if !used[i] {
			continue
		}
		old, tagged := []byte("/utf8"+fs.family[i]), []byte("/"+fs.tagged[i])
		// fpdf writes the name in the Type0 font, its CID font and its descriptor.
		n := 0
		for rest := pdf; ; n++ {
			j := bytes.Index(rest, old)
			if j < 0 {
				break
			}
			copy(rest[j:], tagged)
			rest = rest[j+len(old):]
		}
		if n != 3 {
			return fmt.Errorf("police %s : %d occurrences de son nom dans le PDF, 3 attendues", facePSName[i], n)
		}
	}
	return nil
}
