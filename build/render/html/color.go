package html

import (
	"fmt"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// orgStyle returns the file name and content of the stylesheet that gives the
// theme an organization's colour, or "" when there is none: the colour itself
// (--couleur, for rules and borders) and its ink, the colour darkened until
// it reads on white that the document tree gives (--couleur-encre, for links
// and heading numbers).
func orgStyle(o doc.Org) (name string, css []byte, err error) {
	switch {
	case o.Color == "":
		return "", nil, nil
	case o.Ink == "":
		return "", nil, fmt.Errorf("couleur « %s » invalide : la forme attendue est #rrggbb", o.Color)
	}
	css = fmt.Appendf(nil, ":root {\n  --couleur: %s;\n  --couleur-encre: %s;\n}\n", o.Color, o.Ink)
	return fingerprint("theme.css", css), css, nil
}
