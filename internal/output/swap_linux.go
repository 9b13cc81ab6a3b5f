package output

import "golang.org/x/sys/unix"

// exchange swaps two folders in one step, so a reader of the output never
// finds it missing, not even for an instant.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
