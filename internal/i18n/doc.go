// Package i18n holds the strings that templates and scripts show readers,
// in every language of the site, and checks them before any page is drawn.
//
// # The files
//
// templates/i18n/<lang>.yaml holds one language's strings: en.yaml,
// fr.yaml. Each line maps a key to a text; a text may have placeholders,
// {n} or {title}, filled when it is shown. A string that counts something
// gives one text per plural form instead:
//
//	nav.skip: Skip to the main content
//	search.none: Nothing found for “{query}”.
//	packet.count:
//	  one: One worksheet
//	  other: "{n} worksheets"
//
// Keys are flat: lower-case letters, digits and . _ - (the dots only group
// keys for the eye). The plural forms a language needs, and which count
// takes which, are CLDR's (golang.org/x/text/feature/plural): English and
// French both have "one" and "other", but French says "0 fiche" where
// English says "0 worksheets". A plural string always takes {n}, the count,
// even when a form does not show it. Quote a text that starts with "{".
//
// # Using a string
//
// In a template: {{t "nav.skip"}}, and {{t "packet.count" "n" .Count}} for
// a string with placeholders (names and values in pairs). The key and the
// names are quoted constants: Scan reads every template with
// text/template/parse and so knows every use, at its line and column,
// before a page is drawn. Funcs gives a language's template functions.
//
// In a script: t("worksheet.saved", {name: file.name}), also with a quoted
// key. Scan finds those calls in the scripts under static/ with a scanner
// that skips comments, strings and regular expressions, so the keys each
// script uses are known from its source alone; nothing is declared twice.
// A script gets its strings from the page: the page template writes
//
//	<script type="application/json" id="strings">{{scriptStrings "js/worksheet.js" "js/site.js"}}</script>
//
// naming the scripts the page loads, which holds exactly the strings those
// scripts use, in the page's language, as JSON (a data block: it runs
// nothing, and the site's Content-Security-Policy allows it). A small
// script loaded before the others defines t: it reads that block, fills
// placeholders, and chooses a plural form with the browser's
// Intl.PluralRules for the page's lang (CLDR's rules again), falling back
// to "other".
//
// # Checks
//
// Load reports the problems of each file: a key set twice, an empty text,
// a brace that starts no placeholder, a plural form the language does not
// have or lacks. Scan reports a use whose key is not a quoted constant.
// Check compares the files with the uses and with each other, the first
// language being the reference: a key used but missing from a language
// (once, at its first use; a language whose file is missing is reported
// once by Load instead); a key nothing uses (at its line in each
// file); placeholders or plural forms that differ from the reference (at
// the other language's line); a template giving values other than the
// string's placeholders (at the use). All are errors.
package i18n
