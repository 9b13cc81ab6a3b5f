package minifier

import (
	"strings"
	"testing"
)

func TestPagesKeepWhatStyleSheetsSelectOn(t *testing.T) {
	page := `<!doctype html><html><head><title>T</title></head><body>
	<p>  Text  </p><input type="text" name="a"><pre>  keep
  this  </pre><textarea>  and
 this  </textarea>
	<svg viewBox="0 0 10 10"><path d="M1 1h7v1h-7z" fill="#000"/></svg></body></html>`
	for name, m := range map[string]interface {
		Bytes(string, []byte) ([]byte, error)
	}{"New": New(), "ForPages": ForPages()} {
		out, err := m.Bytes("text/html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		got := string(out)
		for _, want := range []string{`<input type="text"`, "<pre>  keep\n  this  </pre>", "<textarea>  and\n this  </textarea>", "<html>", "</body>"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: output lacks %q:\n%s", name, want, got)
			}
		}
		if strings.Contains(got, "  Text  ") {
			t.Errorf("%s: text whitespace not collapsed:\n%s", name, got)
		}
	}
	out, _ := ForPages().Bytes("text/html", []byte(page))
	if !strings.Contains(string(out), `d="M1 1h7v1h-7z"`) {
		t.Errorf("ForPages changed an inline SVG:\n%s", out)
	}
}
