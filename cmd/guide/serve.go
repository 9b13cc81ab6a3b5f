package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/trustguide/guide/internal/devserver"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve", stderr)
	rootDir := fs.String("root", ".", "the site's folder")
	addr := fs.String("addr", "127.0.0.1:1313", "where to listen (loopback unless you give another IP)")
	poll := fs.Duration("poll", 0, "poll for changes at this interval, for file systems that send no events (e.g. 500ms)")
	if err := parse(fs, args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return devserver.Run(ctx, devserver.Options{
		Root: *rootDir, Addr: *addr, Poll: *poll, Log: stdout,
		Ready: func(url string) { fmt.Fprintf(stdout, "serving %s (drafts shown); press Ctrl+C to stop\n", url) },
	})
}
