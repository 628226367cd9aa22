package schema

import "testing"

func TestPointerToken(t *testing.T) {
	for key, want := range map[string]string{"nom": "nom", "a/b": "a~1b", "a~b": "a~0b", "~/": "~0~1"} {
		if got := PointerToken(key); got != want {
			t.Errorf("PointerToken(%q) = %q, want %q", key, got, want)
		}
		if got := unescape(want); got != key {
			t.Errorf("unescape(%q) = %q, want %q", want, got, key)
		}
	}
}
