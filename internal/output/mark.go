package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Mark is the file Write leaves in every folder it makes: it lists the
// files written there. A folder is the builder's to replace only while it
// holds the mark and nothing the mark does not list, so a build never
// removes a file it did not write.
const Mark = ".guide-output"

// markHeader opens the mark, for whoever finds it.
const markHeader = "# guide build made this folder and replaces it whole on the next build.\n" +
	"# It lists the files it wrote; if the folder holds anything else, the build stops and removes nothing.\n"

// Refusal says why a folder may not be written: it is, holds or is inside
// the site's sources, or holds files the builder did not write.
type Refusal struct {
	Dir    string
	Reason string
}

func (r *Refusal) Error() string { return r.Dir + ": " + r.Reason }

// mark is the text of the mark for these files, sorted.
func mark(names []string) []byte {
	var b bytes.Buffer
	b.WriteString(markHeader)
	for _, p := range names {
		if strings.ContainsAny(p, "\n\r\"") {
			p = strconv.Quote(p) // one name, one line
		}
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readMark reads the files a mark lists, and the folders they are in.
func readMark(data []byte) (files, dirs map[string]bool) {
	files, dirs = map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if unquoted, err := strconv.Unquote(line); err == nil && strings.HasPrefix(line, `"`) {
			line = unquoted
		}
		files[line] = true
		for d := path.Dir(line); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return files, dirs
}

// Claim checks that Write may replace dir: it does not exist, or is an
// empty folder, or is a folder Write made that holds nothing but what its
// mark lists. dir is not followed if it is a symlink.
func Claim(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return &Refusal{dir, "it is a symlink: give the folder it leads to"}
	case !info.IsDir():
		return &Refusal{dir, "it is a file, not a folder: give a new or empty folder"}
	}
	data, err := os.ReadFile(filepath.Join(dir, Mark))
	if errors.Is(err, fs.ErrNotExist) {
		return unmarked(dir)
	}
	if err != nil {
		return err
	}
	return onlyWritten(dir, data)
}

// unmarked accepts an empty folder and refuses any other: it may hold
// anything.
func unmarked(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return err
	}
	return &Refusal{dir, fmt.Sprintf("it holds files and no %s, the mark guide build leaves in the folders it makes, "+
		"so it may hold files of yours, and the build would replace the folder whole: give a new or empty folder. "+
		"If it holds only a site built by an earlier version of guide (which left no mark), delete it and build again", Mark)}
}

// onlyWritten refuses a marked folder that holds a file or folder its mark
// does not list: someone put it there after the build.
func onlyWritten(dir string, mark []byte) error {
	files, dirs := readMark(mark)
	var foreign []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == Mark:
		case d.IsDir() && dirs[rel]:
		case d.Type().IsRegular() && files[rel]:
		default:
			foreign = append(foreign, rel)
			if d.IsDir() {
				return fs.SkipDir
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(foreign) == 0 {
		return nil
	}
	more := ""
	if len(foreign) > 3 {
		foreign, more = foreign[:3], fmt.Sprintf(" and %d more", len(foreign)-3)
	}
	return &Refusal{dir, fmt.Sprintf("it holds %s%s, which guide build did not write, and the build would replace the folder whole: "+
		"move what you want to keep out of it, delete the rest, and build again", strings.Join(foreign, ", "), more)}
}
