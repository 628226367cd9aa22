package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// fpdf compresses each stream with a new zlib writer, whose ≈ 1 MB of state
// is allocated and cleared for every page: a third of the CPU of a PDF
// (docs/performance.md). fpdf has no option to reuse one, so the pages are
// written uncompressed (fpdf.SetCompression(false)) and compressPages
// compresses them afterwards with pooled writers, at fpdf's level, by
// klauspost/compress, twice as fast as compress/zlib there and a little
// smaller: the result is the file fpdf would have written but for the
// compressed bytes (TestCompressPagesAsFpdf).

// zlibWriters holds writers at fpdf's level, reset for each stream.
var zlibWriters = sync.Pool{New: func() any {
	w, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return w
}}

// compressPages compresses the content streams of the pages of pdf, an
// uncompressed fpdf output of the given number of pages, and rewrites its
// cross-reference table for the new offsets.
func compressPages(pdf []byte, pages int) ([]byte, error) {
	bad := func(what string) error { return fmt.Errorf("PDF\u00a0: %s (compression des pages)", what) }
	// The trailer: "xref\n0 N\n" then N entries of 20 bytes, then
	// "trailer…startxref\nOFFSET\n%%EOF\n".
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, bad("pas de startxref")
	}
	xref, err := strconv.Atoi(string(bytes.TrimSuffix(pdf[sx+len("\nstartxref\n"):], []byte("\n%%EOF\n"))))
	if err != nil || xref < 0 || xref > sx {
		return nil, bad("startxref illisible")
	}
	head, ok := bytes.CutPrefix(pdf[xref:], []byte("xref\n0 "))
	if !ok {
		return nil, bad("pas de table xref")
	}
	nl := bytes.IndexByte(head, '\n')
	n, err := strconv.Atoi(string(head[:max(nl, 0)]))
	entries := xref + len("xref\n0 ") + nl + 1
	if err != nil || n < 2 || entries+20*n > sx {
		return nil, bad("table xref illisible")
	}
	offsets := make([]int, n)
	for j := 1; j < n; j++ {
		e := pdf[entries+20*j : entries+20*j+20]
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || o >= xref {
			return nil, bad("entrée xref illisible")
		}
		offsets[j] = o
	}

	// fpdf numbers page k (from 0) 3+2k and its content 4+2k, written in
	// this order; each content is "N 0 obj\n<</Length L>>\nstream\n…\nendstream".
	type edit struct{ at, delta int }
	edits := make([]edit, 0, pages)
	var out bytes.Buffer
	out.Grow(len(pdf))
	var z bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	last := 0
	for k := range pages {
		obj := 4 + 2*k
		if obj >= n {
			return nil, bad("page sans contenu")
		}
		at := offsets[obj]
		if at < last {
			return nil, bad("contenus des pages dans le désordre")
		}
		prefix := strconv.Itoa(obj) + " 0 obj\n<</Length "
		rest, ok := bytes.CutPrefix(pdf[at:xref], []byte(prefix))
		end := bytes.IndexByte(rest, '>')
		if !ok || end < 0 {
			return nil, bad("contenu de page inattendu")
		}
		size, err := strconv.Atoi(string(rest[:end]))
		data, ok := bytes.CutPrefix(rest[end:], []byte(">>\nstream\n"))
		if err != nil || !ok || size > len(data) || !bytes.HasPrefix(data[size:], []byte("\nendstream\n")) {
			return nil, bad("flux de page inattendu")
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(data[:size]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		// Replaced: from the dictionary to the end of the data.
		dict := at + len(prefix) - len("<</Length ")
		dataEnd := xref - len(data) + size
		out.Write(pdf[last:dict])
		before := out.Len()
		out.WriteString("<</Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(z.Len()))
		out.WriteString(">>\nstream\n")
		out.Write(z.Bytes())
		edits = append(edits, edit{at: dict, delta: out.Len() - before - (dataEnd - dict)})
		last = dataEnd
	}
	out.Write(pdf[last:xref])

	// The cross-reference table, each object moved by the edits before it.
	shift := func(o int) int {
		d := 0
		for _, e := range edits {
			if e.at >= o {
				break
			}
			d += e.delta
		}
		return o + d
	}
	newXref := out.Len()
	out.Write(pdf[xref:entries])
	out.Write(pdf[entries : entries+20]) // object 0, free
	for _, o := range offsets[1:] {
		s := strconv.Itoa(shift(o))
		out.WriteString("0000000000"[len(s):])
		out.WriteString(s)
		out.WriteString(" 00000 n \n")
	}
	out.Write(pdf[entries+20*n : sx])
	out.WriteString("\nstartxref\n")
	out.WriteString(strconv.Itoa(newXref))
	out.WriteString("\n%%EOF\n")
	return out.Bytes(), nil
}
