package printview

import (
	"slices"
	"testing"
)

func TestBody(t *testing.T) {
	chapters := map[string]string{"/articles/a/": "chapter-a", "/articles/b/": "chapter-b"}
	for _, tt := range []struct{ name, in, want string }{
		{"ids get the chapter's prefix",
			`<h2 id="why">Why</h2><p>Text &amp; more.</p>`,
			`<h3 id="chapter-a--why">Why</h3><p>Text &amp; more.</p>`},
		{"links to the article's own headings stay on the chapter",
			`<p><a href="#why">see why</a></p>`,
			`<p><a href="#chapter-a--why">see why</a></p>`},
		{"links to other articles lead to their chapter",
			`<a href="/articles/b/">B</a> <a href="/articles/b/#how">how</a>`,
			`<a href="#chapter-b">B</a> <a href="#chapter-b--how">how</a>`},
		{"links elsewhere are kept",
			`<a href="/worksheets/w/">W</a> <a href="https://example.org/x#y">out</a> <a href="/articles/c/#z">C</a>`,
			`<a href="/worksheets/w/">W</a> <a href="https://example.org/x#y">out</a> <a href="/articles/c/#z">C</a>`},
		{"attributes naming ids follow them",
			`<figure aria-labelledby="cap one"><figcaption id="cap">x</figcaption></figure>`,
			`<figure aria-labelledby="chapter-a--cap chapter-a--one"><figcaption id="chapter-a--cap">x</figcaption></figure>`},
		{"headings go one level down, h6 stays",
			`<h3>x</h3><h6>y</h6>`,
			`<h4>x</h4><h6>y</h6>`},
		{"everything else is copied byte for byte",
			`<img src="/a.png" alt="A &quot;b&quot;"><br/><pre><code>a &lt; b</code></pre>`,
			`<img src="/a.png" alt="A &quot;b&quot;"><br/><pre><code>a &lt; b</code></pre>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Body(tt.in, "chapter-a", chapters); got != tt.want {
				t.Errorf("Body(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestChapterIDs(t *testing.T) {
	got := ChapterIDs([]string{"trust", "time", "trust", "trust"})
	want := []string{"chapter-trust", "chapter-time", "chapter-trust-2", "chapter-trust-3"}
	if !slices.Equal(got, want) {
		t.Errorf("ChapterIDs = %q, want %q", got, want)
	}
}
