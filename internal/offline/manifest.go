package offline

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/png" // icons' sizes are read from their PNG headers
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/trustguide/guide/internal/output"
)

// IconsDir is the output folder whose images are the site's app icons
// (static/icons/ in the sources): PNGs of the sizes phones ask for
// (180, 192, 512 pixels square) and any SVG.
const IconsDir = "icons/"

// App is what the manifest says of the site.
type App struct {
	Name        string // the site's title
	Description string
	Language    string // "en-CA"
	Start       string // the language's home page, where the app opens: "/", "/fr/"
}

// manifest is a web app manifest: what a browser needs to add the site to
// a home screen. Theme colours are left to the pages' <meta
// name="theme-color">, which can follow the light or dark scheme.
type manifest struct {
	Name        string `json:"name"`
	ShortName   string `json:"short_name"`
	Description string `json:"description,omitempty"`
	Lang        string `json:"lang,omitempty"`
	StartURL    string `json:"start_url"`
	Scope       string `json:"scope"`
	Display     string `json:"display"`
	Icons       []icon `json:"icons"`
}

type icon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// Manifest returns a language's /manifest.webmanifest (/fr/manifest.webmanifest)
// for the site in files, with every icon under IconsDir. Its scope is the
// whole site, every language.
func Manifest(app App, files output.Files) []byte {
	m := manifest{
		Name: app.Name, ShortName: app.Name, Description: app.Description, Lang: app.Language,
		StartURL: app.Start, Scope: "/",
		// A plain browser window, with its address bar and Back button,
		// where the reader sees what site this is and can leave it.
		Display: "browser",
		Icons:   icons(files),
	}
	data, _ := json.MarshalIndent(m, "", "  ") // strings and slices: Marshal cannot fail
	return append(data, '\n')
}

// icons lists the images under IconsDir, in name order, with their sizes.
func icons(files output.Files) []icon {
	var names []string
	for name := range files {
		if strings.HasPrefix(name, IconsDir) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := []icon{}
	for _, name := range names {
		switch strings.ToLower(path.Ext(name)) {
		case ".svg":
			out = append(out, icon{Src: "/" + name, Sizes: "any", Type: "image/svg+xml"})
		case ".png":
			if c, _, err := image.DecodeConfig(bytes.NewReader(files[name])); err == nil {
				size := strconv.Itoa(c.Width) + "x" + strconv.Itoa(c.Height)
				out = append(out, icon{Src: "/" + name, Sizes: size, Type: "image/png"})
			}
		}
	}
	return out
}
