package build

import (
	"hash/maphash"
	"strconv"

	"github.com/trustguide/guide/internal/render"
)

// The keys below hash what templates are given, so a rebuild can tell
// which pages would come out the same. A page's own body is not hashed: a
// page whose body changed is drawn again anyway.

var keySeed = maphash.MakeSeed()

type keyWriter struct{ h maphash.Hash }

func newKeyWriter() *keyWriter {
	k := &keyWriter{}
	k.h.SetSeed(keySeed)
	return k
}

func (k *keyWriter) str(parts ...string) {
	for _, s := range parts {
		k.h.WriteString(s)
		k.h.WriteByte(0)
	}
}

func (k *keyWriter) num(parts ...int) {
	for _, n := range parts {
		k.str(strconv.Itoa(n))
	}
}

func (k *keyWriter) link(l *render.Link) {
	if l == nil {
		k.str("-")
		return
	}
	k.str(l.Title, l.URL, l.Description, strconv.FormatBool(l.Current))
	k.num(l.Step)
}

func (k *keyWriter) links(ls []render.Link) {
	k.num(len(ls))
	for i := range ls {
		k.link(&ls[i])
	}
}

func (k *keyWriter) worksheet(w *render.WorksheetInfo) {
	if w == nil {
		k.str("-")
		return
	}
	k.link(&w.Link)
	k.num(w.Minutes)
	k.str(w.For, w.ForLabel, w.Short, w.ShortURL) // the QR code is made from ShortURL
	k.link(w.Article)
}

// siteKey hashes the site's view: settings, menu and the guided path.
func siteKey(v *render.SiteView) uint64 {
	k := newKeyWriter()
	k.str(v.Title, v.Language, v.Description, v.BaseURL, v.QuickExit, v.Worker)
	for _, c := range v.Crisis {
		k.str(c.Name, c.Detail, string(c.Href))
	}
	k.links(v.Menu)
	k.links(v.Path)
	k.num(v.Worksheets)
	return k.h.Sum64()
}

// viewKey hashes a page's view, all but its body.
func viewKey(v *render.PageView) uint64 {
	k := newKeyWriter()
	k.str(v.Kind, v.Title, v.Description, v.URL, v.Permalink, v.Date, v.Updated, strconv.FormatBool(v.IsForm))
	k.num(v.Minutes, v.Step, v.Steps, len(v.TOC), len(v.Tags))
	for _, h := range v.TOC {
		k.num(h.Level)
		k.str(h.ID, h.Text)
	}
	k.str(v.Tags...)
	k.links(v.Breadcrumbs)
	k.link(v.Prev)
	k.link(v.Next)
	k.links(v.Children)
	k.num(len(v.Worksheets))
	for _, w := range v.Worksheets {
		k.worksheet(w)
	}
	k.link(v.Article)
	k.worksheet(v.Worksheet)
	return k.h.Sum64()
}
