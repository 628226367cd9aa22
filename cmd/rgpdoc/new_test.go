package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestNewPassesCheck creates a starter organization in an empty folder: it
// must pass check, with warnings only for the facts still to fill in.
func TestNewPassesCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"new", "--content", dir, "--nom", "Acme: Santé & Co", "acme"}, &out, &errb); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, errb.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"check", "--content", dir, "--format", "json"}, &out, &errb); code != exitOK {
		t.Fatalf("check after new: exit %d:\n%s", code, out.String())
	}
	var report struct{ Errors, Warnings int }
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if report.Errors != 0 || report.Warnings == 0 {
		t.Errorf("want warnings only for the facts to fill in, got %+v:\n%s", report, out.String())
	}
	if code := run(context.Background(), []string{"new", "--content", dir, "acme"}, &out, &errb); code != exitUsage {
		t.Errorf("new over an existing organization: exit %d, want %d", code, exitUsage)
	}
	if _, err := os.Stat(filepath.Join(dir, "_defaults", "droits.yaml")); err != nil {
		t.Errorf("defaults not written: %v", err)
	}
}

func TestNewRejectsBadID(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"new", "--content", t.TempDir(), "Mon Org"}, &out, &errb); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
}
