package asset

import (
	"strings"
	"testing"
)

func TestImage(t *testing.T) {
	const svgHead = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	ok := map[string]string{
		"logo.png":  "\x89PNG\r\n\x1a\nrest",
		"logo.JPG":  "\xff\xd8\xff\xe0rest",
		"logo.jpeg": "\xff\xd8\xff\xe0rest",
		"logo.svg": svgHead + `<defs><linearGradient id="g"/></defs><style>.a{fill:url(#g)}</style>
<rect class="a" style="fill: url('#g')" width="10" height="10"/><use xlink:href="#g"/><text>C:\dossier</text></svg>`,
	}
	for name, b := range ok {
		if why := Image(name, []byte(b)); why != "" {
			t.Errorf("%s refused: %s", name, why)
		}
	}
	bad := map[string]string{
		"png":            "logo.png|<svg/>",
		"jpeg":           "logo.jpg|\x89PNG\r\n\x1a\n",
		"passwd":         "logo.svg|root:x:0:0:root:/root:/bin/bash\n",
		"not svg root":   "logo.svg|<html><svg/></html>",
		"empty":          "logo.svg|",
		"script":         "logo.svg|<svg><script>alert(1)</script></svg>",
		"SCRIPT":         "logo.svg|<svg><SCRIPT>alert(1)</SCRIPT></svg>",
		"handler":        `logo.svg|<svg onload="alert(1)"/>`,
		"nested handler": `logo.svg|<svg><g><rect ONCLICK="alert(1)"/></g></svg>`,
		"foreignObject":  `logo.svg|<svg><foreignObject><div/></foreignObject></svg>`,
		"href":           `logo.svg|<svg><a href="javascript:alert(1)"><rect/></a></svg>`,
		"escaped href":   `logo.svg|<svg><a href="&#106;avascript:alert(1)"><rect/></a></svg>`,
		"xlink":          `logo.svg|<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/x.png"/></svg>`,
		"data":           `logo.svg|<svg><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`,
		"url":            `logo.svg|<svg><rect style="fill:url(https://evil.example/p)"/></svg>`,
		"style url":      `logo.svg|<svg><style>rect{fill:url( "//evil.example/p")}</style></svg>`,
		"import":         `logo.svg|<svg><style>@import 'https://evil.example/s.css';</style></svg>`,
		"css escape":     `logo.svg|<svg><style>rect{fill:\75 rl(https://evil.example/p)}</style></svg>`,
		"set href":       `logo.svg|<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
		"entity":         `logo.svg|<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>`,
		"unknown entity": `logo.svg|<svg>&x;</svg>`,
		"gif":            "logo.gif|GIF89a",
	}
	for what, c := range bad {
		name, b, _ := strings.Cut(c, "|")
		if Image(name, []byte(b)) == "" {
			t.Errorf("%s: accepted", what)
		}
	}
}
