package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"time"

	"github.com/trustguide/guide/internal/devserver"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve", stdout, stderr)
	rootDir := fs.String("root", ".", "read the site from the folder `DIR`")
	addr := fs.String("addr", "127.0.0.1:1313", "listen at `HOST:PORT` (loopback unless you give another address)")
	var poll time.Duration
	fs.Func("poll", "look for changes every `INTERVAL` (like 500ms), for file systems that send no events; 0 waits for events", func(s string) error {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return errors.New("give a time with its unit, like 500ms or 2s")
		}
		poll = d
		return nil
	})
	if err := fs.parseNone(args); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(stderr, "guide serve: -addr %s: give a host and a port, like 127.0.0.1:1313\n", *addr)
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return devserver.Run(ctx, devserver.Options{
		Root: *rootDir, Addr: *addr, Poll: poll, Log: stdout,
		Ready: func(url string) { fmt.Fprintf(stdout, "serving %s (drafts shown); press Ctrl+C to stop\n", url) },
	})
}
