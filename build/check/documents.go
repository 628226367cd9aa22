package check

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/asset"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/schema"
	"github.com/rgpdoc/rgpdoc/themes"
)

// checkPresentation reports a theme that does not exist, and a logo that is
// not in the organization's folder or not a safe image of its type: the
// build would fail on the first, publish the second.
func checkPresentation(r *run) {
	o := r.c.Organisation
	if o == nil || o.Theme == nil {
		return
	}
	t := o.Theme
	names := r.themes
	if names == nil {
		names = themes.Names()
	}
	if t.Nom != "" && !slices.Contains(names, t.Nom) {
		r.report(r.org.Pos(o.Src, "theme", "nom"), "thème « %s » inconnu (thèmes : %s)", t.Nom, strings.Join(names, ", "))
	}
	if t.Logo == "" {
		return
	}
	pos := r.org.Pos(o.Src, "theme", "logo")
	if b, ok := r.org.Assets[t.Logo]; !ok {
		r.report(pos, "logo « %s » introuvable dans le dossier %s", t.Logo, r.org.Dir)
	} else if why := asset.Image(t.Logo, b); why != "" {
		r.report(pos, "logo %s : %s", filepath.Join(r.org.Dir, t.Logo), why)
	}
}

// checkSectionsLibres reports a free section placed after a section the
// document does not have: it would land at the end of the document. The
// document is built to know its sections, generated ones (objet, droits…)
// and per element ones (donnees-<personne>…) alike.
func checkSectionsLibres(r *run) {
	d := r.c.Documents
	if d == nil {
		return
	}
	pubs := map[doc.Kind]*schema.Publication{doc.Politique: d.Politique, doc.Registre: d.Registre}
	if d.Charte != nil {
		pubs[doc.Charte] = &d.Charte.Publication
	}
	for _, kind := range doc.Kinds {
		p := pubs[kind]
		// The generated anchors settle most cases without building the document.
		anchors := doc.Anchors(kind)
		if p == nil || !slices.ContainsFunc(p.Sections, func(s schema.SectionLibre) bool {
			return s.Apres != "" && !slices.Contains(anchors, s.Apres)
		}) {
			continue
		}
		var ids []string
		var walk func([]*doc.Section)
		walk = func(list []*doc.Section) {
			for _, s := range list {
				ids = append(ids, s.ID)
				walk(s.Sections)
			}
		}
		walk(doc.Build(kind, r.org.ID, r.c).Sections)
		for _, s := range p.Sections {
			if s.Apres != "" && !slices.Contains(ids, s.Apres) {
				r.report(r.org.Pos(s.Src, "apres"), "la section « %s » doit suivre la section « %s », que ce document n'a pas (sections : %s)",
					s.Titre, s.Apres, strings.Join(anchors, ", "))
			}
		}
	}
}
