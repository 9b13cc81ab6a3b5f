package minifier

import "testing"

func TestCompact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<h2 id=\"a\">A</h2>\n<p>One\ntwo</p>\n<ul>\n<li>x</li>\n</ul>\n", "<h2 id=\"a\">A</h2><p>One\ntwo</p><ul><li>x</li></ul>"},
		{"<p>a</p>\n<pre><code>line one\n</code></pre>\n<p>b</p>\n", "<p>a</p><pre><code>line one\n</code></pre><p>b</p>"},
		{"<pre class=\"x\">\n<b>\n</b>\n</pre>\n", "<pre class=\"x\">\n<b>\n</b>\n</pre>"},
		{"<textarea id=\"q\">\n\n</textarea>\n<p>x</p>", "<textarea id=\"q\">\n\n</textarea><p>x</p>"},
		{"<p>1 &lt; 2\n<em>yes</em></p>", "<p>1 &lt; 2\n<em>yes</em></p>"},
		{"<p>a</p>\n\n  <p>b</p>", "<p>a</p><p>b</p>"},
		{"<a>x</a>  \n <a>y</a> </nav>", "<a>x</a>\n<a>y</a></nav>"},
		{"<script>if (a < b)\n  x()</script>\n<p>", "<script>if (a < b)\n  x()</script><p>"},
		{"<prelude>\n<p>", "<prelude><p>"},
		{"<label for=\"a\">A</label>\n<input id=\"a\">\n</div>", "<label for=\"a\">A</label>\n<input id=\"a\"></div>"},
		{"<p>Be <!-- raw HTML omitted -->kind</p>\n", "<p>Be kind</p>"},
		{"<pre>unclosed\n<b>", "<pre>unclosed\n<b>"},
	} {
		if got := string(Compact([]byte(c.in))); got != c.want {
			t.Errorf("Compact(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestCompactInPlace: the output is written over the input as it is read,
// which must not change what is read next.
func TestCompactInPlace(t *testing.T) {
	in := "<div class=\"long attribute value\">\n<label for=\"a\">A</label>\n<input id=\"a\">\n</div>\n<p>x</p>"
	want := "<div class=\"long attribute value\"><label for=\"a\">A</label>\n<input id=\"a\"></div><p>x</p>"
	if got := string(Compact([]byte(in))); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
