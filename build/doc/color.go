package doc

import (
	"fmt"
	"math"
	"strconv"
)

// inkOf returns the organization's colour (#rrggbb) darkened until it reads
// on white, for the text and links the documents set in it: any colour an
// organization picks keeps the WCAG AA contrast of 4.5:1 for text. The ink
// aims at 5:1 on white so that it keeps 4.5:1 on light grey and tinted
// boxes. It returns "" for a colour that is not of the form #rrggbb.
func inkOf(color string) string {
	c, err := parseColor(color)
	if err != nil {
		return ""
	}
	ink := c
	for step := 1; contrast(ink, white) < 5; step++ {
		k := 1 - float64(step)/50
		ink = rgb{math.Round(c.r * k), math.Round(c.g * k), math.Round(c.b * k)}
	}
	return ink.String()
}

// rgb is a colour with whole channels in [0, 255].
type rgb struct{ r, g, b float64 }

var white = rgb{255, 255, 255}

func parseColor(s string) (rgb, error) {
	var ch [3]float64
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, fmt.Errorf("couleur « %s » invalide : la forme attendue est #rrggbb", s)
	}
	for i := range ch {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return rgb{}, fmt.Errorf("couleur « %s » invalide : la forme attendue est #rrggbb", s)
		}
		ch[i] = float64(v)
	}
	return rgb{ch[0], ch[1], ch[2]}, nil
}

func (c rgb) String() string {
	return fmt.Sprintf("#%02x%02x%02x", int(c.r), int(c.g), int(c.b))
}

// luminance is the relative luminance of WCAG 2.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
