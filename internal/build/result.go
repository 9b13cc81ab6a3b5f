package build

import (
	"fmt"
	"maps"
	"time"

	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/offline"
	"github.com/trustguide/guide/internal/output"
	"github.com/trustguide/guide/internal/readability"
)

// Result is a finished build.
type Result struct {
	Files    output.Files      // all but the pages put in the output folder (Publish)
	Problems diag.List         // sorted; the site is only usable when !Problems.HasErrors()
	Pages    int               // HTML pages made from markdown
	Forms    int               // worksheets
	Manifest []byte            // content/urls.txt with this build's URLs added; nil when it must not be written
	Sources  map[string]string // output HTML file → the source it was made from
	Changed  string            // what the build was for: "everything", a file, "templates"...
	Drawn    int               // pages drawn again (the rest were reused)
	Elapsed  time.Duration
	texts    []pageText             // for Grades
	put      map[string]offline.Sum // the pages put in the output folder (Publish)
}

// pageText is the readable text of a page that readers are graded on, and
// its language's tag.
type pageText struct{ source, lang, text string }

// gradeIn grades a text with the formula made for its language, English's
// where there is none.
func gradeIn(tag, text string) readability.Score {
	if l, ok := readability.For(tag); ok {
		return l.Grade(text)
	}
	return readability.Grade(text)
}

// Grades returns the reading grade of each article, worksheet and plain
// page, by source, for a build with Options.Grades. Only "guide check"
// asks, so other builds neither grade pages nor keep their text.
func (r Result) Grades() []Grade {
	grades := make([]Grade, len(r.texts))
	parallel(len(r.texts), func(_, i int) {
		grades[i] = Grade{Source: r.texts[i].source, Score: gradeIn(r.texts[i].lang, r.texts[i].text)}
	})
	return grades
}

// Grade is one page's reading grade.
type Grade struct {
	Source string
	readability.Score
}

// Summary is the one line "guide build" prints.
func (r Result) Summary() string {
	size := r.Files.Size()
	for _, sum := range r.put {
		size += int64(sum.Size())
	}
	return fmt.Sprintf("built %s (%s), %s, %d bytes in %d ms", diag.Count(r.Pages, "page"), diag.Count(r.Forms, "worksheet"),
		diag.Count(len(r.Files)+len(r.put), "file"), size, r.Elapsed.Milliseconds())
}

// result is what the build made, for its caller.
func (j *job) result(s *state) Result {
	r := Result{Files: s.out.files, Problems: s.problems().Sort(), Sources: s.out.sources,
		Changed: j.plan.summary(), Drawn: int(j.drawn.Load()), put: s.out.put}
	if len(r.put) > 0 {
		r.Files = maps.Clone(r.Files)
		maps.DeleteFunc(r.Files, func(name string, _ []byte) bool { _, put := r.put[name]; return put })
	}
	if c := s.check.output; c != nil {
		r.Manifest = c.manifest
	}
	for _, ps := range s.pages.site {
		p := ps.page
		if p.Made {
			continue
		}
		r.Pages++
		if p.Kind == content.Worksheet {
			r.Forms++
		}
		if j.opt.Grades && (p.Kind == content.Article || p.Kind == content.Worksheet || p.Kind == content.Plain || p.Kind == content.Home) {
			r.texts = append(r.texts, pageText{p.Source, p.Lang.Tag, ps.body.text})
		}
	}
	return r
}
