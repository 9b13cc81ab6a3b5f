package i18n

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
)

func scan(t *testing.T, files map[string]string) (Uses, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var problems diag.List
	return Scan(fsys, &problems), problems
}

func describe(uses []Use) string {
	var b strings.Builder
	for _, u := range uses {
		fmt.Fprintf(&b, "%s:%d:%d %s %s %v\n", u.At.Path, u.At.Line, u.At.Col, u.Key, u.Script, u.Args)
	}
	return b.String()
}

func TestTemplateUsesAtTheirKey(t *testing.T) {
	uses, problems := scan(t, map[string]string{
		"templates/base.html": "<a>{{t \"nav.skip\"}}</a>\n" +
			"{{define \"main\"}}{{if .X}}é {{t \"packet.count\" \"n\" .N}}{{else}}{{(t \"a\" \"title\" .T \"n\" 2) | print}}{{end}}{{end}}\n" +
			"{{/* {{t \"in.comment\"}} */}}{{range .L}}{{with .}}{{template \"x\" (t \"deep\")}}{{end}}{{end}}",
	})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := "templates/base.html:1:8 nav.skip  []\n" +
		"templates/base.html:2:33 packet.count  [n]\n" +
		"templates/base.html:2:69 a  [n title]\n" +
		"templates/base.html:3:69 deep  []\n"
	if got := describe(uses.List); got != want || !uses.Complete {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestTemplateUsesTheBuildCannotCheck(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{{t .Key}}`, "templates/x.html:1:3: the key given to t must be a quoted constant"},
		{`{{"nav.skip" | t}}`, "templates/x.html:1:16: t needs the key of a string"},
		{`{{t "a" "n"}}`, "templates/x.html:1:3: t is given 1 values after the key"},
		{`{{t "a" .Name 2}}`, "templates/x.html:1:3: the names of t's values must be quoted constants"},
	} {
		uses, problems := scan(t, map[string]string{"templates/x.html": tc.text})
		if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tc.want) || len(uses.List) != 0 {
			t.Errorf("%s: got %v, uses %v; want %q", tc.text, problems, uses.List, tc.want)
		}
	}
}

func TestBrokenTemplateLeavesUsesIncomplete(t *testing.T) {
	uses, problems := scan(t, map[string]string{"templates/x.html": `{{if}}`, "templates/y.html": `{{t "a"}}`})
	if uses.Complete || len(problems) != 0 || len(uses.List) != 1 {
		t.Errorf("complete %v, problems %v, uses %v: want incomplete, no problem (the loader reports it), one use", uses.Complete, problems, uses.List)
	}
}

func TestScriptUses(t *testing.T) {
	script := `// t("in.comment") is not a use
/* nor t("here") */
var s = "t(\"in.string\")", u = 't("x")', v = ` + "`t(\"tpl\")`" + `;
var re = /t\("re"[/]/g, half = a / t("div.after");
function t(key, args) { return key; }
say(t("worksheet.saved", {name: n}));
say(t( 'single'));
if (x) return t(
  "next.line");
obj.t("method.call");
say(t(key));
`
	uses, problems := scan(t, map[string]string{"static/js/worksheet.js": script})
	want := "static/js/worksheet.js:4:38 div.after js/worksheet.js []\n" +
		"static/js/worksheet.js:6:7 worksheet.saved js/worksheet.js []\n" +
		"static/js/worksheet.js:7:8 single js/worksheet.js []\n" +
		"static/js/worksheet.js:9:3 next.line js/worksheet.js []\n"
	if got := describe(uses.List); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "static/js/worksheet.js:11:5: the key given to t must be a quoted string") {
		t.Errorf("problems: %v; want one at the t(key) on line 11", problems)
	}
	if keys := uses.ScriptKeys("js/worksheet.js"); strings.Join(keys, " ") != "div.after next.line single worksheet.saved" {
		t.Errorf("ScriptKeys = %v", keys)
	}
}

func TestScannerEndsOnUnfinishedScripts(t *testing.T) {
	for _, text := range []string{`t(`, `t("abc`, `/* open`, `x = /abc`, "`open", `"a\`, `t`, `t (`} {
		scan(t, map[string]string{"static/js/x.js": text}) // must return
	}
}
