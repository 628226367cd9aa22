// Command gen writes synthetic organizations for the performance
// measurements (scripts/bench, docs/performance.md):
//
//	go run ./build/synth/gen -n 1000 -out DOSSIER
//	go run ./build/synth/gen -out DOSSIER -edit 0 -rev 2   # rewrite organization 0 at revision 2
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rgpdoc/rgpdoc/build/synth"
)

func main() {
	n := flag.Int("n", 1000, "nombre d'organisations")
	out := flag.String("out", "", "dossier de contenu à écrire")
	seed := flag.Uint64("seed", 1, "graine")
	edit := flag.Int("edit", -1, "réécrire seulement l'organisation n° `I`…")
	rev := flag.Int("rev", 1, "…à la révision `R`")
	ids := flag.Bool("ids", false, "afficher les identifiants des n organisations, sans rien écrire")
	flag.Parse()
	g := synth.New(*seed)
	var err error
	switch {
	case *ids:
		for i := range *n {
			fmt.Println(g.ID(i))
		}
	case *out == "":
		err = fmt.Errorf("-out manquant")
	case *edit >= 0:
		err = g.Edit(*out, *edit, *rev)
	default:
		err = g.Write(*out, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen :", err)
		os.Exit(2)
	}
}
