// Package offline makes the files that let the guide open without a
// connection: the service worker (/sw.js) and the web app manifest
// (/manifest.webmanifest), both from the finished output of a build.
//
// The worker keeps a copy of the pages it is given and of the site's
// styles, scripts, images and search index, in one cache named after the
// build: a checksum of every file it keeps. A new deploy that changes any of
// them makes a new /sw.js, which the browser installs on the reader's next
// visit; the new worker fills a new cache and deletes the old one. It serves
// only the files it keeps and never stores a response of its own accord, so
// nothing a reader types (answers live in the page's storage, and only
// when the reader asks) can end up in the cache.
//
// Both are pure functions of the output, so the same build gives the same
// bytes.
package offline

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"path"
	"sort"
	"strings"

	"github.com/trustguide/guide/internal/netlify"
	"github.com/trustguide/guide/internal/output"
)

// The files this package makes, as output paths. The worker must sit at the
// top of the site: its place is the scope of the pages it may serve.
const (
	WorkerPath   = "sw.js"
	ManifestPath = "manifest.webmanifest"
)

//go:embed worker.js
var workerCode string

//go:embed retire.js
var retireCode string

// kept are the kinds of file, besides pages, that the worker keeps: what a
// page needs to show and work. Feeds, the sitemap, robots.txt and
// _redirects are for other programs.
var kept = map[string]bool{
	".css": true, ".js": true, ".json": true, ".webmanifest": true,
	".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".ico": true,
}

// Worker returns /sw.js for the site in files. pages are the site paths of
// the pages to keep ("/", "/articles/acknowledge/"); every other page is
// left to the network. The site's redirects (short links) that lead to a
// kept page are answered by the worker too, so a QR code opens offline.
// written are the files of the site written out already, whose bytes files
// no longer holds (it names them): their sums are made as they are written.
// last, if not nil, holds the checksums of the last call's files, to reuse;
// Worker returns those of this call's, for the next.
func Worker(files output.Files, written map[string]Sum, pages []string, last *Checksums) ([]byte, *Checksums) {
	if last == nil {
		last = &Checksums{}
	}
	list := keptFiles(files, pages)
	redirects := keptRedirects(files["_redirects"], list)
	filesJSON, _ := json.Marshal(list) // strings only: Marshal cannot fail
	redirectsJSON, _ := json.Marshal(redirects)
	name, sums := last.cacheName(files, written, list)
	var b bytes.Buffer
	b.WriteString("// Made by the guide builder (internal/offline) for this build. Do not edit.\n")
	b.WriteString("const CACHE = \"" + name + "\";\n")
	b.WriteString("const FILES = " + string(filesJSON) + ";\n")
	b.WriteString("const REDIRECTS = " + string(redirectsJSON) + ";\n")
	b.WriteString(workerCode)
	return b.Bytes(), sums
}

// Retired returns the /sw.js of "guide serve". Pages there change with
// every save, so they are never kept and never register a worker; this one
// only retires a worker that a built site, served at the same address
// before, left in the browser: it deletes the caches and unregisters.
func Retired() []byte { return []byte(retireCode) }

// keptFiles lists the site paths the worker keeps, sorted: the pages given
// (those that exist) and every file of a kept kind.
func keptFiles(files output.Files, pages []string) []string {
	var list []string
	for _, p := range pages {
		if _, ok := files.Lookup(p); ok {
			list = append(list, p)
		}
	}
	for name := range files {
		if kept[strings.ToLower(path.Ext(name))] && name != WorkerPath {
			list = append(list, "/"+name)
		}
	}
	sort.Strings(list)
	return list
}

// Checksums remembers the checksum of each kept file by the address of its
// bytes: a rebuild hands most files over unchanged, the very same bytes, so
// only new ones are read. It holds the files of one call only, which are
// still alive, so an address it knows cannot have been given to other
// bytes since. It is never changed once made.
type Checksums struct {
	byData map[*byte]Sum
}

// Sum is what the cache name knows of a file: its size and checksum.
type Sum struct {
	size int
	crc  uint32
}

// Size is the size of the file.
func (s Sum) Size() int { return s.size }

// SumOf is the Sum of a file's bytes.
func SumOf(data []byte) Sum {
	return Sum{len(data), crc32.Checksum(data, castagnoli)}
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cacheName names the cache after the kept files: their paths, sizes and
// CRC-32C checksums (fast enough for every rebuild; the chance that an edit
// keeps both the size and the checksum is one in four billion), hashed
// together.
func (c *Checksums) cacheName(files output.Files, written map[string]Sum, list []string) (string, *Checksums) {
	h := sha256.New()
	next := make(map[*byte]Sum, len(list))
	var n [12]byte
	for _, u := range list {
		name, _ := files.Lookup(u)
		data := files[name]
		sum, ok := written[name]
		if !ok && len(data) > 0 {
			known, seen := c.byData[&data[0]]
			if !seen || known.size != len(data) {
				known = SumOf(data)
			}
			sum = known
			next[&data[0]] = sum
		}
		binary.LittleEndian.PutUint64(n[:8], uint64(sum.size))
		binary.LittleEndian.PutUint32(n[8:], sum.crc)
		h.Write([]byte(u))
		h.Write(n[:])
	}
	return "guide-" + hex.EncodeToString(h.Sum(nil)[:8]), &Checksums{byData: next}
}

// keptRedirects returns the redirects of _redirects whose target is kept.
func keptRedirects(data []byte, list []string) map[string]string {
	keep := map[string]bool{}
	for _, u := range list {
		keep[u] = true
	}
	out := map[string]string{}
	for _, r := range netlify.ParseRedirects(data) {
		if r.Redirects() && keep[r.To] {
			out[strings.TrimSuffix(r.From, "/")] = r.To
		}
	}
	return out
}
