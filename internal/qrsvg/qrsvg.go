// Package qrsvg draws QR codes as small SVG images, made at build time so a
// printed worksheet or handout can lead back to its page with no request to
// any QR service.
package qrsvg

import (
	"fmt"
	"strconv"
	"strings"

	"rsc.io/qr"
)

// Encode returns an SVG drawing of text as a QR code with a quiet zone, one
// path of unit squares, scaled by the viewBox. title labels it for screen
// readers; with no title it is hidden from them, for the page labels the
// element around it in its own language.
func Encode(text, title string) (string, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", err
	}
	const quiet = 4
	size := code.Size + 2*quiet
	var d []byte // the path: "M x y h run v1 h -run z" per run of dark modules
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if !code.Black(x, y) {
				continue
			}
			// Join runs of dark modules on a row into one rectangle.
			run := 1
			for x+run < code.Size && code.Black(x+run, y) {
				run++
			}
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(x+quiet), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y+quiet), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, 'z')
			x += run - 1
		}
	}
	label := `aria-hidden="true"`
	if title != "" {
		label = `role="img" aria-label="` + escape(title) + `"`
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="qr" %s shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path d="%s" fill="#000"/></svg>`,
		size, size, label, size, size, d), nil
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
