package markdown

import (
	"strings"
	"testing"
)

// French pages get « guillemets » with narrow no-break spaces inside;
// English pages keep their curly quotes.
func TestQuotesByLanguage(t *testing.T) {
	for tag, want := range map[string]string{
		"fr-CA": "<p>Il a dit «\u202fOui\u202f» et c&rsquo;est tout.</p>",
		"fr":    "<p>Il a dit «\u202fOui\u202f» et c&rsquo;est tout.</p>",
		"en-CA": "<p>Il a dit &ldquo;Oui&rdquo; et c&rsquo;est tout.</p>",
	} {
		c := NewFor(tag)
		out, err := c.Render(c.Parse([]byte(`Il a dit "Oui" et c'est tout.`)))
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%s: got %q, want %q", tag, out, want)
		}
	}
}

// A link marked as leading to another language's page says so: hreflang
// for browsers, and a note readers see, right after the link.
func TestMarkLanguage(t *testing.T) {
	c := NewFor("fr-CA")
	d := c.Parse([]byte("Lisez [la page](x.md) & <b>.\n"))
	d.Refs()[0].SetDest("/articles/x/")
	d.Refs()[0].MarkLanguage("en", "(en <anglais>)")
	out, err := c.Render(d)
	want := `<p>Lisez <a href="/articles/x/" hreflang="en">la page</a> <span class="lang-note">(en &lt;anglais&gt;)</span> &amp; .</p>`
	if err != nil || !strings.Contains(string(out), `<a href="/articles/x/" hreflang="en">la page</a> <span class="lang-note">(en &lt;anglais&gt;)</span>`) {
		t.Errorf("got %s\nwant %s", out, want)
	}
}
