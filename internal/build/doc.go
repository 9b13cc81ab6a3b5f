// Package build makes a whole site from its sources: a function from a
// source tree (an fs.FS holding content/, templates/ and static/) to an
// in-memory set of output files and a list of problems.
//
// Nothing here touches the disk: the caller writes the files (guide build,
// through Publish, which hands each page to the caller's output.Folder as
// soon as it is drawn, so that the whole site is never in memory at once),
// serves them (guide serve) or only looks at the problems (guide check).
// Site makes one build. A Builder makes one build after another: each
// reads the state the last one left, never changes it, and leaves its own.
//
// # Stages
//
// A build is five stages, one after another (job.run). Each is a function
// from the values of the stages before it, and its own value from the last
// build, to its new value; the state a build leaves is these values, and
// nothing else. A stage takes over from the last build what still holds,
// never changing it: a value of an earlier build is read, never written.
// Given the very value its last one was made from, a stage returns its
// last value whole, so a change that nothing reads keeps every value.
// What changed since the last build (the files read again, the pages that
// moved, the bodies with other ids) is the build's own (job), found by
// read, resolve and draw, and is never kept.
//
//  1. read (read.go): the source files, read and parsed: settings, the
//     markdown files (front matter parsed), the files beside the pages,
//     static files, templates and strings. Keeps inputs.
//  2. resolve (resolve.go, facts.go, makefacts.go): the pages checked
//     against each other, the place of each, each language's view of the
//     site, and the facts a page's view may read of other pages. Keeps
//     resolved.
//  3. draw (draw.go, readers.go, body.go, sourcelinks.go, builderpages.go):
//     each page's markdown rendered into its body, its links resolved into
//     URLs (links.go), and the page drawn; then the 404 page and the print
//     view. Keeps drawing.
//  4. write (write.go, listing.go): every file put in the output: the
//     pages, the files beside them and in static/, and the site-wide
//     files. Keeps written.
//  5. check (check.go, anchors.go, checkoutput.go, fields.go, owners.go):
//     every link problem, reported once: a body's own links, links to
//     other pages' headings, every internal link of the output; every URL
//     published before, translated worksheets' fields, one owner per
//     output path. Keeps checked.
//
// # The rebuild rule
//
// Every output is made from inputs the code names, and a build keeps an
// output while all of its inputs are the same. Each stage's file says its
// part; in short:
//
//   - read: a source file is read again when the watcher names it (or a
//     folder above it), and parsed again when its bytes changed;
//   - resolve: a page keeps its place while it is the same parse of the
//     same file; a fact is made again when what it is made from changed
//     (while every page keeps its place, only the facts of the pages that
//     show themselves otherwise are looked at);
//   - draw: a page's body is rendered again when its source changed, or
//     when a page, file or string it shows resolves otherwise: moved, gone,
//     a draft; a page is drawn again when its source or body changed, when
//     the site's view (settings, menu, which pages the guided path has) or
//     the templates and static files changed, or when something its view
//     read of other pages through draw.Reader — a page's link, a section's
//     list, a worksheet's details, the guided path's links (read only by
//     a template that shows .Site.Path, and by a site part that does for
//     every page that shows the part), the articles of the print view —
//     has another digest now (an index of the reads finds the pages that
//     read a fact that changed, so the others are not looked at);
//   - every language is drawn in the same build, each page with its
//     language's view and templates (whose strings are its language's);
//     a page's translations are facts it reads (draw.Reader.PageOf), so
//     a translation that comes or goes draws its pair again, and a
//     translation's link to a page not translated records both files and
//     the note's string, so that it resolves again when either changes;
//   - the warnings of out-of-date translations are made again in every
//     build, from the hash of each English page kept with its source;
//   - write: the sitemap, feed, robots.txt and _redirects are made again
//     when what they list of the pages changed; the search index, part by
//     part;
//   - check: links to other pages' headings are checked again when the page
//     was rendered again or a page it links into has other ids now; links
//     in the output are checked again in the files drawn and in the files
//     linking into them, and everywhere when the site's addresses changed;
//     so is the list of published URLs.
//
// A digest (internal/digest) is a hash of a whole value, so nothing is
// compared field by field by hand. TestIncrementalEqualsClean holds the
// rule honest: after any series of edits an author makes, the output and
// the problems equal a clean build of the same tree.
package build
