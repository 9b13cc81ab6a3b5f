package build

// BenchmarkSaveToReload: what an author waits for in guide serve, from
// saving a file to the browser's reload event.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trustguide/guide/internal/liveserver"
	"github.com/trustguide/guide/internal/watch"
)

// BenchmarkSaveToReload is the latency of guide serve as an author feels it:
// from writing a page on disk to the moment the browser receives the reload
// event. Every piece is the real one: the watcher on a folder of the
// generated site, the Builder, and the dev server on a loopback socket with
// a live-reload client. The watcher's debounce is part of the latency, so it
// runs with the default and with a short one.
//
// Besides ns/op (which includes checking, off the clock, that the served
// page shows the edit), it reports the median and 90th percentile latency
// and the median time of the build alone.
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			root := b.TempDir()
			if err := os.CopyFS(root, site(n).fsys); err != nil {
				b.Fatal(err)
			}
			builder := NewBuilder(os.DirFS(root), Options{Drafts: true})
			first := builder.Build(nil)
			checkBuilt(b, first)
			srv := liveserver.New(liveserver.Options{})
			srv.Publish(first.Files, first.Problems)
			ts := httptest.NewServer(srv)
			defer ts.Close()
			defer srv.Close() // ends the event stream, so that ts.Close can return

			for _, debounce := range []time.Duration{watch.DefaultDebounce, time.Millisecond} {
				b.Run(fmt.Sprintf("debounce=%s", debounce), func(b *testing.B) {
					saveToReload(b, root, builder, srv, ts.URL, n, debounce)
				})
			}
		})
	}
}

func saveToReload(b *testing.B, root string, builder *Builder, srv *liveserver.Server, url string, n int, debounce time.Duration) {
	w, err := watch.New(root, []string{"content", "templates", "static"}, watch.Options{Debounce: debounce})
	if err != nil {
		b.Fatal(err)
	}
	// What guide serve does with each batch of changes.
	builds := make(chan time.Duration, 16)
	served := make(chan struct{})
	go func() {
		defer close(served)
		for batch := range w.Events() {
			changed := batch.Paths
			if batch.Rescan {
				changed = nil
			}
			r := builder.Build(changed)
			srv.Publish(r.Files, r.Problems)
			select {
			case builds <- r.Elapsed:
			default:
			}
		}
	}()
	defer func() {
		w.Close()
		<-served // the next benchmark uses the same Builder: never two builds at once
	}()

	reloads := listen(b, url)
	name := editedPage(n)
	file := filepath.Join(root, filepath.FromSlash(name))
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	page := url + "/" + strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md") + "/"

	var latencies, buildTimes []time.Duration
	i := 0
	for b.Loop() {
		i++
		src := editPage(original, "body", i)
		start := time.Now()
		if err := os.WriteFile(file, src, 0o644); err != nil {
			b.Fatal(err)
		}
		// Wait for the reload after which the page shows this edit: a save
		// may give more than one build (the editor truncates, then writes).
		for {
			var at time.Time
			select {
			case at = <-reloads:
			case <-time.After(30 * time.Second):
				b.Fatalf("no reload event 30 s after saving %s", name)
			}
			b.StopTimer()
			shown := pageShows(b, page, fmt.Sprintf("Edit number %d of this page.", i))
			b.StartTimer()
			if shown {
				latencies = append(latencies, at.Sub(start))
				break
			}
		}
		for len(builds) > 0 {
			buildTimes = append(buildTimes, <-builds)
		}
	}
	for len(builds) > 0 {
		buildTimes = append(buildTimes, <-builds)
	}
	b.ReportMetric(ms(percentile(latencies, 50)), "ms-median")
	b.ReportMetric(ms(percentile(latencies, 90)), "ms-p90")
	b.ReportMetric(ms(percentile(buildTimes, 50)), "build-ms-median")
	b.ReportMetric(float64(len(buildTimes))/float64(len(latencies)), "builds/save")
}

// listen opens the live-reload stream as the browser's script does and
// returns when each reload event arrived.
func listen(b *testing.B, url string) <-chan time.Time {
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/_guide/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	reloads := make(chan time.Time, 64)
	go func() {
		defer resp.Body.Close()
		lines := bufio.NewScanner(resp.Body)
		for lines.Scan() {
			if lines.Text() == "event: reload" {
				reloads <- time.Now()
			}
		}
	}()
	return reloads
}

// pageShows reports whether the page at url contains text.
func pageShows(b *testing.B, url, text string) bool {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Contains(body, []byte(text))
}

func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}
