package content

import (
	"net/url"
	"regexp"
	"strings"
)

// The links an author writes: in site.yaml's menu and crisis list, and in
// a page's text.

var (
	telLink    = regexp.MustCompile(`^tel:\+?[0-9][0-9().-]*$`)
	smsLink    = regexp.MustCompile(`^sms:\+?[0-9][0-9.-]*(\?body=[A-Za-z0-9%+-]*)?$`)
	mailtoLink = regexp.MustCompile(`^mailto:[^\s@<>"'?&/\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
)

// linkProblem says why href cannot be a link of the menu or the crisis
// list, or "" when it can: an https: address, a tel:, sms: or mailto: link,
// or a path on this site (with an optional #fragment).
func linkProblem(href string) string {
	switch scheme, _, _ := strings.Cut(href, ":"); {
	case href == "":
		return "it is empty: write a link"
	case strings.HasPrefix(href, "/"):
		path, fragment, _ := strings.Cut(href, "#")
		if problem := SitePathProblem(path); problem != "" {
			return problem
		}
		if strings.ContainsAny(fragment, " \t\r\n\"'<>") {
			return "the part after # must be a heading's id"
		}
		return ""
	case scheme == "https":
		return webAddressProblem(href, "https")
	case scheme == "tel" && telLink.MatchString(href), scheme == "sms" && smsLink.MatchString(href), scheme == "mailto" && mailtoLink.MatchString(href):
		return ""
	case scheme == "tel" || scheme == "sms":
		return "write the number with digits only, such as " + scheme + ":18005551234"
	case scheme == "mailto":
		return "write one address, such as mailto:help@example.org"
	}
	return "it must start with https:, tel:, sms:, mailto: or / (a page of this site)"
}

// BodyLinkProblem says why a link to another site, a phone or a text
// line, written in a page's text, cannot be followed, or "": the rules of
// site.yaml's links, with http: allowed too (a page may cite an old site).
func BodyLinkProblem(href string) string {
	switch scheme, _, _ := strings.Cut(strings.ToLower(href), ":"); scheme {
	case "http", "https":
		return webAddressProblem(href, "http", "https")
	case "tel", "sms":
		return linkProblem(href)
	}
	return ""
}

// BaseURLProblem says why s cannot be the address the site is published
// at, or "" when it can. The builder makes every address from the root of
// the host (/css/…, /w/…, /sw.js, _redirects), as Netlify serves a site, so
// an address with a path is refused rather than half supported; so is one
// with a query or a fragment, which no page's address can carry.
func BaseURLProblem(s string) string {
	if problem := webAddressProblem(s, "http", "https"); problem != "" {
		return problem
	}
	u, _ := url.Parse(s)
	switch {
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(s, "#"):
		return "it holds ? or #: give the address alone"
	case u.Path != "" && u.Path != "/":
		return "it has a path (" + u.Path + "), but the builder links every page and file from the root of the host " +
			"(/css/…, /w/…, /sw.js), so the site must be served there, as Netlify serves it: give the host alone"
	}
	return ""
}

// webAddressProblem says why s is not a full web address with one of the
// given schemes, or "".
func webAddressProblem(s string, schemes ...string) string {
	if strings.IndexFunc(s, isSpaceOrControl) >= 0 {
		return "it holds a space or a control character"
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "it cannot be read as an address"
	case !contains(schemes, u.Scheme):
		return "it must start with " + strings.Join(schemes, ": or ") + "://"
	case u.Host == "" || u.User != nil || strings.Contains(u.Host, "\\"):
		return "it must name the site, as in https://example.org/"
	}
	return ""
}
