package main

import (
	"fmt"
	"io"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stderr, "guide serve: not yet")
	return errUsage
}
