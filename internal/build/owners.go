package build

import (
	"path"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
)

// Every output file has one owner: a page, a file of content/ or static/,
// or a file the builder makes. Two owners of one path would leave one of
// them out without a word, and a path that is a file for one owner and a
// folder for another cannot be written at all. Paths are compared without
// regard to case: a reader cannot tell /About/ from /about/ on a printed
// page, and macOS and Windows disks cannot either.

// owner is what publishes an output file.
type owner struct {
	file      string // the output path
	source    string // the file it is made from, "" for the builder's own
	what      string // for the builder's own: what the file is
	line, col int
	rank      int // who keeps the path in the output when two claim it
}

// Ranks: the builder's files first, then pages, files beside them, static files.
const (
	rankBuilder = iota
	rankPage
	rankContent
	rankStatic
)

// notTheAuthors are files an author may not publish, and why.
var notTheAuthors = map[string]string{
	"_redirects": "the builder writes _redirects from the pages' aliases and the worksheets' short links, " +
		"so the two cannot both be published: give a moved page `aliases: [/its/old/url/]` in its front matter, " +
		"or write any other rule as [[redirects]] in netlify.toml",
	"_headers": "Netlify would add these headers to the ones netlify.toml sets, which guide serve applies too " +
		"and the tests check against the pages: write them in netlify.toml instead",
}

// checkOwners finds paths claimed twice. The answer holds while the same
// pages, files and builder's files make up the output.
func (c *checkStage) checkOwners() {
	if c.samePlaces() {
		c.next.owners = c.last.owners
	} else {
		c.next.owners = ownerProblems(c.owners())
	}
	c.next.problems.Append(c.next.owners)
}

// owners lists what claims each output path.
func (c *checkStage) owners() []owner {
	in := c.in
	var list []owner
	for _, ps := range c.pages.all {
		p := ps.page
		if p.Made {
			list = append(list, owner{file: ps.file, what: madeWhat(p), rank: rankBuilder})
		} else {
			list = append(list, owner{file: ps.file, source: p.Source, line: p.Meta.Line("slug"), col: 1, rank: rankPage})
		}
	}
	for name := range in.resources {
		list = append(list, owner{file: name, source: layout.Root + "/" + name, line: 1, col: 1, rank: rankContent})
	}
	for name, src := range in.assets.Sources {
		list = append(list, owner{file: name, source: src, line: 1, col: 1, rank: rankStatic})
	}
	for name, what := range c.out.made {
		list = append(list, owner{file: name, what: what, rank: rankBuilder})
	}
	return list
}

// madeWhat says what a page the builder makes up is.
func madeWhat(p *content.Page) string {
	switch p.Kind {
	case content.NotFound:
		return "the page for addresses that lead nowhere"
	case content.Print:
		return "the whole guide to print"
	}
	return "the list of the pages of content/" + p.Section + "/"
}

// ownerProblems reports each path claimed twice, and each path that is a
// folder for one owner and a file for another, once, at the author's file.
func ownerProblems(list []owner) diag.List {
	problems := diag.List{}
	sort.Slice(list, func(i, k int) bool {
		a, b := list[i], list[k]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.source < b.source || a.source == b.source && a.file < b.file
	})
	first := map[string]owner{} // by lower-case path
	var kept []owner
	for _, o := range list {
		key := strings.ToLower(o.file)
		if reason, ok := notTheAuthors[key]; ok && o.source != "" {
			problems.Add(o.source, o.line, o.col, "%s", reason)
			continue
		}
		if f, taken := first[key]; taken {
			problems.Add(o.source, o.line, o.col, "%s is published at /%s, %s: %s", o.name(), o.file, f.alsoThere(o), o.advice(f))
			continue
		}
		first[key] = o
		kept = append(kept, o)
	}
	for _, o := range kept {
		key := strings.ToLower(o.file)
		for dir := path.Dir(key); dir != "."; dir = path.Dir(dir) {
			if f, isFile := first[dir]; isFile {
				at, other := o, f
				if f.rank > o.rank {
					at, other = f, o
				}
				problems.Add(at.source, at.line, at.col, "%s is published at /%s, and %s at /%s: one address cannot be a file and a folder; %s",
					at.name(), at.file, other.name(), other.file, at.advice(other))
				break
			}
		}
	}
	return problems
}

// name is how a message names the owner.
func (o owner) name() string {
	if o.source == "" {
		return o.what
	}
	if o.rank == rankPage {
		return "this page"
	}
	return "this file"
}

// alsoThere says that f publishes the same path as o.
func (f owner) alsoThere(o owner) string {
	if f.source == "" {
		return "where the builder puts " + f.what
	}
	s := "where " + f.source + " is published too"
	if f.file != o.file {
		s += " (as /" + f.file + ": readers, and the disks of macOS and Windows, take capitals and small letters as the same)"
	}
	return s
}

// advice is what the author can do about o's path, which other claims too.
func (o owner) advice(other owner) string {
	switch {
	case o.rank == rankPage:
		return "give the page another file name or `slug`"
	case other.source == "":
		return "rename or move this file"
	}
	return "rename or move one of them"
}
