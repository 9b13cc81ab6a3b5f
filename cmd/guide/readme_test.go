package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestREADMEFlags: the README's command lines show every flag each command
// takes, and no other (it left out check's -grades, and new's -root).
func TestREADMEFlags(t *testing.T) {
	shown := map[string][]string{}
	line := regexp.MustCompile("(?m)^go run ./cmd/guide (\\w+)([^#\\n]*)")
	for _, m := range line.FindAllStringSubmatch(readme(t), -1) {
		for _, f := range regexp.MustCompile(`(?:^|[\s\[])(-[a-z-]+)`).FindAllStringSubmatch(m[2], -1) {
			shown[m[1]] = append(shown[m[1]], f[1])
		}
	}
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		var help bytes.Buffer
		c.run([]string{"-h"}, &help, &help)
		var takes []string
		for _, f := range regexp.MustCompile(`(?m)^  (-[a-z-]+)`).FindAllStringSubmatch(help.String(), -1) {
			takes = append(takes, f[1])
		}
		for _, f := range takes {
			if !slices.Contains(shown[c.name], f) {
				t.Errorf("the README's lines for guide %s do not show %s", c.name, f)
			}
		}
		for _, f := range shown[c.name] {
			if !slices.Contains(takes, f) {
				t.Errorf("the README shows guide %s %s, which it does not take", c.name, f)
			}
		}
	}
}

// TestREADMEPackages: the README's table of packages names every package
// of internal/ (it lacked diag, qrsvg and yamlerr), and only those.
func TestREADMEPackages(t *testing.T) {
	text := readme(t)
	text = text[strings.Index(text, "| package | one job |"):]
	text = text[:strings.Index(text, "\n\n")]
	named := map[string]bool{}
	for _, m := range regexp.MustCompile("`(internal/[a-z0-9/]+)").FindAllStringSubmatch(text, -1) {
		named[strings.TrimSuffix(m[1], "/")] = true
	}
	var dirs []string
	filepath.WalkDir("../../internal", func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			dirs = append(dirs, strings.TrimPrefix(filepath.ToSlash(filepath.Dir(p)), "../../"))
		}
		return err
	})
	for _, dir := range slices.Compact(dirs) {
		if !named[dir] && !strings.HasPrefix(dir, "internal/testkit/") {
			t.Errorf("the README's package table does not name %s", dir)
		}
		delete(named, dir)
	}
	delete(named, "internal/testkit")
	for dir := range named {
		t.Errorf("the README's package table names %s, which does not exist", dir)
	}
}
