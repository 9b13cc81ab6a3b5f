package browsertest

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Screenshot returns a JPEG of the page from its top, at most maxHeight CSS
// pixels of it (a JPEG holds at most 65,535 rows). A long page takes a while
// to draw on a busy machine, so it may take five times ActionTimeout.
func (tab *Tab) Screenshot(maxHeight float64) []byte {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, 5*ActionTimeout)
	defer cancel()
	jpeg, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		size := m.CSSContentSize
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatJpeg,
			Quality:               new(int64(80)),
			CaptureBeyondViewport: new(true),
			Clip:                  &page.Viewport{Width: size.Width, Height: min(size.Height, maxHeight), Scale: 1},
		})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}))
	if err != nil {
		tab.t.Fatalf("screenshot: %v", err)
	}
	return jpeg
}
