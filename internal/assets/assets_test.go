package assets

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/minifier"
)

func build(t *testing.T, fsys fstest.MapFS) *Set {
	t.Helper()
	var problems diag.List
	s := Build(fsys, minifier.New(), &problems)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%v", problems)
	}
	return s
}

func file(data string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(data)} }

func TestBuild(t *testing.T) {
	s := build(t, fstest.MapFS{
		"static/css/site.css":     file("body {\n  color: red;\n}\n/* a comment */\n"),
		"static/js/site.js":       file("function hello ( name ) {\n  return name + 1 ;\n}\n"),
		"static/img/lake.jpg":     file("\xff\xd8 not minified"),
		"static/robots.txt":       file("  kept as it is  \n"),
		"static/.htaccess":        file("dot-file"),
		"static/.git/config":      file("dot-folder"),
		"static/css/site.css.swp": file("vim"),
		"static/css/site.css~":    file("backup"),
	})
	var names []string
	for _, p := range s.Files.Paths() {
		names = append(names, regexp.MustCompile(`\.[0-9a-f]{8}\.`).ReplaceAllString(p, ".<hash>."))
	}
	want := []string{"css/site.<hash>.css", "img/lake.jpg", "js/site.<hash>.js", "robots.txt"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("files %q, want %q", s.Files.Paths(), want)
	}

	for name, want := range map[string]string{
		"css/site.css":        "body{color:red}",
		"js/site.js":          "function hello(e){return e+1}",
		"img/lake.jpg":        "\xff\xd8 not minified",
		"robots.txt":          "  kept as it is  \n",
		"/css/site.css":       "body{color:red}", // a leading slash is fine
		"/img/lake.jpg":       "\xff\xd8 not minified",
		"css/site.css.swp":    "",
		"does/not/exist.woff": "",
	} {
		u, err := s.URL(name)
		if want == "" {
			if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(name, "/")) {
				t.Errorf("URL(%q) = %q, %v; want an error naming the file", name, u, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("URL(%q): %v", name, err)
			continue
		}
		if got := string(s.Files[strings.TrimPrefix(u, "/")]); got != want {
			t.Errorf("URL(%q) = %q, holding %q; want %q", name, u, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	url := func(css string) string {
		u, err := build(t, fstest.MapFS{"static/css/site.css": file(css)}).URL("css/site.css")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	a, b := url("a{color:red}"), url("a{color:blue}")
	if !regexp.MustCompile(`^/css/site\.[0-9a-f]{8}\.css$`).MatchString(a) {
		t.Errorf("URL = %q, want /css/site.<8 hex>.css", a)
	}
	if a == b {
		t.Errorf("different content, same URL %q", a)
	}
	if again := url("a {\n  color: red;\n}\n"); again != a {
		t.Errorf("the same CSS, written differently: %q, then %q", a, again)
	}
}

func TestNoStaticFolder(t *testing.T) {
	s := build(t, fstest.MapFS{"content/_index.md": file("# Home")})
	if len(s.Files) != 0 {
		t.Errorf("files %q, want none", s.Files.Paths())
	}
}

func TestInvalidFile(t *testing.T) {
	var problems diag.List
	s := Build(fstest.MapFS{"static/js/bad.js": file("function (")}, minifier.New(), &problems)
	if len(problems) != 1 || problems[0].Path != "static/js/bad.js" {
		t.Errorf("problems %v, want one at static/js/bad.js", problems)
	}
	if u, err := s.URL("js/bad.js"); err != nil || string(s.Files[u[1:]]) != "function (" {
		t.Errorf("an invalid file is still published as written: URL %q, %v", u, err)
	}
}
