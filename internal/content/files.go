package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/sitefs"
)

// What is published from content/ — one rule, used by the build and by the
// watcher:
//
//   - markdown files (.md) become pages;
//   - files of a kind a web site serves (published) are copied as they are,
//     at the same place: images, PDF, audio, video, captions, plain text;
//   - hidden files and folders and editors' backup, swap, lock and temporary
//     files (Ignored) are never read, never published and never rebuilt for;
//   - but .well-known/ at the top (security.txt and the like, which other
//     sites look for there) is published whole, whatever its files' kinds;
//   - _redirects and _headers at the top are read, for the build to refuse
//     them with a reason: they are Netlify's, and the builder makes one;
//   - any other file is left out, with a warning that says so.
//
// site.yaml and urls.txt are read by the build and never published.

// published lists the file name extensions copied from content/.
var published = map[string]bool{
	// images
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true, ".ico": true,
	// documents
	".pdf": true, ".txt": true,
	// audio and video, and their captions
	".mp3": true, ".m4a": true, ".ogg": true, ".oga": true, ".opus": true, ".wav": true, ".flac": true,
	".mp4": true, ".m4v": true, ".webm": true, ".ogv": true, ".vtt": true,
}

// Published reports whether a file of this name under content/ is copied to
// the site (markdown aside, which becomes pages).
func Published(name string) bool {
	return !Ignored(name) && published[strings.ToLower(path.Ext(name))]
}

// Ignored reports whether a file or folder name is never part of a site:
// hidden files (vim's .x.swp, emacs's .#x lock, .DS_Store, .git), the
// files Windows keeps in folders, and editors' temporary, swap and backup
// files. The build skips them and the
// watcher does not rebuild for them.
func Ignored(name string) bool {
	switch {
	case name == WellKnown:
		return false
	case strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // emacs auto-save
		name == "4913": // vim's probe for whether it may write in the folder
		return true
	}
	lower := strings.ToLower(name)
	if lower == "thumbs.db" || lower == "ehthumbs.db" || lower == "desktop.ini" {
		return true // Windows' folder files: a thumbs.db keeps pictures of images since deleted
	}
	for _, suffix := range []string{
		"~",               // backups: vim, emacs, gedit
		".bak", ".backup", // backups: many editors
		".orig", ".rej", // left by merges and patches
		".save",                // nano
		".swp", ".swx", ".swo", // vim swap
		".kate-swp",     // kate swap
		".tmp", ".temp", // many editors' atomic saves
		".lock",                        // lock files
		"___jb_tmp___", "___jb_old___", // JetBrains' safe write
	} {
		if strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	return false
}

// WellKnown is the folder other sites look in for a site's own files
// (RFC 8615): the one hidden folder published.
const WellKnown = ".well-known"

// Scan lists the markdown files and the files to publish in a language's
// folder (content/ in English), leaving out other languages' folders
// (layout.IsLanguageDir). Problems are files that cannot be part of a site:
// symlinks that leave the root or loop, named pipes, sockets and devices.
// Files of other kinds are left out with a warning.
func Scan(fsys fs.FS, lang layout.Lang, problems *diag.List) (markdown, resources []string) {
	err := fs.WalkDir(fsys, lang.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems.Add(p, 0, 0, "cannot read: %v", ReadError(err))
			return nil
		}
		if p != lang.Dir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && p != lang.Dir && layout.IsLanguageDir(fsys, p) {
			return fs.SkipDir // another language's site, with its own settings
		}
		if d.IsDir() && p != lang.Dir && p != layout.Root+"/"+WellKnown && !isURLName(d.Name()) {
			problems.Add(p, 0, 0, "the folder name %q cannot be part of a web address: rename it with letters, digits and dashes", d.Name())
			return fs.SkipDir
		}
		if d.IsDir() || !usable(fsys, p, d, problems) {
			return nil
		}
		switch {
		case p == lang.Settings() || p == ManifestPath:
		case strings.HasPrefix(p, layout.Root+"/"+WellKnown+"/"), p == layout.Root+"/_redirects", p == layout.Root+"/_headers":
			resources = append(resources, p)
		case strings.HasSuffix(p, ".md"):
			markdown = append(markdown, p)
		case Published(d.Name()):
			resources = append(resources, p)
		default:
			problems.Warn(p, 0, 0, "not published: only pages (.md) and files a site serves (images, PDF, audio, video, .txt) are copied from content/; move this file out of content/, or into static/ if readers need it")
		}
		return nil
	})
	if err != nil {
		problems.Add(lang.Dir, 0, 0, "cannot read the content folder: %v", ReadError(err))
	}
	return markdown, resources
}

// IsPage reports whether a root-relative path names a page file: a
// markdown file under content/, in folders whose names can be part of a
// URL and are not hidden or ignored.
func IsPage(name string) bool {
	parts := strings.Split(name, "/")
	if len(parts) < 2 || parts[0] != layout.Root || !strings.HasSuffix(name, ".md") {
		return false
	}
	for i, part := range parts[1:] {
		if Ignored(part) || i < len(parts)-2 && !isURLName(part) {
			return false // Scan reports a folder whose name cannot be in a URL
		}
	}
	return true
}

// usable reports whether the entry at p is a regular file, or a symlink to
// one inside the site; it records why not.
func usable(fsys fs.FS, p string, d fs.DirEntry, problems *diag.List) bool {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := fs.Stat(fsys, p)
		switch {
		case err != nil:
			problems.Add(p, 0, 0, "this symlink leaves the site folder, loops or points nowhere: replace it with the file itself")
			return false
		case info.IsDir():
			problems.Add(p, 0, 0, "symlinked folders are not followed: move the folder here instead")
			return false
		}
		mode = info.Mode()
	}
	if !mode.IsRegular() {
		problems.Add(p, 0, 0, "%v", sitefs.NotRegular(mode))
		return false
	}
	return true
}
