// Package printview joins the rendered bodies of many articles into one
// page, /print/, the whole guide to read on paper: each body keeps its own
// ids and links working once it sits beside the others.
package printview

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// ChapterIDs gives each article of the print view the id of its chapter:
// "chapter-" and its slug, with a number added when two slugs are the same.
func ChapterIDs(slugs []string) []string {
	ids := make([]string, len(slugs))
	taken := map[string]bool{}
	for i, s := range slugs {
		id := "chapter-" + s
		for n := 2; taken[id]; n++ {
			id = "chapter-" + s + "-" + strconv.Itoa(n)
		}
		taken[id] = true
		ids[i] = id
	}
	return ids
}

// Body returns one article's rendered body as a chapter of the print view
// whose id is chapter:
//   - every id becomes chapter + "--" + id, so no two chapters share one,
//     and attributes that refer to ids follow;
//   - a link to a heading of the same article, or to another article of the
//     print view (chapters maps its URL, "/articles/x/", to its chapter's
//     id), leads to that place in the print view;
//   - headings go one level down: the chapter's title is its <h2>.
//
// Everything else is copied as it is.
func Body(body, chapter string, chapters map[string]string) string {
	var out bytes.Buffer
	out.Grow(len(body) + len(body)/8)
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String() // the end: the body was made by the builder, so it parses
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if rewrite(&t, chapter, chapters) {
				writeTag(&out, t)
				continue
			}
		case html.EndTagToken:
			if t := z.Token(); demote(&t) {
				out.WriteString("</" + t.Data + ">")
				continue
			}
		}
		out.Write(z.Raw())
	}
}

// idRefs are the attributes that name ids of the same page.
var idRefs = map[string]bool{"for": true, "aria-labelledby": true, "aria-describedby": true, "aria-controls": true, "headers": true}

// rewrite changes a start tag for the print view and reports whether it
// changed.
func rewrite(t *html.Token, chapter string, chapters map[string]string) bool {
	changed := demote(t)
	for i := range t.Attr {
		a := &t.Attr[i]
		switch {
		case a.Key == "id":
			a.Val = chapter + "--" + a.Val
		case idRefs[a.Key]:
			refs := strings.Fields(a.Val)
			for j := range refs {
				refs[j] = chapter + "--" + refs[j]
			}
			a.Val = strings.Join(refs, " ")
		case a.Key == "href":
			v, ok := link(a.Val, chapter, chapters)
			if !ok {
				continue
			}
			a.Val = v
		default:
			continue
		}
		changed = true
	}
	return changed
}

// link returns where href leads in the print view, if it leads there.
func link(href, chapter string, chapters map[string]string) (string, bool) {
	target, fragment, _ := strings.Cut(href, "#")
	if target == "" {
		return "#" + chapter + "--" + fragment, fragment != ""
	}
	id, ok := chapters[target]
	switch {
	case !ok:
		return "", false
	case fragment == "":
		return "#" + id, true
	}
	return "#" + id + "--" + fragment, true
}

// demote moves a heading one level down (h6 stays h6) and reports whether
// the tag is a heading.
func demote(t *html.Token) bool {
	if len(t.Data) != 2 || t.Data[0] != 'h' || t.Data[1] < '1' || t.Data[1] > '6' {
		return false
	}
	if t.Data[1] < '6' {
		t.Data = "h" + string(t.Data[1]+1)
	}
	return true
}

func writeTag(out *bytes.Buffer, t html.Token) {
	out.WriteString("<" + t.Data)
	for _, a := range t.Attr {
		out.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
	}
	if t.Type == html.SelfClosingTagToken {
		out.WriteString("/>")
		return
	}
	out.WriteString(">")
}
