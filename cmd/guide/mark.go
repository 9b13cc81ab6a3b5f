package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/translation"
)

// marking is one translation to mark: its path in the site, its English
// page's, and its bytes once marked.
type marking struct {
	file, english string
	old, new      []byte
}

// markTranslations writes the English page's hash in each file's source:.
// Every file is checked first: if any is not a translation, or cannot be
// marked, nothing is written.
func markTranslations(stdout, stderr io.Writer, rootDir string, site fs.FS, langs []layout.Lang, files []string) error {
	var todo []marking
	var refused, failed bool
	for _, arg := range files {
		file, english, why := pairOf(rootDir, site, langs, arg)
		if why != "" {
			fmt.Fprintf(stderr, "guide translations -mark: %s: %s\n", arg, why)
			refused = true
			continue
		}
		m, err := prepareMark(site, file, english)
		if err != nil {
			fmt.Fprintf(stderr, "%s:1:1: %v\n", file, err)
			failed = true
			continue
		}
		todo = append(todo, m)
	}
	switch {
	case refused:
		return errUsage
	case failed:
		return errSite
	}
	for _, m := range todo {
		if err := writeMark(stdout, rootDir, m); err != nil {
			return err
		}
	}
	return nil
}

func prepareMark(site fs.FS, file, english string) (marking, error) {
	m := marking{file: file, english: english}
	old, err := fs.ReadFile(site, file)
	if err != nil {
		return m, err
	}
	eng, err := fs.ReadFile(site, english)
	if err != nil {
		return m, err
	}
	m.old = old
	m.new, err = translation.Mark(old, eng)
	return m, err
}

func writeMark(stdout io.Writer, rootDir string, m marking) error {
	if string(m.old) == string(m.new) {
		fmt.Fprintf(stdout, "%s already records %s as it is now\n", m.file, m.english)
		return nil
	}
	if err := replaceFile(filepath.Join(rootDir, filepath.FromSlash(m.file)), m.new); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "marked %s as translating %s as it is now\n", m.file, m.english)
	return nil
}

// pairOf finds the translation a FILE argument names and its English page,
// or says why it is not a translation that can be marked.
func pairOf(rootDir string, site fs.FS, langs []layout.Lang, arg string) (file, english, why string) {
	file, why = pageArg(rootDir, arg)
	if why != "" {
		return "", "", why
	}
	l, ok := langOf(langs, file)
	if !ok {
		return "", "", notATranslation(langs, file)
	}
	english = translation.EnglishOf(file, l.Code)
	if _, err := fs.Stat(site, english); err != nil {
		return "", "", fmt.Sprintf("its English page, %s, does not exist: a translation has the same path under %s/ as the page it translates (a page of this language alone has no source: to record)", english, l.Dir)
	}
	return file, english, ""
}

// pageArg finds the page a file argument names, or says why it is none.
func pageArg(rootDir, arg string) (file, why string) {
	file, ok := sitePath(rootDir, arg)
	if !ok {
		return "", "it is not in the site's folder " + rootDir
	}
	info, err := os.Lstat(filepath.Join(rootDir, filepath.FromSlash(file)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", "no such file: give its path from the site's folder, like " + layout.Root + "/articles/acknowledge.md, or from this one"
	case err != nil:
		return "", err.Error()
	case !info.Mode().IsRegular():
		return "", "it is not a plain file: give the file itself"
	case !content.IsPage(file):
		return "", "it is not a page: a page is a markdown file under " + layout.Root + "/, like " + layout.Root + "/about.md"
	}
	return file, ""
}

// langOf finds the language whose folder holds a page; English pages have
// none.
func langOf(langs []layout.Lang, file string) (layout.Lang, bool) {
	for _, l := range langs {
		if strings.HasPrefix(file, l.Dir+"/") {
			return l, true
		}
	}
	return layout.Lang{}, false
}

// notATranslation says why a page outside every language's folder cannot
// be marked, naming its translations.
func notATranslation(langs []layout.Lang, file string) string {
	if len(langs) == 0 {
		return "it is an English page, and the site has no translations yet"
	}
	var pairs []string
	for _, l := range langs {
		pairs = append(pairs, translation.TranslationOf(file, l.Code))
	}
	return "it is an English page, not a translation: mark its translation, " + strings.Join(pairs, " or ")
}

// sitePath turns a file argument into a path in the site, as messages give
// it ("content/fr/about.md"). The argument may be written from the site's
// folder, as messages print it, or from the current folder; a file that
// is in neither is looked for in the site's folder.
func sitePath(rootDir, arg string) (string, bool) {
	if !filepath.IsAbs(arg) && (exists(filepath.Join(rootDir, arg)) || !exists(arg)) {
		return inside(filepath.Clean(arg))
	}
	absRoot, err1 := filepath.Abs(rootDir)
	absArg, err2 := filepath.Abs(arg)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absRoot, absArg)
	if err != nil {
		return "", false
	}
	return inside(rel)
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}

// inside returns a relative path with slashes, unless it leads out.
func inside(rel string) (string, bool) {
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") || rel == "." {
		return "", false
	}
	return rel, true
}
