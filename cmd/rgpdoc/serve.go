package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/rgpdoc/rgpdoc/build/serve"
)

func newServeCmd() *command {
	return &command{
		name:    "serve",
		summary: "aperçu du site dans le navigateur, reconstruit et rechargé à chaque enregistrement",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("serve", "[--content DOSSIER] [--addr HÔTE:PORT] [--open] [--themes DOSSIER]",
				"Construit le site en mémoire et le sert aux adresses où build l'écrit, PDF compris.\n"+
					"À chaque enregistrement d'un fichier de contenu ou de thème, seules les organisations\n"+
					"concernées sont reconstruites et les pages ouvertes se mettent à jour d'elles-mêmes. Si le\n"+
					"contenu a des erreurs, chaque page les affiche (fichier:ligne:colonne) par-dessus la\n"+
					"dernière version valide, jusqu'à leur correction. Ctrl-C arrête l'aperçu.", stderr)
			content := fs.String("content", "content", "`DOSSIER` du contenu")
			addr := fs.String("addr", "127.0.0.1:8080", "`HÔTE:PORT` d'écoute ; une adresse autre que locale rend l'aperçu accessible depuis le réseau")
			open := fs.Bool("open", false, "ouvrir l'aperçu dans le navigateur")
			themes := fs.String("themes", "", "`DOSSIER` de thèmes lu sur disque et surveillé, pour mettre au point un thème ;\n"+
				"      par défaut, le dossier themes du dossier courant s'il contient le thème default, sinon les thèmes intégrés")
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			if info, err := os.Stat(*content); err != nil || !info.IsDir() {
				fmt.Fprintf(stderr, "rgpdoc serve : dossier de contenu %s illisible\n", *content)
				return exitUsage
			}
			if *themes == "" {
				if info, err := os.Stat(filepath.Join("themes", "default", "html")); err == nil && info.IsDir() {
					*themes = "themes"
				}
			}
			epoch, err := sourceDateEpoch()
			if err != nil {
				fmt.Fprintf(stderr, "rgpdoc serve : %v\n", err)
				return exitUsage
			}
			if !loopback(*addr) {
				fmt.Fprintf(stderr, "rgpdoc serve : attention, %s n'est pas une adresse locale : l'aperçu sera accessible depuis le réseau.\n", *addr)
			}
			ln, err := net.Listen("tcp", *addr)
			if err != nil {
				fmt.Fprintf(stderr, "rgpdoc serve : écoute impossible sur %s : %v\n", *addr, err)
				return exitUsage
			}
			url := siteURL(ln.Addr())
			fmt.Fprintf(stderr, "Aperçu sur %s — Ctrl-C pour arrêter\n", url)
			if *themes != "" {
				fmt.Fprintf(stderr, "Thèmes lus dans %s.\n", *themes)
			}
			if *open {
				if err := openBrowser(url); err != nil {
					fmt.Fprintf(stderr, "rgpdoc serve : navigateur non ouvert (%v) ; ouvrez %s\n", err, url)
				}
			}
			name, _, _ := net.SplitHostPort(*addr)
			s := serve.New(serve.Options{Content: *content, Themes: *themes, Epoch: epoch, Log: stderr, Name: name})
			if err := s.Run(ctx, ln); err != nil {
				fmt.Fprintf(stderr, "rgpdoc serve : %v\n", err)
				return exitUsage
			}
			fmt.Fprintln(stderr, "Aperçu arrêté.")
			return exitOK
		},
	}
}

// loopback tells whether addr listens on this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// siteURL is the address to open for a listener: an unspecified host (all
// interfaces) is reached as localhost.
func siteURL(a net.Addr) string {
	host, port, _ := net.SplitHostPort(a.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// openBrowser opens url in the user's browser, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it
	return nil
}
