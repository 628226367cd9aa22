// Command rgpdoc turns structured facts about how an organization handles
// personal data into the French documents the GDPR asks for.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to clean up and stop; a second one
	// kills it, should the clean-up hang.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitFindings = 1 // the content has findings that fail the run
	exitUsage    = 2 // bad invocation or unreadable input

	exitInterrupted = 130 // Ctrl-C or SIGTERM, as shells report a SIGINT
)

// command is one sub-command; it owns its flags and writes to the given streams.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []*command {
	return []*command{newBuildCmd(), newCheckCmd(), newDiffCmd(), newNewCmd(), newSchemaCmd(), newServeCmd(), newVersionCmd()}
}

// run executes the command line args and returns the exit code; tests call
// it in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "aide" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "rgpdoc : commande inconnue « %s »\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "rgpdoc produit la politique de confidentialité, la charte données et le registre des\n"+
		"activités de traitement d'une organisation à partir de fichiers de contenu YAML ou JSON.\n\n"+
		"Usage : rgpdoc <commande> [options]\n\nCommandes :\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nAide d'une commande : rgpdoc <commande> -h\n")
}

// interruptible runs f, a command that only reads, and returns its exit
// code, or exitInterrupted as soon as ctx is done: there is nothing to
// clean up, and a read may be long.
func interruptible(ctx context.Context, stderr io.Writer, name string, f func() int) int {
	code := make(chan int, 1)
	go func() { code <- f() }()
	select {
	case c := <-code:
		return c
	case <-ctx.Done():
		fmt.Fprintf(stderr, "rgpdoc %s : interrompu.\n", name)
		return exitInterrupted
	}
}
