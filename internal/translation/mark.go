package translation

import "strings"

// Mark records that a translation matches the English page as it is now:
// it sets the translation's "source:" to the English page's hash, on the
// line that has it or on a new last line of the front matter, and leaves
// every other byte of the file as it was. It is what "guide translations
// -mark" writes; the file is the translator's, so it fails rather than
// guess when the translation has no front matter.
func Mark(translation, english []byte) ([]byte, error) {
	p, err := splitPage(translation)
	if err != nil {
		return nil, err
	}
	p.set("source", Hash(english))
	return p.bytes(), nil
}

// StartNote is the first line of a translation's body when it is
// started: the English text follows it, to be translated in place.
const StartNote = "<!-- Translate this page: replace the English text below, delete this line and \"draft: true\", then run \"guide translations -mark\" on this file. -->"

// Start makes the first version of a translation into lang of an English
// page, for "guide new": the English front matter with source: set to the
// page's hash and draft: true, so that it is not published half done; no
// aliases (they are English URLs, which the English page keeps); a
// worksheet's short link made its own by adding "-<lang>" (short links are
// one namespace for all languages). The body is the English text, after
// StartNote.
func Start(english []byte, lang string) ([]byte, error) {
	p, err := splitPage(english)
	if err != nil {
		return nil, err
	}
	p.drop("aliases")
	if short := p.meta().Short; short != "" {
		p.set("short", short+"-"+lang)
	}
	p.set("draft", "true")
	p.set("source", Hash(english))
	body := p.lines[p.close+1:]
	note := []string{StartNote + p.ending()}
	if len(body) > 0 && strings.TrimSpace(body[0]) != "" {
		note = append(note, p.ending())
	}
	p.lines = append(p.lines[:p.close+1], append(note, body...)...)
	return p.bytes(), nil
}
