// Package content reads a site's sources and checks them.
//
// # Source tree
//
//	content/site.yaml            site settings
//	content/_index.md            the home page
//	content/articles/*.md        articles; those with a step form the guided path
//	content/worksheets/*.md      worksheets
//	content/*.md                 other pages: /<slug>/
//	content/<section>/_index.md  any other folder is a section, nested folders too
//	content/urls.txt             every URL the site has published (kept by the builder)
//	content/<lang>/site.yaml     a folder holding its own site.yaml is another language's
//	                             site (internal/layout), never a section of this one
//
// A page's URL is its folder and slug: content/articles/acknowledge.md is
// /articles/acknowledge/. The slug is the file name without ".md" unless the
// front matter sets one.
//
// # Front matter
//
// YAML between two "---" lines at the very top of the file. Unknown keys and
// keys given twice are errors, so a typo cannot pass silently.
//
//	title:       required. The page's title, also used in menus and links.
//	description: required. One or two sentences for search results and sharing.
//	draft:       true keeps the page out of a build unless -drafts (serve shows drafts).
//	weight:      orders pages within a section (lower first, then by title).
//	date:        first published: YYYY-MM-DD, or an RFC 3339 date and time
//	             (2026-11-25T10:00:00Z). Pages show the day; the feed keeps the time.
//	updated:     last meaningful change, written the same way.
//	slug:        the last part of the URL, instead of the file name.
//	aliases:     old URLs of this page ("/old/path/"); each becomes a 301. Each
//	             is a plain path of the site (see SitePathProblem) that no page,
//	             short link or other alias has.
//	tags:        a list of words.
//
// Articles may also set:
//
//	step:        the page's place on the guided path (1, 2, 3...). Steps are unique.
//
// Worksheets may also set:
//
//	short:       the short link, /w/<short>: letters, digits and "-".
//	minutes:     about how long it takes to fill in.
//	for:         who it is for: "both", "hurt-partner", "partner-who-broke-trust"
//	             or "alone" (one partner on their own, such as a private safety check).
//	article:     the article it belongs to, as a link: "../articles/acknowledge.md".
//
// # site.yaml
//
//	title:       the site's name
//	language:    a BCP 47 tag, such as "en-CA"
//	description: what the site is, for search results
//	base_url:    where it is published, "https://example.org/" (-base-url overrides it)
//	quick_exit:  required: where the "Leave this site" button goes, an https: address
//	crisis:      list of {name, detail, href}: shown on every page
//	menu:        list of {title, url}: the main navigation
//
// Links in crisis and menu are https:, tel:, sms: or mailto: links, or paths
// of this site; every problem is reported at its line and column.
//
// # Files
//
// What is published from content/ is said once, in files.go: markdown
// becomes pages, files of the kinds a site serves are copied, editors'
// files are ignored, anything else is left out with a warning.
//
// # Links
//
// Link to another page by its file, relative to the linking file:
// [the first step](acknowledge.md), [a worksheet](../worksheets/name-it.md#before-you-start).
// The builder turns these into URLs; a link to a missing page or heading is an error.
package content

import "github.com/trustguide/guide/internal/layout"

// ManifestPath is the committed list of every URL the site has published,
// in every language.
const ManifestPath = layout.Root + "/urls.txt"
