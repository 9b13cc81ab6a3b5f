package build

import (
	"github.com/trustguide/guide/internal/diag"
	"github.com/trustguide/guide/internal/layout"
	"github.com/trustguide/guide/internal/translation"
)

// checkTranslations warns at each translation that may no longer say what
// its English page says, from the bytes this build read (the English
// pages' hashes, kept by readSource, and each translation's source:), so
// that an edit of an English page in watch mode shows its translation out
// of date at the next rebuild:
//
//   - the English page changed since the hash its translation records;
//   - a translation records no hash;
//   - a translation records a hash of an English page that does not exist.
//
// The messages are internal/translation's, as guide translations gives
// them.
func checkTranslations(in *inputs) diag.List {
	var problems diag.List
	if len(in.languages) < 2 {
		return problems
	}
	english := in.languages[0]
	for name, s := range in.sources {
		if s.page == nil || s.lang.IsDefault() {
			continue
		}
		src := layout.Pair(s.lang, english, name)
		original, source := in.sources[src], s.page.Meta.Source
		switch {
		case original == nil && source != "":
			problems.Warn(name, s.page.Meta.Line("source"), 1, "%s", translation.OrphanMessage(src, s.lang.Dir))
		case original == nil:
			// a page of this language alone
		case source == "":
			problems.Warn(name, 1, 1, "%s", translation.UnmarkedMessage(src, name))
		case source != original.hash:
			problems.Warn(name, 1, 1, "%s", translation.OutOfDateMessage(src, name))
		}
	}
	return problems
}
