package devserver

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/trustguide/guide/internal/offline"
)

// TestServeKeepsNothingOffline: pages served by guide serve change with
// every save, so its /sw.js is the worker that retires one left behind by
// a built site at the same address, never one that keeps pages.
func TestServeKeepsNothingOffline(t *testing.T) {
	s := startSite(t, 0)
	resp, err := http.Get(s.srv.URL + offline.WorkerPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, offline.Retired()) {
		t.Errorf("GET /sw.js: %d\n%s\nwant the retired worker", resp.StatusCode, body)
	}
}
