package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flags wraps a flag set so that help and errors are in French.
type flags struct {
	*flag.FlagSet
	stderr io.Writer
	usage  func()
}

// newFlags returns a flag set for the command name; usageLine follows the
// command name in the usage line, description explains the command.
func newFlags(name, usageLine, description string, stderr io.Writer) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own messages are English
	f := &flags{FlagSet: fs, stderr: stderr}
	f.usage = func() {
		fmt.Fprintf(stderr, "Usage : rgpdoc %s %s\n\n%s\n", name, usageLine, description)
		first := true
		fs.VisitAll(func(fl *flag.Flag) {
			if first {
				fmt.Fprint(stderr, "\nOptions :\n")
				first = false
			}
			arg, help := flag.UnquoteUsage(fl)
			if arg != "" {
				arg = " " + arg
			}
			fmt.Fprintf(stderr, "  --%s%s\n      %s", fl.Name, arg, help)
			if fl.DefValue != "" && fl.DefValue != "false" {
				fmt.Fprintf(stderr, " (par défaut : %s)", fl.DefValue)
			}
			fmt.Fprintln(stderr)
		})
	}
	return f
}

// parse parses args; when the command must stop (help asked, or a bad flag)
// it returns the exit code and true.
func (f *flags) parse(args []string) (int, bool) {
	err := f.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		f.usage()
		return exitOK, true
	}
	fmt.Fprintf(f.stderr, "rgpdoc %s : %s\n\n", f.Name(), frenchFlagError(err))
	f.usage()
	return exitUsage, true
}

func frenchFlagError(err error) string {
	msg := err.Error()
	for _, t := range [][2]string{
		{"flag provided but not defined: ", "option inconnue : "},
		{"flag needs an argument: ", "cette option attend une valeur : "},
		{"invalid value ", "valeur invalide "},
		{"invalid boolean value ", "valeur booléenne invalide "},
		{" for flag ", " pour l'option "},
	} {
		msg = strings.Replace(msg, t[0], t[1], 1)
	}
	return msg
}
