package doc

import "testing"

func TestInk(t *testing.T) {
	for _, tc := range []struct{ color, ink string }{
		{"#1f4e79", "#1f4e79"}, // dark: as is
		{"#e4a11b", "#926711"}, // light: darkened until 5:1 on white
		{"#ffffff", "#6b6b6b"},
		{"#000000", "#000000"},
		{"#12345g", ""},
		{"", ""},
	} {
		got := inkOf(tc.color)
		if got != tc.ink {
			t.Errorf("inkOf(%q) = %q, want %q", tc.color, got, tc.ink)
		}
		if got == "" {
			continue
		}
		ink, _ := parseColor(got)
		grey, _ := parseColor("#f4f5f7") // --fond-doux of the default theme
		if contrast(ink, grey) < 4.5 {
			t.Errorf("%s: contrast of the ink on grey = %.2f, want 4.5 at least", tc.color, contrast(ink, grey))
		}
	}
}
