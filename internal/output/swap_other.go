//go:build !linux

package output

import "errors"

// exchange is only atomic on Linux; elsewhere Write falls back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
