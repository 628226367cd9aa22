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

// parse parses args, where flags may come before or after the arguments
// (all that follows "--" is an argument), so that a stray argument can not
// hide the flags after it. It returns the arguments; when the command must
// stop (help asked, a bad flag, more than most arguments) it returns the
// exit code and true.
func (f *flags) parse(args []string, most int) ([]string, int, bool) {
	var pos []string
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			f.usage()
			return nil, exitOK, true
		}
		if err != nil {
			fmt.Fprintf(f.stderr, "rgpdoc %s : %s\n\n", f.Name(), frenchFlagError(err))
			f.usage()
			return nil, exitUsage, true
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	if len(pos) > most {
		fmt.Fprintf(f.stderr, "rgpdoc %s : argument inattendu « %s »\n\n", f.Name(), pos[most])
		f.usage()
		return nil, exitUsage, true
	}
	return pos, 0, false
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
