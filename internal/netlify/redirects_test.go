package netlify

import (
	"reflect"
	"testing"
)

// What the builder writes, the readers read back as it was meant.
func TestWriteThenParse(t *testing.T) {
	rules := []Rule{
		{From: "/old/", To: "/new/", Status: 301},
		{From: "/w/name-it", To: "/worksheets/name-it/", Status: 301},
		{From: "/shadow", To: "/x/", Status: 302, Force: true},
		{From: "/fr/*", To: "/fr/404.html", Status: 404},
	}
	data := WriteRedirects(rules)
	want := header + "/old/ /new/ 301\n/w/name-it /worksheets/name-it/ 301\n/shadow /x/ 302!\n/fr/* /fr/404.html 404\n"
	if string(data) != want {
		t.Errorf("Write =\n%s\nwant\n%s", data, want)
	}
	if got := ParseRedirects(data); !reflect.DeepEqual(got, rules) {
		t.Errorf("ParseRedirects(WriteRedirects(rules)) = %+v, want %+v", got, rules)
	}
}

// Lines a server cannot honour are left out, never half read.
func TestParseLeavesOutWhatItCannotHonour(t *testing.T) {
	got := ParseRedirects([]byte("# a comment\n\n/a /b\n/c /d 30x\n/e /f 200 Country=ca\n/g\n  /h   /i   410  \n"))
	want := []Rule{{From: "/a", To: "/b", Status: 301}, {From: "/h", To: "/i", Status: 410}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseRedirects = %+v, want %+v", got, want)
	}
}
