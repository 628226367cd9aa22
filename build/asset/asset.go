// Package asset checks the images that the site publishes (an
// organization's logo, a theme's icons) before they are published: each is
// the type its name says, and an SVG is a picture, not a program. An SVG
// opened directly runs in the site's origin, so its scripts could read the
// drafts served next to it; it may not load anything either.
package asset

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// IsImage reports whether a file is an image by its name: SVG, PNG or JPEG,
// the types of the model.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".svg", ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

// Image returns why b, the content of the file named name, cannot be
// published as an image: a French explanation, or "" when it can. Only
// the types of the model are images: SVG, PNG, JPEG.
func Image(name string, b []byte) string {
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".png":
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			return "le fichier n'est pas une image PNG, comme son nom l'annonce"
		}
	case ".jpg", ".jpeg":
		if !bytes.HasPrefix(b, []byte("\xff\xd8\xff")) {
			return "le fichier n'est pas une image JPEG, comme son nom l'annonce"
		}
	case ".svg":
		if err := svg(b); err != nil {
			return "image SVG refusée : " + err.Error()
		}
	default:
		return fmt.Sprintf("type d'image « %s » non accepté : SVG, PNG ou JPEG", ext)
	}
	return ""
}

// svg returns what makes b unsafe, or not an SVG image. It accepts what
// drawing tools write (a DOCTYPE, comments, styles, gradients referenced by
// #id) and refuses scripts, event handlers, foreign content and every
// reference to another resource, which could run or leak from the site.
func svg(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true // unknown entities are errors: none is expanded
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root {
				return errors.New("aucun élément <svg>")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("XML illisible (%v)", err)
		}
		switch tok := tok.(type) {
		case xml.Directive:
			if bytes.Contains(tok, []byte("ENTITY")) || bytes.Contains(tok, []byte("[")) {
				return errors.New("le DOCTYPE déclare des entités")
			}
		case xml.StartElement:
			name := strings.ToLower(tok.Name.Local)
			if root && name != "svg" {
				return fmt.Errorf("l'élément racine est <%s>, pas <svg>", tok.Name.Local)
			}
			root = false
			switch name {
			case "script", "foreignobject", "iframe", "embed", "object", "handler", "listener":
				return fmt.Errorf("élément <%s> interdit", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if err := attr(name, a); err != nil {
					return err
				}
			}
		case xml.CharData:
			if err := css(string(tok)); err != nil {
				return err
			}
		}
	}
}

// attr returns what makes an attribute of the element name unsafe.
func attr(name string, a xml.Attr) error {
	key := strings.ToLower(a.Name.Local)
	v := strings.ToLower(strings.TrimSpace(a.Value))
	switch {
	case strings.HasPrefix(key, "on"):
		return fmt.Errorf("gestionnaire d'événement %s interdit", a.Name.Local)
	case key == "href" || key == "src" || key == "base":
		if !strings.HasPrefix(v, "#") {
			return fmt.Errorf("référence externe %s=« %s » interdite : seules les références internes (#id) sont permises", a.Name.Local, a.Value)
		}
	case key == "attributename" && (strings.Contains(v, "href") || strings.HasPrefix(v, "on")):
		// <set attributeName="href" to="javascript:…"> would write a link.
		return fmt.Errorf("animation de l'attribut %s interdite", a.Value)
	}
	return css(v)
}

// css returns an error when a style (an attribute, or the text of a
// <style> element) loads another resource: url() other than #id, @import.
func css(s string) error {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "@import"):
		return errors.New("@import interdit dans un style")
	case strings.Contains(s, `\`) && strings.Contains(s, "("):
		// A CSS escape can spell url( without the letters: \75 rl(.
		return errors.New("échappement CSS (\\) interdit dans un style")
	}
	for i := strings.Index(s, "url("); i >= 0; i = strings.Index(s, "url(") {
		s = s[i+len("url("):]
		target := strings.TrimLeft(s, " \t\n\r'\"")
		if !strings.HasPrefix(target, "#") {
			return errors.New("url() vers une ressource externe interdite dans un style : seules les références internes (#id) sont permises")
		}
	}
	return nil
}
