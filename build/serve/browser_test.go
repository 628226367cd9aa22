package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the browser of the browser test. The test skips without
// one, except under RGPDOC_E2E=1, which CI sets after installing it.
func chromium(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("chromium")
	if err == nil {
		return p
	}
	if os.Getenv("RGPDOC_E2E") == "1" {
		t.Fatalf("RGPDOC_E2E=1 but no chromium: %v", err)
	}
	t.Skip("no chromium; RGPDOC_E2E=1 makes this a failure")
	return ""
}

// TestBrowser is the user's round trip, in headless chromium: open a
// policy, change a value in its YAML file, see the page show it without a
// manual reload, in place (a variable set on the page survives) and at the
// same scroll position, or brought into view when it is out of sight; break
// the file, see the error naming the file and line; fix it, see the page
// back.
func TestBrowser(t *testing.T) {
	browser := chromium(t)
	content, file := fixture(t)
	s := New(Options{Content: content})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})

	tab := browse(t, browser)
	tab, cancel := context.WithTimeout(tab, 2*time.Minute)
	defer cancel()

	// The page may load before the first build: it then waits for it.
	page := "http://" + ln.Addr().String() + "/exemple/politique-de-confidentialite.html"
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, "the policy", `!document.querySelector(".rgpdoc-erreurs") && document.body.innerText.includes("12 rue des Olivettes, 44000 Nantes (ci-après")`)

	// A change in sight: the page keeps its place.
	ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.rgpdocSame = true;
		[...document.querySelectorAll("dd, p, li")].find(e => e.textContent.includes("Journalisation des accès")).scrollIntoView({block: "center"});
		scrollY > 0`))
	if !ok {
		t.Fatalf("the page does not scroll to the change (%v)", err)
	}
	y, _ := chromedp.Run(tab, chromedp.Evaluate[float64](`scrollY`))
	replace(t, filepath.Join(filepath.Dir(file), "conservation.yaml"), "description: Journalisation des accès et des modifications.", "description: Journalisation des accès et des exports.")
	waitFor(t, tab, "the change in sight", `document.body.innerText.includes("Journalisation des accès et des exports.")`)
	waitFor(t, tab, "the change in place at the same scroll position", fmt.Sprintf(`window.rgpdocSame === true && Math.abs(scrollY - %g) < 1`, y))

	// A change out of sight, in an anchored section: it comes into view.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`scrollTo(0, 0); true`)); err != nil {
		t.Fatal(err)
	}
	replace(t, file, "nom: Claire Martin", "nom: Claire Morin")
	waitFor(t, tab, "the change out of sight, brought into view", `window.rgpdocSame === true && (() => {
		const e = [...document.querySelectorAll("#dpo p")].find(e => e.textContent.includes("Claire Morin"));
		const box = e && e.getBoundingClientRect();
		return box && box.top >= 0 && box.bottom <= innerHeight;
	})()`)

	replace(t, file, "voie: 12 rue des Olivettes", "voie: 48 rue des Olivettes")
	waitFor(t, tab, "the new value", `document.body.innerText.includes("48 rue des Olivettes, 44000 Nantes (ci-après")`)

	replace(t, file, "  capital: 150000\n", "  capital: [150000\n")
	e := brokenAt(t, content)[0]
	waitFor(t, tab, "the error", `document.querySelector(".rgpdoc-erreurs") !== null && document.body.innerText.includes(`+
		js(e.Pos.String())+`) && document.body.innerText.includes(`+js(e.Message)+`)`)

	replace(t, file, "  capital: [150000\n", "  capital: 150000\n")
	waitFor(t, tab, "the page back", `!document.querySelector(".rgpdoc-erreurs") && document.body.innerText.includes("48 rue des Olivettes, 44000 Nantes (ci-après")`)
	// No full reload on the way: the overlay came and went in place.
	waitFor(t, tab, "the same page throughout", `window.rgpdocSame === true`)
}

// browse starts a headless browser for the test and returns its tab.
func browse(t testing.TB, browser string) context.Context {
	t.Helper()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancel)
	tab, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	return tab
}

// waitFor evaluates a condition in the page until it holds. The page reloads
// by itself meanwhile, so an evaluation may fail and is tried again.
func waitFor(t *testing.T, tab context.Context, what, condition string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](condition))
		if ok {
			return
		}
		if time.Now().After(deadline) {
			text, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("the page does not show %s (last error: %v); it shows:\n%s", what, err, text)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// replace saves a file with old replaced by new, as an editor would.
func replace(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// js returns s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
