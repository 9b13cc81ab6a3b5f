package liveserver

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/trustguide/guide/internal/diag"
)

// reloadJS is the browser's side of live reload and the error overlay.
//
//go:embed reload.js
var reloadJS []byte

const (
	// heartbeat keeps idle streams open through proxies and lets the server
	// notice browsers that went away.
	heartbeat = 15 * time.Second
	// writeTimeout cuts off a browser that stopped reading.
	writeTimeout = 10 * time.Second
	// clientBuffer is how many events may wait for a browser before it is
	// dropped. Browsers reconnect by themselves, and are then told the
	// current state, so dropping loses nothing.
	clientBuffer = 8
)

// hub hands each event to every connected browser without ever waiting for
// one: a browser whose buffer is full is dropped instead.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
	closed  bool
}

func (h *hub) subscribe() chan []byte {
	c := make(chan []byte, clientBuffer)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(c)
		return c
	}
	h.clients[c] = struct{}{}
	return c
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

func (h *hub) broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default: // too slow: drop it rather than hold up a publish
			delete(h.clients, c)
			close(c)
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

// serveEvents streams events to one browser until it goes away, is dropped
// as too slow, or the server closes.
//
// A browser says which build it has: the page's data-build in ?since= on the
// first connection, the last event's id in Last-Event-ID when it reconnects.
// If it missed a build, because it connected just after a publish or while
// the server restarted, it is told at once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	since := r.Header.Get("Last-Event-ID")
	if since == "" {
		since = r.URL.Query().Get("since")
	}
	c, first := s.subscribe(since)
	defer s.hub.unsubscribe(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)

	rc := http.NewResponseController(w)
	send := func(msg []byte) bool {
		rc.SetWriteDeadline(time.Now().Add(writeTimeout)) // unsupported by some writers: then no deadline
		if _, err := w.Write(msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	// retry: reconnect a second after the server went away, not three.
	if !send(append([]byte("retry: 1000\n\n"), first...)) {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-c:
			if !ok || !send(msg) {
				return
			}
		case <-tick.C:
			if !send([]byte(": heartbeat\n\n")) {
				return
			}
		}
	}
}

// subscribe registers a browser and returns what it must be told at once:
// the errors, if the last build failed, or a reload, if since names another
// build than the current one; then, unless it is to reload, the warnings
// of the build it shows.
func (s *Server) subscribe(since string) (chan []byte, []byte) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := s.hub.subscribe()
	var first []byte
	stale := since != "" && since != s.id()
	if s.errors != nil || stale {
		first = s.event()
	}
	if s.warnings != nil && !stale {
		first = fmt.Appendf(first, "id: %s\nevent: warnings\ndata: %s\n\n", s.id(), s.warnings)
	}
	return c, first
}

// id names the current state; the event that announced it carries it too.
// Call with s.mu held.
func (s *Server) id() string { return fmt.Sprintf("%s-%d", s.boot, s.gen) }

// event is the message announcing the current state. Call with s.mu held.
func (s *Server) event() []byte {
	if s.errors != nil {
		return fmt.Appendf(nil, "id: %s\nevent: errors\ndata: %s\n\n", s.id(), s.errors)
	}
	// An event without data is never dispatched by the browser.
	return fmt.Appendf(nil, "id: %s\nevent: reload\ndata: {}\n\n", s.id())
}

// problem is how a diagnostic travels to the browser.
type problem struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// problemsJSON encodes problems on one line, as an SSE data field requires.
func problemsJSON(errs diag.List) []byte {
	list := make([]problem, len(errs))
	for i, d := range errs {
		list[i] = problem{d.Path, d.Line, d.Col, d.Message}
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic(err) // strings and ints always encode
	}
	return b
}
