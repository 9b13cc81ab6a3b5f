package translation

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// HashLen is the length of a source hash, in hexadecimal digits.
const HashLen = 12

var hashPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)

// Hash is the content hash of an English page, as a translation records it
// in "source:": the first 12 hexadecimal digits of the SHA-256 of the
// file's bytes, read with any byte order mark dropped and every line
// ending made "\n", so that an editor that rewrites line endings does not
// make every translation look out of date. The whole file counts, front
// matter too: a new title or description is a change to translate.
func Hash(english []byte) string {
	data := bytes.TrimPrefix(english, []byte("\ufeff"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:HashLen]
}
