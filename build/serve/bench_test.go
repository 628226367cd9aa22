package serve

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

// BenchmarkSaveToReload measures what a user waits for: from the write of a
// content file to the reload event that an open page receives, through the
// watcher's batching, the rebuild and the event stream. The content is the
// complete fixture's organization copied under 1 and 1,000 ids. Two edits:
// a value that only the documents show (the usual case, for which the
// target is a median under 50 ms with 1,000 organizations), and the
// organization's name, which the site index shows too, so that the index is
// rendered again.
//
// Besides ns/op (the mean), it reports the median and the 90th percentile
// of the delays, which say more on a shared machine: run it with -count and
// compare the medians (benchstat).
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range []int{1, 1000} {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			content := copies(b, n)
			s := New(Options{Content: content})
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() {
				stop()
				<-done
			}()
			resp, err := http.Get("http://" + ln.Addr().String() + "/_rgpdoc/events")
			if err != nil {
				b.Fatal(err)
			}
			defer resp.Body.Close()
			events := sse(resp.Body)
			reloaded(b, s, events)

			file := filepath.Join(content, "org0000", "organisation.yaml")
			src, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			for _, edit := range []struct{ name, old, new string }{
				{"edit=document", "capital: 150000", "capital: %d"},
				{"edit=index", "raison_sociale: Exemple Services", "raison_sociale: Exemple %d"},
			} {
				b.Run(edit.name, func(b *testing.B) {
					var delays []time.Duration
					for i := 0; b.Loop(); i++ {
						changed := bytes.Replace(src, []byte(edit.old), fmt.Appendf(nil, edit.new, 200000+i), 1)
						start := time.Now()
						if err := os.WriteFile(file, changed, 0o644); err != nil {
							b.Fatal(err)
						}
						reloaded(b, s, events)
						delays = append(delays, time.Since(start))
					}
					b.ReportMetric(median(delays), "ms-median")
					b.ReportMetric(p90(delays), "ms-p90")
				})
			}
		})
	}
}

// reloaded waits for the reload event of a good build.
func reloaded(b *testing.B, s *Server, events <-chan event) {
	b.Helper()
	for {
		select {
		case e := <-events:
			if st := s.state.Load(); st.id == e.Build && st.good != nil && st.problems == nil {
				return
			}
		case <-time.After(5 * time.Minute):
			b.Fatal("no reload event")
		}
	}
}

// copies returns a content folder holding the complete fixture's
// organization under n ids, org0000 to org<n-1>.
func copies(b *testing.B, n int) string {
	b.Helper()
	fixture := filepath.Join("..", "..", "testdata", "complet", "content")
	content := filepath.Join(b.TempDir(), "content")
	if err := os.CopyFS(filepath.Join(content, load.DefaultsDir), os.DirFS(filepath.Join(fixture, load.DefaultsDir))); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := os.CopyFS(filepath.Join(content, fmt.Sprintf("org%04d", i)), os.DirFS(filepath.Join(fixture, "exemple"))); err != nil {
			b.Fatal(err)
		}
	}
	return content
}

// BenchmarkSaveToVisible measures the preview as a user sees it: from the
// save of a content file to the edited text in the page open in headless
// chromium, with 1,000 synthetic organizations served (build/synth). Each
// save is a new version of the first organization's privacy policy, which
// the page shows. The target is a median under 100 ms: run it with
// -benchtime 15x or more, so that the median is over at least 10 saves.
//
// Besides the median and the 90th percentile of these delays, it reports
// the median delay to the server's new state (ms-event-median): the rest is
// the browser's. The page watches for the text itself (a MutationObserver),
// so that the measure does not take the cores from the server by polling;
// after a full reload, it watches the new page.
func BenchmarkSaveToVisible(b *testing.B) {
	browser := chromium(b)
	const n = 1000
	content := filepath.Join(b.TempDir(), "content")
	gen := synth.New(1)
	if err := gen.Write(content, n); err != nil {
		b.Fatal(err)
	}
	files, err := gen.Files(0, 0)
	if err != nil {
		b.Fatal(err)
	}
	version := regexp.MustCompile(`version: "([^"]+)"`).FindSubmatch(files["documents.yaml"])[1]

	s := New(Options{Content: content})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	defer func() {
		stop()
		<-done
	}()
	for s.state.Load().good == nil {
		time.Sleep(100 * time.Millisecond)
	}
	tab := browse(b, browser)
	page := fmt.Sprintf("http://%s/%s/politique-de-confidentialite.html", ln.Addr(), gen.ID(0))
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		b.Fatal(err)
	}

	var delays, events []time.Duration
	for rev := 100; b.Loop(); rev++ { // three digits: no version is the start of another
		wait := fmt.Sprintf(`new Promise(resolve => {
			const shown = () => document.documentElement.textContent.includes(%s);
			if (shown()) { resolve(true); return; }
			const o = new MutationObserver(() => { if (shown()) { o.disconnect(); resolve(true); } });
			o.observe(document, {subtree: true, childList: true, characterData: true});
			setTimeout(() => resolve(false), 1000);
		})`, js(fmt.Sprintf("%s.%d", version, rev)))
		next, published := s.state.Load().next, make(chan time.Time, 1)
		go func() {
			<-next
			published <- time.Now()
		}()
		start := time.Now()
		if err := gen.Edit(content, 0, rev); err != nil {
			b.Fatal(err)
		}
		// An evaluation fails when the page reloads meanwhile.
		for ok := false; !ok; {
			ok, _ = chromedp.Run(tab, chromedp.Evaluate[bool](wait, chromedp.EvalAwaitPromise))
			if time.Since(start) > time.Minute {
				b.Fatal("the page does not show the new version")
			}
		}
		delays = append(delays, time.Since(start))
		events = append(events, (<-published).Sub(start))
	}
	b.ReportMetric(median(delays), "ms-median")
	b.ReportMetric(p90(delays), "ms-p90")
	b.ReportMetric(median(events), "ms-event-median")
}

// median returns the median of ds in milliseconds.
func median(ds []time.Duration) float64 { return quantile(ds, 2) }

// p90 returns the 90th percentile of ds in milliseconds.
func p90(ds []time.Duration) float64 { return quantile(ds, 10) }

// quantile returns the (n-1)/n quantile of ds in milliseconds.
func quantile(ds []time.Duration, n int) float64 {
	ds = slices.Sorted(slices.Values(ds))
	return float64(ds[len(ds)*(n-1)/n].Microseconds()) / 1000
}
