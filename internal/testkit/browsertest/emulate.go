package browsertest

import (
	"context"
	"maps"
	"slices"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// defaultFeatures are the media features every tab has unless a test sets
// them: no smooth scrolling or animation, so a click lands where it aims.
var defaultFeatures = map[string]string{"prefers-reduced-motion": "reduce"}

// Media makes the page's CSS see a media type ("print", or "" for the
// screen) and media features, such as "prefers-color-scheme": "dark".
func (tab *Tab) Media(media string, features map[string]string) {
	tab.t.Helper()
	params := emulation.SetEmulatedMediaParams{Media: media}
	all := maps.Clone(defaultFeatures)
	maps.Copy(all, features)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		params.Features = append(params.Features, &emulation.MediaFeature{Name: name, Value: all[name]})
	}
	tab.Do(call(emulation.SetEmulatedMedia, params))
}

// Viewport gives the page a width and height in CSS pixels; mobile makes
// the browser honour <meta name="viewport"> as a phone does.
func (tab *Tab) Viewport(width, height int64, mobile bool) {
	tab.t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	tab.Do(chromedp.EmulateViewport(width, height, opts...))
}

// TextSize sets the reader's text size, as a browser's font size setting
// does: the default is 16 CSS pixels, so 32 is text at 200%. It lasts for
// the pages the tab loads next.
func (tab *Tab) TextSize(px int64) {
	tab.t.Helper()
	tab.Do(call(page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: px, Fixed: px * 13 / 16}}))
}

// DisableScripts turns JavaScript off for the pages the tab loads next, as
// a reader may have it.
func (tab *Tab) DisableScripts() {
	tab.t.Helper()
	tab.Do(call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
}

// call makes an action of a protocol command whose result does not matter.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}
