// Package content holds the organizations' content files of this repository
// (one folder per organization). Its Go side embeds the shared defaults, which
// `rgpdoc new` copies into a content folder that has none: the defaults
// shipped with rgpdoc are the ones this repository uses.
package content

import "embed"

// Defaults holds the _defaults folder: the supervisory authority and the
// standard wording of the rights.
//
//go:embed _defaults/*.yaml
var Defaults embed.FS
