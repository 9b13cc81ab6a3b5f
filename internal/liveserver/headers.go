package liveserver

import (
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
)

// allowEventStream makes sure a Content-Security-Policy lets the reload
// script open its event stream to this server (connect-src 'self'), which a
// policy like "default-src 'none'; script-src 'self'" forbids. Nothing else
// is loosened, so the pages are still checked against the site's policy.
func allowEventStream(csp string) string {
	var dirs [][]string // each directive as its name and values
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			dirs = append(dirs, f)
		}
	}
	allowsSelf := func(f []string) bool {
		return slices.Contains(f[1:], "'self'") || slices.Contains(f[1:], "*")
	}
	connect := slices.IndexFunc(dirs, func(f []string) bool { return strings.EqualFold(f[0], "connect-src") })
	deflt := slices.IndexFunc(dirs, func(f []string) bool { return strings.EqualFold(f[0], "default-src") })
	switch {
	case connect >= 0 && !allowsSelf(dirs[connect]):
		f := slices.DeleteFunc(dirs[connect], func(v string) bool { return v == "'none'" })
		dirs[connect] = append(f, "'self'")
	case connect < 0 && deflt >= 0 && !allowsSelf(dirs[deflt]):
		dirs = append(dirs, []string{"connect-src", "'self'"})
	default:
		return csp
	}
	parts := make([]string, len(dirs))
	for i, f := range dirs {
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, "; ")
}

// types are the content types of the files a site is made of. They are
// fixed here rather than read from the system (mime.TypeByExtension), whose
// answers differ between machines.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".pdf":         "application/pdf",
}

// ContentType names the type of a site file by its extension, falling back
// to the system's table and then to sniffing; _redirects and other files
// without an extension are plain text.
func ContentType(name string, body []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if ext == "" {
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(body)
}
