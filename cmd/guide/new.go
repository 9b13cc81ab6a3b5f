package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/markdown"
)

// scaffolds are the starting text of new files: front matter with every key
// the author is expected to fill in.
var scaffolds = map[string]string{
	"article": `---
title: %q
description: "One or two sentences: what this page helps with."
date: %s
draft: true
---

Start with a short paragraph that says who this page is for.

## A first heading

Short sentences. Plain words.
`,
	"worksheet": `---
title: %q
description: "One or two sentences: what filling this in helps with."
date: %s
draft: true
short: %s
minutes: 10
for: both
---

A short paragraph: what this worksheet is for, and that the answers stay on
this device.

## Questions

? A question with room for a long answer
? A short answer: ___
? How sure do I feel? [0-10: not at all | completely]
- [ ] Something I have done.
`,
}

func cmdNew(args []string, stdout, stderr io.Writer) error {
	flagSet := flags("new", stdout, stderr)
	rootDir := flagSet.String("root", ".", "read the site from the folder `DIR`")
	lang := flagSet.String("lang", "", "translate into the language `CODE` (the name of its folder: fr); needed only when the site has more than one")
	rest, err := flagSet.parseAll(args)
	if err != nil {
		return err
	}
	if err := needSite(stderr, "new", *rootDir); err != nil {
		return err
	}
	if len(rest) == 2 && rest[0] == "translation" {
		return newTranslation(stdout, stderr, *rootDir, *lang, rest[1])
	}
	if *lang != "" {
		fmt.Fprint(stderr, "guide new: -lang is for a translation: guide new translation content/PAGE.md -lang CODE\n")
		return errUsage
	}
	if len(rest) != 2 || scaffolds[rest[0]] == "" || strings.TrimSpace(rest[1]) == "" {
		fmt.Fprint(stderr, "usage: guide new article|worksheet \"Title\"\n       guide new translation content/PAGE.md [-lang CODE]\n")
		return errUsage
	}
	kind, title := rest[0], strings.TrimSpace(rest[1])
	slug := markdown.Slugify([]byte(title))
	if slug == "" {
		fmt.Fprintf(stderr, "guide new: the title %q has no letters or digits to make a file name from\n", title)
		return errUsage
	}
	rel := filepath.Join("content", kind+"s", slug+".md")
	name := filepath.Join(*rootDir, rel)
	text := fmt.Sprintf(scaffolds[kind], title, today(), slug)
	if kind == "article" {
		text = fmt.Sprintf(scaffolds[kind], title, today())
	}
	err = createFile(name, []byte(text))
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: choose another title, or edit that file", filepath.ToSlash(rel))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s (a draft: remove `draft: true` to publish it)\n", filepath.ToSlash(rel))
	return nil
}

// needSite refuses a folder that is not a site's, as when guide runs in
// content/ or a home folder: new would make content/articles/ there, for
// a page the site never sees.
func needSite(stderr io.Writer, cmd, rootDir string) error {
	info, err := os.Stat(filepath.Join(rootDir, layout.Root, layout.Settings))
	if err == nil && info.Mode().IsRegular() {
		return nil
	}
	where := "-root " + rootDir
	if rootDir == "." {
		where = "this folder"
	}
	fmt.Fprintf(stderr, "guide %s: %s holds no %s/%s: run guide in the site's folder, the one that holds %s/, or name it with -root DIR\n", cmd, where, layout.Root, layout.Settings, layout.Root)
	return errUsage
}
