package liveserver

import (
	"maps"

	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
)

// newSite holds one good build, never changed once published: a copy of
// its files, answered by Netlify's rules.
func newSite(files output.Files) *netlify.Site {
	return netlify.NewSite(maps.Clone(files))
}
