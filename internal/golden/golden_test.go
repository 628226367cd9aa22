package golden

import "testing"

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ want, got, diff string }{
		{"a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nD\ne\nf\ng\nh", "  b\n  c\n- d\n+ D\n  e\n  f\n"},
		{"a\nb", "a\nb\nc", "  a\n  b\n+ c\n"},
		{"same", "same", ""},
	} {
		if got := Diff(tc.want, tc.got); got != tc.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tc.want, tc.got, got, tc.diff)
		}
	}
}
