package build

import (
	"github.com/trustguide/guide/internal/content"
	"github.com/trustguide/guide/internal/offline"
)

// workerURL is where pages find the service worker, unless the build is for
// guide serve.
func (b *run) workerURL() string {
	if b.opt.DevServer {
		return ""
	}
	return "/" + offline.WorkerPath
}

// makeOfflineFiles adds the web app manifest and the service worker, made
// from the finished output, so it runs after every other file is made. The
// worker keeps what a reader needs without a connection: the home page,
// lists, articles, worksheets and the pages at the top of the site (about,
// safety...).
func (b *run) makeOfflineFiles() {
	c := b.site.Config
	b.files[offline.ManifestPath] = offline.Manifest(offline.App{Name: c.Title, Description: c.Description, Language: c.Language}, b.files)
	if b.opt.DevServer {
		b.files[offline.WorkerPath] = offline.Retired()
		return
	}
	var pages []string
	for _, p := range b.pages {
		switch p.Kind {
		case content.Home, content.Section, content.Worksheets, content.Article, content.Worksheet:
			pages = append(pages, p.URL)
		case content.Plain:
			if p.Section == "" {
				pages = append(pages, p.URL)
			}
		}
	}
	b.files[offline.WorkerPath] = offline.Worker(b.files, pages, &b.Builder.sums)
}
