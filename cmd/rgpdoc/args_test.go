package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArguments checks that flags are read wherever they are, and that no
// command takes an argument it does not expect: a stray argument used to stop
// the parsing of the flags, and silently dropped --strict.
func TestArguments(t *testing.T) {
	warnings := filepath.Join("..", "..", "testdata", "check", "sauvegarde-non-chiffree", "content")
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"strict after the folder", []string{"check", "--content", warnings, "--strict"}, exitFindings, ""},
		{"strict first", []string{"check", "--strict", "--content", warnings}, exitFindings, ""},
		{"check argument", []string{"check", warnings, "--strict"}, exitUsage, "argument inattendu « " + warnings + " »"},
		{"check argument last", []string{"check", "--strict", "oops"}, exitUsage, "argument inattendu « oops »"},
		{"flag after --", []string{"check", "--content", warnings, "--", "--strict"}, exitUsage, "argument inattendu « --strict »"},
		{"build argument", []string{"build", "oops", "--strict"}, exitUsage, "argument inattendu « oops »"},
		{"build argument last", []string{"build", "--strict", "--out", filepath.Join(dir, "public"), "oops"}, exitUsage, "argument inattendu « oops »"},
		{"schema argument", []string{"schema", "oops"}, exitUsage, "argument inattendu « oops »"},
		{"version argument", []string{"version", "oops"}, exitUsage, "argument inattendu « oops »"},
		{"serve argument", []string{"serve", "oops", "--open"}, exitUsage, "argument inattendu « oops »"},
		{"new two ids", []string{"new", "--content", dir, "acme", "autre"}, exitUsage, "argument inattendu « autre »"},
		{"new flags after the id", []string{"new", "acme", "--content", dir, "--nom", "Acme Santé SA"}, exitOK, ""},
		{"help after an argument", []string{"check", "oops", "-h"}, exitOK, "Usage : rgpdoc check"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb strings.Builder
			if code := run(context.Background(), tc.args, &out, &errb); code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errb.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("a refused build wrote its output folder")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "acme", "organisation.yaml")); !strings.Contains(string(b), "Acme Santé SA") {
		t.Errorf("--nom after the id was not used:\n%s", b)
	}
}

// TestInterruptible interrupts a command that reads: it stops at once, with
// the exit code of an interruption, whatever it was waiting for.
func TestInterruptible(t *testing.T) {
	ctx, interrupt := context.WithCancel(context.Background())
	blocked := make(chan struct{})
	defer close(blocked)
	var errb strings.Builder
	go interrupt()
	if code := interruptible(ctx, &errb, "check", func() int { <-blocked; return exitOK }); code != exitInterrupted {
		t.Errorf("exit code %d, want %d", code, exitInterrupted)
	}
	if errb.String() != "rgpdoc check : interrompu.\n" {
		t.Errorf("stderr %q", errb.String())
	}
}
