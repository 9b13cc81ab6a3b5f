// Command guide builds the trust-and-repair guide: markdown in content/,
// templates in templates/ and files in static/ become a static web site.
//
//	guide build  [-root DIR] [-out DIR] [-base-url URL] [-drafts]
//	guide serve  [-root DIR] [-addr 127.0.0.1:1313] [-poll DURATION]
//	guide check  [-root DIR] [-drafts] [-grades=false]
//	guide new    [-root DIR] article|worksheet "Title"
//	guide new    [-root DIR] translation content/PAGE.md [-lang CODE]
//	guide translations [-root DIR] [-lang CODE]
//	guide translations [-root DIR] -mark FILE...
//	guide help   [COMMAND]
//
// Exit status: 0 success, 1 the site has errors, 2 bad usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/trustguide/guide/internal/build"
	"github.com/trustguide/guide/internal/sitefs"
)

// errUsage means the command line was wrong; its message has been printed.
var errUsage = errors.New("bad usage")

// errSite means the site has errors; they have been printed.
var errSite = errors.New("the site has errors")

func main() {
	building := len(os.Args) > 1 && os.Args[1] == "build"
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the garbage collector works harder as the heap
		// nears it. Set GOMEMLIMIT to choose another.
		limit := memoryLimit
		if building {
			limit = buildMemoryLimit
		}
		debug.SetMemoryLimit(limit)
	}
	if building && os.Getenv("GOGC") == "" {
		// guide build runs once and is gone: below the limit, its heap may
		// grow to four times what it holds before a collection (a
		// 1,000-page build 0.9× the time, 45 → 75 MB); at the limit, the
		// limit rules. Set GOGC to choose another.
		debug.SetGCPercent(300)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit is the heap size past which collection becomes eager, for
// serve and check, which hold the whole site: it keeps them under 350 MB
// at 10,000 pages (whose live data is about 215 MB at the end).
const memoryLimit int64 = 320 << 20

// buildMemoryLimit is guide build's: it writes each page as it is drawn
// and lets it go, so at 10,000 pages it holds about 100 MB at most, and
// stays at about 230 MB for a few percent more CPU time than with no limit.
const buildMemoryLimit int64 = 210 << 20

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	var cmd func([]string, io.Writer, io.Writer) error
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		cmd = cmdHelp
	default:
		c, ok := lookup(name)
		if !ok || c.run == nil {
			fmt.Fprintf(stderr, "guide: unknown command %q\n\n", name)
			usage(stderr)
			return 2
		}
		cmd = c.run
	}
	switch err := cmd(args[1:], stdout, stderr); {
	case err == nil, errors.Is(err, errHelped):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errSite):
		return 1
	default:
		fmt.Fprintf(stderr, "guide: %v\n", err)
		return 1
	}
}

// buildSite builds the site in dir, read so that no symlink can lead the
// build outside the site's folder and no named pipe can stall it.
func buildSite(dir string, opt build.Options) (build.Result, error) {
	site, err := sitefs.Open(dir)
	if err != nil {
		return build.Result{}, err
	}
	defer site.Close()
	return build.Site(site, opt), nil
}
