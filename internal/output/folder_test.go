package output

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// A page put while the build goes on, from several goroutines, is in the
// site Finish publishes, with the files given at the end; the mark lists
// both.
func TestFolderPutThenFinish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := (Files{"old/index.html": []byte("gone soon")}).Write(dir); err != nil {
		t.Fatal(err)
	}
	folder, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Files{"index.html": []byte("home"), "css/site.css": []byte("body{}")}
	var wg sync.WaitGroup
	for i := range 40 {
		name := fmt.Sprintf("section-%d/page-%d/index.html", i%4, i)
		want[name] = []byte(name)
		wg.Go(func() {
			if err := folder.Put(name, []byte(name)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := readTree(t, dir); !reflect.DeepEqual(got, Files{"old/index.html": []byte("gone soon")}) {
		t.Errorf("the output changed before Finish: %q", got)
	}
	if files, bytes := folder.Written(); files != 40 || bytes != want.Size()-int64(len("home")+len("body{}")) {
		t.Errorf("Written() = %d files, %d bytes", files, bytes)
	}
	if err := folder.Finish(Files{"index.html": want["index.html"], "css/site.css": want["css/site.css"]}); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after Finish: %d files, want %d", len(got), len(want))
	}
	mark, _ := os.ReadFile(filepath.Join(dir, Mark))
	for name := range want {
		if !strings.Contains(string(mark), "\n"+name+"\n") {
			t.Errorf("the mark does not list %s", name)
		}
	}
	checkNoStaging(t, dir)
}

// A build with errors discards what it put: the output is as it was, and
// nothing is left beside it.
func TestFolderDiscardLeavesTheOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	before := Files{"index.html": []byte("the published site")}
	if err := before.Write(dir); err != nil {
		t.Fatal(err)
	}
	folder, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := folder.Put("index.html", []byte("half a new site")); err != nil {
		t.Fatal(err)
	}
	if err := folder.Discard(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dir); !reflect.DeepEqual(got, before) {
		t.Errorf("a discarded folder changed the output: %q", got)
	}
	checkNoStaging(t, dir)
}

func TestFolderPutRefusesUnsafePathsAndTheMark(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	folder, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Discard()
	for _, bad := range []string{"../x", "/abs", "a/../../x", Mark} {
		if err := folder.Put(bad, []byte("x")); err == nil {
			t.Errorf("Put(%q) succeeded", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "x")); err == nil {
		t.Errorf("a file was written outside the output folder")
	}
}
