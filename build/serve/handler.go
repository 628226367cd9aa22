package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// contentSecurityPolicy is set on every HTML page: scripts, styles and
// connections from the server only, no plugin, no framing. The pages, the
// overlay and the live-reload script need nothing more.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ping is how often the event stream sends a comment, so that proxies and
// browsers keep an idle stream open.
var ping = 20 * time.Second

// ServeHTTP serves the site from memory: the last good build, with the
// live-reload script and, after a failed build, the overlay in every HTML
// page. No request reaches the file system. Only GET and HEAD are allowed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "Méthode non autorisée : l’aperçu ne répond qu’à GET et HEAD.", http.StatusMethodNotAllowed)
		return
	}
	name, ok := sitePath(r.URL)
	if !ok {
		http.Error(w, "Chemin invalide.", http.StatusBadRequest)
		return
	}
	switch name {
	case "_rgpdoc/events":
		s.events(w, r)
		return
	case "_rgpdoc/live.js", "_rgpdoc/overlay.css":
		b, _ := fs.ReadFile(static, "static/"+path.Base(name)) // both are embedded
		serve(w, r, name, b)
		return
	}
	st := s.state.Load()
	switch {
	case st.good == nil && st.problems == nil:
		s.page(w, r, st, http.StatusServiceUnavailable, buildingPage)
		return
	case st.good == nil:
		s.page(w, r, st, http.StatusInternalServerError, brokenPage)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	b, found, err := st.good.file(name, s.opts.Epoch)
	switch {
	case err != nil:
		http.Error(w, fmt.Sprintf("Rendu impossible : %v", err), http.StatusInternalServerError)
	case found && path.Ext(name) == ".html":
		s.page(w, r, st, http.StatusOK, b)
	case found:
		serve(w, r, name, b)
	default:
		// A folder asked without its final slash: the pages' relative links need it.
		if _, ok, _ := st.good.file(name+"/index.html", s.opts.Epoch); ok {
			http.Redirect(w, r, "/"+name+"/", http.StatusFound)
			return
		}
		s.page(w, r, st, http.StatusNotFound, notFoundPage)
	}
}

// sitePath returns the path of the site's file that u names, or false when
// u could name something else: a ".." segment, a backslash, a NUL, or a
// slash or percent sign encoded, as sent or once decoded (no file of the
// site has a "%" in its name, so a path decoded twice can not differ).
func sitePath(u *url.URL) (string, bool) {
	raw, p := u.EscapedPath(), u.Path
	if strings.Contains(strings.ToLower(raw), "%2f") || strings.Contains(strings.ToLower(raw), "%5c") ||
		strings.ContainsAny(p, "%\\\x00") || !strings.HasPrefix(p, "/") {
		return "", false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	return p[1:], true
}

// page serves an HTML page with the live-reload script and the overlay of st.
func (s *Server) page(w http.ResponseWriter, r *http.Request, st *state, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	b = inject(b, st)
	if status == http.StatusOK {
		serve(w, r, "page.html", b)
		return
	}
	h.Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// inject returns the page with st's head before </head> and its overlay
// right after the <body> tag, so that the overlay comes first for screen
// readers too.
func inject(page []byte, st *state) []byte {
	out := make([]byte, 0, len(page)+len(st.head)+len(st.overlay))
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		head = 0
	}
	body := len(page)
	if i := bytes.Index(page[head:], []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[head+i:], '>'); j >= 0 {
			body = head + i + j + 1
		}
	}
	out = append(out, page[:head]...)
	out = append(out, st.head...)
	out = append(out, page[head:body]...)
	out = append(out, st.overlay...)
	return append(out, page[body:]...)
}

// serve serves a file, its type from its name's extension; ranges and HEAD
// are handled by http.ServeContent.
func serve(w http.ResponseWriter, r *http.Request, name string, b []byte) {
	if path.Ext(name) == ".md" {
		// Not in Go's table of types, and text/plain would be read as Latin-1.
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// event is what the event stream tells a page of a new state: its id, and
// whether the page must reload fully, because the assets it loads are not
// the state's; otherwise, live.js fetches the page again and swaps its
// changed parts in place.
type event struct {
	Build  string `json:"build"`
	Reload bool   `json:"reload"`
}

// events streams the states as server-sent events: the current one on
// connection, then each new one, until the client or the server goes. The
// page gives the assets it was served with in the query.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if s.streams.Add(1) > maxStreams {
		s.streams.Add(-1)
		http.Error(w, fmt.Sprintf("Trop de pages ouvertes sur l’aperçu (%d au plus se rechargent d’elles-mêmes) : fermez-en, puis rechargez celle-ci.", maxStreams),
			http.StatusServiceUnavailable)
		return
	}
	defer s.streams.Add(-1)
	rc := http.NewResponseController(w)
	// The server's write timeout would end the stream.
	if err := rc.SetWriteDeadline(time.Time{}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	assets := r.URL.Query().Get("assets")
	send := func(st *state) {
		b, _ := json.Marshal(event{st.id, st.assets != assets}) // marshals strings and a bool
		fmt.Fprintf(w, "data: %s\n\n", b)
	}
	st := s.state.Load()
	// retry: how soon the browser reconnects after a restart of the server.
	fmt.Fprint(w, "retry: 500\n")
	send(st)
	tick := time.NewTicker(ping)
	defer tick.Stop()
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-st.next:
			st = s.state.Load()
			send(st)
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case <-r.Context().Done():
			return
		}
	}
}
