package main

import (
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/sitefs"
	"github.com/trustguide/guide/internal/translation"
)

// cmdTranslations prints, per language, how current each translation is;
// with -mark, it records that the files given translate their English
// pages as they are now.
func cmdTranslations(args []string, stdout, stderr io.Writer) error {
	flagSet := flags("translations", stdout, stderr)
	rootDir := flagSet.String("root", ".", "read the site from the folder `DIR`")
	lang := flagSet.String("lang", "", "report the language `CODE` alone (the name of its folder: fr); default every language")
	mark := flagSet.Bool("mark", false, "record in each FILE given that it translates its English page as it is now (its source:)")
	files, err := flagSet.parseAll(args)
	if err != nil {
		return err
	}
	if *mark == (len(files) == 0) {
		fmt.Fprint(stderr, "usage: guide translations [-root DIR] [-lang CODE]\n       guide translations [-root DIR] -mark FILE...\n")
		return errUsage
	}
	if err := needSite(stderr, "translations", *rootDir); err != nil {
		return err
	}
	site, err := sitefs.Open(*rootDir)
	if err != nil {
		return err
	}
	defer site.Close()
	langs := layout.Languages(site)[1:]
	if *mark {
		return markTranslations(stdout, stderr, *rootDir, site, langs, files)
	}
	if *lang != "" {
		l, ok := findLang(langs, *lang)
		if !ok {
			fmt.Fprintf(stderr, "guide translations: -lang %s: %s\n", *lang, noSuchLang(langs, *lang))
			return errUsage
		}
		langs = []layout.Lang{l}
	}
	return report(stdout, *rootDir, site, langs)
}

// report writes each language's table, saying since when a translation is
// out of date where version control tells, and lists any translation whose
// English page is gone. It is a report: what it finds is no error.
func report(w io.Writer, rootDir string, site fs.FS, langs []layout.Lang) error {
	if len(langs) == 0 {
		_, err := fmt.Fprintf(w, "the site has no translations: a language is a folder of %s/ holding its own %s, like %s/fr/%s\n", layout.Root, layout.Settings, layout.Root, layout.Settings)
		return err
	}
	codes := make([]string, len(langs))
	for i, l := range langs {
		codes[i] = l.Code
	}
	for i, l := range langs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		entries := translation.Status(site, l.Code, codes)
		for i, e := range entries {
			if e.State == translation.OutOfDate {
				entries[i].Since = gitSince(rootDir, e.English, e.Source())
			}
		}
		if err := translation.WriteTable(w, l.Code, entries); err != nil {
			return err
		}
		for _, d := range translation.Orphans(site, l.Code) {
			fmt.Fprintln(w, d.String())
		}
	}
	return nil
}

func findLang(langs []layout.Lang, code string) (layout.Lang, bool) {
	for _, l := range langs {
		if l.Code == code {
			return l, true
		}
	}
	return layout.Lang{}, false
}

// noSuchLang says why code is not a language to translate into, and which
// ones are.
func noSuchLang(langs []layout.Lang, code string) string {
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.Code)
	}
	why := fmt.Sprintf("the site has no folder %s/%s/ holding a %s", layout.Root, code, layout.Settings)
	if code == layout.English.Code {
		why = "English is the language the pages are translated from"
	}
	if len(codes) == 0 {
		return why + "; it has no translations yet"
	}
	return why + "; its translations are in: " + strings.Join(codes, ", ")
}
