package devserver

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// readRegular reads a file of the site, refusing anything that is not a
// regular file. It opens without waiting (O_NONBLOCK), because opening a
// named pipe to read waits for a writer, for ever; what it opened is then
// checked before a byte is read.
func readRegular(root *os.Root, name string) ([]byte, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New(kind(fi.Mode()) + ", not a file")
	}
	return io.ReadAll(f)
}

// kind names what a file that is not a regular one is.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
