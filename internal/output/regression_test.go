package output

// Regression test: this was a bug found by a test before it was fixed.

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// Write moves the old tree aside, then the new one in: between the two
// renames the output folder does not exist, and a reader gets "not found".
func TestOutputMissingDuringWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	f := Files{"index.html": []byte("x")}
	if err := f.Write(dir); err != nil {
		t.Fatal(err)
	}
	var stop, missing atomic.Int32
	done := make(chan bool)
	go func() {
		for stop.Load() == 0 {
			if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
				missing.Add(1)
			}
		}
		close(done)
	}()
	for range 50 {
		f.Write(dir)
	}
	stop.Store(1)
	<-done
	if n := missing.Load(); n > 0 {
		t.Errorf("index.html was missing %d times while the site was rewritten 50 times", n)
	}
}
