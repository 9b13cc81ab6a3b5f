package browsertest

import (
	"context"
	"regexp"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// PrintToPDF prints the page as the browser's Print command does, on Letter
// paper with the page's own margins (@page), and returns the PDF.
func (tab *Tab) PrintToPDF() []byte {
	tab.t.Helper()
	return Run(tab, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	}))
}

// pageObject matches a page of a PDF: an object of /Type /Page (not /Pages).
var pageObject = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// PDFPages counts the pages of a PDF that Chromium made: its page objects
// are written out plainly, one per page.
func PDFPages(pdf []byte) int {
	return len(pageObject.FindAllIndex(pdf, -1))
}
