// Package serve is the preview server of rgpdoc serve: it builds the site in
// memory, serves it at the URLs where build writes it, watches the content
// and the themes, rebuilds what changed and tells the open pages to reload.
//
// Publishing. The server serves one state at a time, replaced as a whole
// behind an atomic pointer once a rebuild is complete, so that a request
// never sees half a build. A state holds the last good build (a snapshot)
// and, when the last rebuild failed, its problems: pages then show the last
// good build under an overlay that lists the problems (file:line:col, the
// French message, the lines around), or the overlay alone when no build ever
// succeeded. Warnings do not fail a build: the documents carry the draft
// banner, as with build. A rebuild that fails keeps the last good snapshot,
// so fixing the file brings the pages back.
//
// Incremental rebuilds. A batch of changes reads again only the
// organizations it touches (load.Loader.Reload); an organization whose
// inputs (load.Org.Hash) are those of the last good build keeps its findings
// and its rendered files, the others are checked and rendered again, and the
// site index is rendered again only when what it shows changed. Only the
// HTML documents and pages are rendered with the build, so that the saved
// page does not wait for the rest: the Markdown files, the exports and the
// PDFs are rendered when asked for, each format apart, and kept with the
// organization's build they come from, so that they always match the pages
// being served. So is the site index when only its texts changed, rather
// than the themes, whose errors must show in the overlay.
//
// Live update. Every HTML page gets, in its head, a script (/_rgpdoc/live.js)
// that listens to the builds the server sends as server-sent events
// (/_rgpdoc/events). When a build is not the one the page was served with,
// the page fetches itself again and swaps its changed parts in place,
// keeping its scroll position; it reloads fully only when the event says so,
// which the server decides: the stylesheets, scripts or images that the
// page loads (its assets, given in the query) are not the build's, after a
// change of theme, logo or colour, or a restart. The pages, the overlay
// included, need no inline script or style, so that they keep a strict
// Content-Security-Policy.
package serve

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
)

// Options configure a preview server.
type Options struct {
	// Content is the content directory.
	Content string
	// Themes is a folder of themes laid out like package themes, read from
	// disk and watched; empty for the embedded themes.
	Themes string
	// Epoch dates the documents whose content gives no update date, as
	// build's SOURCE_DATE_EPOCH.
	Epoch time.Time
	// Log receives the French progress messages.
	Log io.Writer
	// Name is the host name the user gave to listen on (--addr), which
	// requests may use besides the loopback names; empty for none.
	Name string
}

// Server is a preview server. Its zero value is not usable: see New.
type Server struct {
	opts Options
	// run tells the server's builds apart from those of an earlier run, so
	// that pages left open across a restart reload.
	run   string
	state atomic.Pointer[state]
	// streams counts the event streams open (maxStreams).
	streams atomic.Int64

	// The fields below belong to the goroutine that rebuilds.
	builds   int
	loader   load.Loader
	site     *load.Site         // the last site loaded, good or not
	checked  map[string]checked // by organization id
	themes   int                // generation of the themes in use
	th       *html.Themes       // the themes in use; nil for the embedded ones
	assets   int                // generation of the files pages load
	themeErr error              // why the themes on disk could not be used
	warnings int                // of the last good build, for the log
}

// New returns a server that has built nothing yet: its pages say that the
// site is being built, until Run's first build.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, run: rand.Text()[:8]}
	st := s.newState(nil, nil)
	st.next = make(chan struct{})
	s.state.Store(st)
	return s
}

// Run serves on ln until ctx is done, then shuts down. It watches the
// content and the themes first, then builds the site, then rebuilds after
// each batch of changes.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	roots := []string{s.opts.Content}
	if s.opts.Themes != "" {
		roots = append(roots, s.opts.Themes)
	}
	w, err := newWatcher(roots...)
	if err != nil {
		return fmt.Errorf("surveillance des fichiers impossible : %w", err)
	}
	defer w.close()
	srv := &http.Server{
		Handler:           s.guard(ln.Addr(), s.opts.Name),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Long enough for the first request of a large PDF; the events
		// stream lifts it for itself.
		WriteTimeout: 2 * time.Minute,
		IdleTimeout:  2 * time.Minute,
		// Request contexts end with ctx, which ends the event streams:
		// Shutdown waits for no one.
		BaseContext: func(net.Listener) context.Context { return ctx },
		ErrorLog:    log.New(s.opts.Log, "rgpdoc serve : ", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	batches := make(chan batch)
	go w.run(ctx, batches)
	s.rebuild(batch{all: true})
	for {
		select {
		case b := <-batches:
			s.rebuild(b)
		case err := <-served:
			return err
		case <-ctx.Done():
			stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(stop); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return nil
		}
	}
}

// newID returns the id of a new build.
func (s *Server) newID() string {
	s.builds++
	return fmt.Sprintf("%s-%d", s.run, s.builds)
}
