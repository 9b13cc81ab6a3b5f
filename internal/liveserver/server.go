// Package liveserver is the HTTP side of `guide serve`: it answers requests from
// the latest good build, held in memory, and tells the browser when to reload.
//
// What an author sees:
//
//   - Pages at the URLs they will have on the real site: "/articles/x/" is
//     served from "articles/x/index.html", "/articles/x" redirects to
//     "/articles/x/", short links and aliases follow the site's own
//     _redirects file, and a missing page gets the site's 404.html with
//     status 404.
//   - The site's headers from netlify.toml (see Options.Headers), so the
//     strict Content-Security-Policy is tested while writing, not after
//     publishing. Every response is sent with Cache-Control: no-store.
//   - Every HTML page gets one extra tag before </head>, added as it is
//     served (never written to the built files):
//     <script src="/_guide/reload.js" data-build="…" defer></script>.
//     The script listens on /_guide/events (Server-Sent Events). After a good
//     build it reloads the page and keeps the scroll position; after a failed
//     one it shows every error, as path:line:col and message, over the last
//     good page, until the next good build removes it. A good build's
//     warnings (a translation whose English page changed) are listed in a
//     closed panel at the bottom of every page, until a build has none.
//
// What it refuses, because a dev server holds drafts and error messages that
// are nobody else's business:
//
//   - Requests for another host. Only a request whose Host is the address
//     it reached (127.0.0.1:1313; with -addr 0.0.0.0:1313, the machine's
//     address on that network, as a phone on it would type it) or localhost,
//     127.0.0.1 or [::1] with that port is answered; any other gets 403
//     Forbidden, saying why. Otherwise a page of any site could read this
//     one by making its own name resolve to 127.0.0.1 (DNS rebinding). The
//     live-reload stream and the error overlay need nothing more: the page
//     opens /_guide/events on its own origin, and the overlay is drawn from
//     that stream.
//   - Paths that climb out of the site ("..", a backslash, a NUL): 400.
//   - Nothing redirects off the site. A path that is not clean, with an empty
//     or "." segment ("//evil.example/", "/articles//x/"), is redirected once
//     to its clean form ("/evil.example/", "/articles/x/"), which starts with
//     a single "/"; only the site's own _redirects may send a browser
//     elsewhere.
//
// The server itself only holds snapshots. Whoever builds calls Publish after
// every build, good or bad; Publish swaps the new files in first and only then
// tells the browsers, so a browser that reloads gets the new bytes.
package liveserver

import (
	"bytes"
	"maps"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
)

// Paths the server answers itself. They sit under /_guide/, which no page of
// the site uses.
const (
	eventsPath = "/_guide/events"
	scriptPath = "/_guide/reload.js"
)

// Options configure a Server. The zero value is ready to use.
type Options struct {
	// Headers, if set, returns extra headers for the response to a URL path,
	// typically the site's own from netlify.toml. It is called for every
	// response, from many goroutines at once:
	//
	//	Headers: func(p string) http.Header {
	//		h := config.HeadersFor(p) // a *netlify.Config
	//		return h
	//	}
	Headers func(urlPath string) http.Header
}

// Server serves a built site from memory. Create it with New; it is safe for
// concurrent use.
type Server struct {
	opt  Options
	boot string // tells this run's event ids from a previous run's
	hub  hub

	mu       sync.RWMutex
	site     *netlify.Site // the last good build; nil before the first
	errors   []byte        // the last build's errors as JSON; nil after a good build
	warnings []byte        // the last good build's warnings as JSON; nil if it had none
	gen      int           // counts calls to Publish
}

// New returns a Server that serves nothing until the first Publish.
func New(opt Options) *Server {
	return &Server{
		opt:  opt,
		boot: strconv.FormatInt(time.Now().UnixNano(), 36),
		hub:  hub{clients: map[chan []byte]struct{}{}},
	}
}

// Publish hands the server the result of a build. Without errors in
// problems, files becomes the site served and browsers are told to reload.
// With errors, the previous good files stay in place and browsers are told to
// show the errors. Warnings alone do not stop a build from being published;
// a browser showing a good build is told its warnings as it connects.
//
// The server keeps its own copy of the map, so the builder may go on changing
// its own; the byte slices themselves must not be changed afterwards.
func (s *Server) Publish(files output.Files, problems diag.List) {
	errs := problems.Errors().Sort()
	var next *netlify.Site
	if len(errs) == 0 {
		// A copy, never changed once published, parsed outside the lock.
		next = netlify.NewSite(maps.Clone(files))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	if next != nil {
		s.site, s.errors, s.warnings = next, nil, nil
		if w := problems.Warnings().Sort(); len(w) > 0 {
			s.warnings = problemsJSON(w)
		}
	} else {
		s.errors = problemsJSON(errs)
	}
	// Still under the lock: a browser connecting right now either sees the
	// old state and then this event, or the new state and not this event.
	s.hub.broadcast(s.event())
}

// Close ends every live-reload stream, so that http.Server.Shutdown, which
// waits for open requests, can finish. Pages are still served afterwards.
func (s *Server) Close() { s.hub.close() }

// ServeHTTP answers GET and HEAD requests for the site and for /_guide/.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !allowedHost(r.Host, local) {
		refuseHost(w, r, local)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !safePath(r.URL.Path) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if clean := cleanPath(r.URL.Path); clean != r.URL.Path {
		s.redirect(w, r, clean, http.StatusMovedPermanently)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
	case scriptPath:
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
	default:
		s.serveSite(w, r)
	}
}

// safePath refuses paths that try to climb out of the site. Files live in a
// map, so nothing could escape; but a request like that is an attack or a bug
// and deserves a clear answer rather than the 404 page.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// serveSite answers from the current snapshot as Netlify would (see
// netlify.Site.Answer).
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	snap, id := s.site, s.id()
	s.mu.RUnlock()
	if snap == nil {
		snap = netlify.NewSite(nil)
	}
	a := snap.Answer(r.URL.Path)
	switch {
	case a.Redirects():
		s.redirect(w, r, a.Location, a.Status)
	case a.File != "":
		s.send(w, r, a.File, snap.Files()[a.File], a.Status, id)
	default:
		// No 404 page, or no good build yet: a page that still carries the
		// script, so build errors show even when nothing was ever built.
		s.send(w, r, "404.html", []byte(notFoundHTML), http.StatusNotFound, id)
	}
}

const notFoundHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>Nothing is built at this address (yet).</p></body></html>
`

// redirect sends a redirect with the site's headers.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string, status int) {
	s.setHeaders(w.Header(), r.URL.Path)
	if r.URL.RawQuery != "" && !strings.Contains(to, "?") {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, status)
}

// send writes one file of the site, adding the reload script to HTML.
func (s *Server) send(w http.ResponseWriter, r *http.Request, name string, body []byte, status int, id string) {
	h := w.Header()
	ctype := ContentType(name, body)
	h.Set("Content-Type", ctype)
	s.setHeaders(h, r.URL.Path)
	if strings.HasPrefix(ctype, "text/html") {
		body = injectScript(body, id)
		if csp := h.Get("Content-Security-Policy"); csp != "" {
			h.Set("Content-Security-Policy", allowEventStream(csp))
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// setHeaders adds the caller's headers for urlPath, then forbids caching: a
// browser must never show a page from an earlier build.
func (s *Server) setHeaders(h http.Header, urlPath string) {
	if s.opt.Headers != nil {
		for k, vs := range s.opt.Headers(urlPath) {
			h.Del(k)
			for _, v := range vs {
				h.Add(k, v)
			}
		}
	}
	h.Set("Cache-Control", "no-store")
}

// injectScript inserts the reload script before </head>, or else before
// </body>, or else at the end. data-build names the build the page comes
// from, so the script can tell at once if it missed a newer one.
func injectScript(page []byte, id string) []byte {
	tag := `<script src="` + scriptPath + `" data-build="` + id + `" defer></script>`
	lower := bytes.ToLower(page)
	at := bytes.Index(lower, []byte("</head>"))
	if at < 0 {
		at = bytes.LastIndex(lower, []byte("</body>"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}
