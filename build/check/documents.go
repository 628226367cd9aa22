package check

import (
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/schema"
	"github.com/rgpdoc/rgpdoc/themes"
)

// checkPresentation reports a theme that does not exist and a logo that is
// not in the organization's folder: the build would fail on them.
func checkPresentation(r *run) {
	o := r.c.Organisation
	if o == nil || o.Theme == nil {
		return
	}
	t := o.Theme
	if t.Nom != "" && !slices.Contains(themes.Names(), t.Nom) {
		r.report(r.org.Pos(o.Src, "theme", "nom"), "thème « %s » inconnu (thèmes : %s)", t.Nom, strings.Join(themes.Names(), ", "))
	}
	if t.Logo != "" && r.org.Assets[t.Logo] == nil {
		r.report(r.org.Pos(o.Src, "theme", "logo"), "logo « %s » introuvable dans le dossier %s", t.Logo, r.org.Dir)
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
