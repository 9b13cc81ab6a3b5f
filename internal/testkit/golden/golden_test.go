package golden

import (
	"strings"
	"testing"
)

// page is a small page with what the layout must keep as it is: spaces
// between links, the content of pre, textarea and script.
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>` +
	`<nav><a href="/">Home</a> <a href="/x/">X</a></nav><main><h1>Title</h1>` +
	`<pre>  keep
    <b>this</b>
</pre><ul><li>one</li><li><p>two</p><p>three</p></li></ul><!-- a note -->` +
	"<label>Answer</label>\n<textarea>\n  as typed\n</textarea>" +
	`<script>if (a<b) { go() }</script></main></body></html>`

const pageLaidOut = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>T</title>
  </head>
  <body>
    <nav><a href="/">Home</a> <a href="/x/">X</a></nav>
    <main>
      <h1>Title</h1>
      <pre>  keep
    <b>this</b>
</pre>
      <ul>
        <li>one</li>
        <li>
          <p>two</p>
          <p>three</p>
        </li>
      </ul>
      <!-- a note -->
      <label>Answer</label>
<textarea>
  as typed
</textarea>
      <script>if (a<b) { go() }</script>
    </main>
  </body>
</html>
`

func TestLayout(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"page.html", page, pageLaidOut},
		{"sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://example.org/</loc><lastmod>2026-11-01</lastmod></url></urlset>`,
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset>\n  <url>\n    <loc>https://example.org/</loc>\n    <lastmod>2026-11-01</lastmod>\n  </url>\n</urlset>\n"},
		{"feed.xml", `<feed><link href="https://example.org/"/><title>A &amp; B</title></feed>`,
			"<feed>\n  <link href=\"https://example.org/\"/>\n  <title>A &amp; B</title>\n</feed>\n"},
		{"index.json", `[{"t":"Home","x":"a <b> \"c\""}]`, "[\n  {\n    \"t\": \"Home\",\n    \"x\": \"a <b> \\\"c\\\"\"\n  }\n]\n"},
		{"site.css", "body{color:#222}", "body{color:#222}"},
	} {
		got, err := Layout(c.name, []byte(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s laid out as\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestLayoutRefusesWhatItWouldHide: a file with whitespace where the layout
// puts a line break would have the golden form of the file without it.
func TestLayoutRefusesWhatItWouldHide(t *testing.T) {
	for _, c := range []struct{ name, in, at string }{
		{"page.html", "<main><h1>T</h1>\n<p>x</p></main>", "1:17"},
		{"page.html", "<ul>\n  <li>x</li></ul>", "1:5"},
		{"sitemap.xml", "<urlset>\n  <url><loc>x</loc></url></urlset>", "1:9"},
		{"index.json", "[1, 2]", "not compact"},
	} {
		_, err := Layout(c.name, []byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.at) {
			t.Errorf("%s %q: error %v, want one at %s", c.name, c.in, err, c.at)
		}
	}
}

// TestLayoutKeepsWhatItMayKeep: whitespace where no line break goes (between
// inline elements, in text) is the file's own and stays.
func TestLayoutKeepsWhatItMayKeep(t *testing.T) {
	in := "<p><a>a</a>\n<a>b</a>\n  <em>c</em></p><div><span>x</span>\n<span>y</span></div>"
	got, err := Layout("page.html", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := in[:strings.Index(in, "<div>")] + "\n" + in[strings.Index(in, "<div>"):] + "\n"; string(got) != want {
		t.Errorf("laid out as\n%s\nwant\n%s", got, want)
	}
}

// FuzzLayout: whatever the file, Layout returns a form or an error (it
// checks every form it returns by undoing it), and never panics.
func FuzzLayout(f *testing.F) {
	f.Add("page.html", page)
	f.Add("sitemap.xml", "<urlset><url><loc>x</loc></url></urlset>")
	f.Add("index.json", `[{"t":"Home"}]`)
	f.Fuzz(func(t *testing.T, name, in string) {
		Layout(name, []byte(in))
	})
}
