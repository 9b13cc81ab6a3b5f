package audit

import (
	"strings"
	"testing"
)

const good = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>
<link rel="canonical" href="https://example.org/x/"><link rel="stylesheet" href="/css/a.css"></head>
<body><main><h1>T</h1><img src="/a.png" alt="A couple talking"><img src="/line.svg" alt=""><form><label for="a">A</label><textarea id="a" name="a"></textarea>
<label><input type="checkbox" name="b"> B</label></form><a href="https://example.com/">out</a>
<script type="application/json" id="strings">{"a": "b"}</script>
<script src="/js/a.js"></script></main></body></html>`

func TestGoodPage(t *testing.T) {
	if p := Page("x.html", []byte(good)); len(p) > 0 {
		t.Errorf("problems in a good page: %v", p)
	}
}

func TestBadPages(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{`href="/css/a.css"`, `href="https://cdn.example.com/a.css"`, "contact another host"},
		{`src="/js/a.js"`, `src="//cdn.example.com/a.js"`, "contact another host"},
		{`<script src="/js/a.js"></script>`, `<script>alert(1)</script>`, "inline <script>"},
		{`type="application/json"`, `type="module"`, "inline <script>"},
		{`<script type="application/json" id="strings">`, `<script type="text/javascript" id="strings">`, "inline <script>"},
		{`<h1>T</h1>`, `<h1 style="color:red">T</h1>`, "style attribute"},
		{`<h1>T</h1>`, `<h1 onclick="x()">T</h1>`, "inline onclick"},
		{`<h1>T</h1>`, `<h1>T</h1><h1>U</h1>`, "2 <h1>"},
		{`<label for="a">A</label>`, ``, "has no label"},
		{`<html lang="en">`, `<html>`, "no lang"},
		{`<main><h1>T</h1>`, `<main><h1 id="a">T</h1>`, `id "a" is used twice`},
		{`<!doctype html>`, ``, "doctype"},
		{`<img src="/a.png" alt="A couple talking">`, `<img src="/a.png">`, "<img> has no alt"},
	}
	for _, tt := range tests {
		page := strings.Replace(good, tt.from, tt.to, 1)
		found := false
		for _, p := range Page("x.html", []byte(page)) {
			found = found || strings.Contains(p, tt.want)
		}
		if !found {
			t.Errorf("replacing %s with %s: want a problem about %q, got %v", tt.from, tt.to, tt.want, Page("x.html", []byte(page)))
		}
	}
}
