// Package translation tells which translations are current, so that a
// stale one is found, not guessed.
//
// # Pairs
//
// The translation of content/<path>.md into a language is
// content/<lang>/<path>.md: the same path under the language's folder
// (TranslationOf, EnglishOf). A slug: in its front matter may give it a
// URL of its own; the pair is still made by path.
//
// # Source
//
// A translation records, in its front matter, the English page it was
// made from:
//
//	source: 3fa9c0d41b7e
//
// the first 12 hexadecimal digits of the SHA-256 of the English file,
// with its line endings made "\n" and any byte order mark dropped (Hash).
// When the English file changes, its hash no longer matches and the
// translation is out of date. Version control is not needed, and nothing
// is guessed from file times, which a checkout resets.
//
// Status pairs every English page with its translation in one language:
// up to date, out of date, not marked (no source:), or missing. There is
// no true "since when" without version control; an out-of-date entry
// carries the English page's own updated: (or date:) day, which says when
// its author last changed it, and is shown as such, unless the caller
// found out more (Since: "guide translations" asks git). Problems turns a
// status into what build and check report: a warning at the first line of
// each translation that is out of date or not marked, an error at a
// source: that is not a hash. Orphans reports translations whose English
// page is gone.
//
// # Commands
//
// Mark is "guide translations -mark <file>": once the translator has
// brought a translation up to date, it writes the English page's current
// hash in source: and changes no other byte of the file. Start is what
// "guide new" gives a translator to begin with: the English page with
// source: set, draft: true, no aliases, a short link of its own, and a
// note at the top of the English text to translate. WriteTable prints the
// status of one language, as "guide translations" shows it.
package translation
