package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/sitefs"
	"github.com/trustguide/guide/internal/translation"
)

// newTranslation starts the translation of an English page: the English
// text, to translate in place, in a draft at the same path under the
// language's folder. It never replaces a file.
func newTranslation(stdout, stderr io.Writer, rootDir, code, arg string) error {
	site, err := sitefs.Open(rootDir)
	if err != nil {
		return err
	}
	defer site.Close()
	langs := layout.Languages(site)[1:]
	lang, why := targetLang(langs, code)
	if why != "" {
		fmt.Fprintf(stderr, "guide new translation: %s\n", why)
		return errUsage
	}
	english, why := englishPage(rootDir, langs, arg)
	if why != "" {
		fmt.Fprintf(stderr, "guide new translation: %s: %s\n", arg, why)
		return errUsage
	}
	data, err := fs.ReadFile(site, english)
	if err != nil {
		return err
	}
	started, err := translation.Start(data, lang.Code)
	if err != nil {
		fmt.Fprintf(stderr, "%s:1:1: %v\n", english, err)
		return errSite
	}
	target := translation.TranslationOf(english, lang.Code)
	err = createFile(filepath.Join(rootDir, filepath.FromSlash(target)), started)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: edit it, then run \"guide translations -mark %s\"; \"guide translations\" says whether it is up to date", target, target)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s, a draft holding the English text of %s: translate it in place, delete the note at its top and \"draft: true\", then run \"guide translations -mark %s\"\n", target, english, target)
	return nil
}

// targetLang is the language -lang names, or the site's one translation
// language when -lang is not given.
func targetLang(langs []layout.Lang, code string) (layout.Lang, string) {
	if code != "" {
		if l, ok := findLang(langs, code); ok {
			return l, ""
		}
		return layout.Lang{}, "-lang " + code + ": " + noSuchLang(langs, code)
	}
	switch len(langs) {
	case 0:
		return layout.Lang{}, fmt.Sprintf("the site has no language to translate into: make a folder like %s/fr/ holding its own %s (language: fr-CA), then run this again", layout.Root, layout.Settings)
	case 1:
		return langs[0], ""
	}
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.Code)
	}
	return layout.Lang{}, "the site has several languages (" + strings.Join(codes, ", ") + "): say which with -lang"
}

// englishPage finds the English page a file argument names, or says why it
// is none.
func englishPage(rootDir string, langs []layout.Lang, arg string) (string, string) {
	file, why := pageArg(rootDir, arg)
	if why != "" {
		return "", why
	}
	if l, ok := langOf(langs, file); ok {
		return "", "it is a page in " + l.Dir + "/ already: give the English page to translate, " + translation.EnglishOf(file, l.Code)
	}
	return file, ""
}
