package worksheet_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/trustguide/guide/internal/markdown"
	"github.com/trustguide/guide/internal/worksheet"
)

// page parses a worksheet as the builder does: front matter blanked, so
// that positions are the file's, then the builder's markdown set-up and ids.
func page(t *testing.T, path string, data []byte) worksheet.Page {
	t.Helper()
	body := blankFrontMatter(data)
	doc := markdown.New(worksheet.New()).Parse(body)
	if errs := worksheet.Check(doc.Root); len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	return worksheet.Page{Path: path, Fields: worksheet.Specs(doc.Root, body)}
}

// blankFrontMatter makes the front matter empty lines, as
// internal/content does: lines in the body are the file's.
func blankFrontMatter(data []byte) []byte {
	end := bytes.Index(data[3:], []byte("\n---\n")) + 3 + len("\n---")
	return append(bytes.Repeat([]byte("\n"), bytes.Count(data[:end], []byte("\n"))), data[end:]...)
}

const english = `---
title: Plan
description: D.
---
Intro.

## Questions

? What did I do, in plain words?

? One thing I will do: ___
? How hopeful do I feel? [0-10: not at all | very]
- [ ] I said sorry.
- [x] I listened. {#listened}
`

func compare(t *testing.T, translation string) []string {
	t.Helper()
	en := page(t, "content/worksheets/plan.md", []byte(english))
	fr := page(t, "content/fr/worksheets/plan.md", []byte(translation))
	var got []string
	for _, d := range worksheet.CompareFields(en, fr) {
		got = append(got, d.String())
	}
	return got
}

func TestSpecs(t *testing.T) {
	got := page(t, "plan.md", []byte(english)).Fields
	want := []worksheet.Spec{
		{ID: "what-did-i-do-in-plain-words", Control: worksheet.TextArea, Line: 9, Col: 1},
		{ID: "one-thing-i-will-do", Control: worksheet.TextLine, Line: 11, Col: 1},
		{ID: "how-hopeful-do-i-feel", Control: worksheet.Scale, Low: 0, High: 10, Line: 12, Col: 1},
		{ID: "i-said-sorry", Control: worksheet.Checkbox, Line: 13, Col: 3},
		{ID: "listened", Control: worksheet.Checkbox, Line: 14, Col: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestCompareFieldsAgree(t *testing.T) {
	french := `---
title: Plan
description: D.
---
Intro, en français, sur deux lignes
pour que les numéros de ligne changent.

## Questions

? Qu'ai-je fait, en mots simples? {#what-did-i-do-in-plain-words}
? Une chose que je vais faire : ___ {#one-thing-i-will-do}
? Quel espoir? [0-10: aucun | beaucoup] {#how-hopeful-do-i-feel}
- [ ] J'ai dit pardon. {#i-said-sorry}
- [ ] J'ai écouté. {#listened}
`
	if got := compare(t, french); len(got) != 0 {
		t.Errorf("fields that agree:\n%s", strings.Join(got, "\n"))
	}
}

func TestCompareFieldsDiffer(t *testing.T) {
	const at = "content/worksheets/plan.md"
	for _, tc := range []struct {
		name, fields string
		want         []string
	}{
		{"id not given", "? Qu'ai-je fait?\n? Une chose : ___ {#one-thing-i-will-do}\n? Espoir? [0-10: a | b] {#how-hopeful-do-i-feel}\n- [ ] Pardon. {#i-said-sorry}\n- [ ] Écouté. {#listened}\n", []string{
			"content/fr/worksheets/plan.md:5:1: this field's id is {#quai-je-fait}, but the English field in its place is {#what-did-i-do-in-plain-words} (" + at + ":9): end this line with {#what-did-i-do-in-plain-words}, so that answers saved in one language open in the other",
		}},
		{"kind and bounds", "? Fait? ___ {#what-did-i-do-in-plain-words}\n? Une chose : ___ {#one-thing-i-will-do}\n? Espoir? [1-5: a | b] {#how-hopeful-do-i-feel}\n- [ ] Pardon. {#i-said-sorry}\n\n? Écouté? {#listened}\n", []string{
			"content/fr/worksheets/plan.md:5:1: this field is a one-line answer; the English field {#what-did-i-do-in-plain-words} (" + at + ":9) is a multi-line answer: write it as a question after \"? \", with no \"___\" or [scale] at its end",
			"content/fr/worksheets/plan.md:7:1: this scale runs from 1 to 5; the English field {#how-hopeful-do-i-feel} (" + at + ":12) runs from 0 to 10: end the question with [0-10: what 0 means | what 10 means]",
			"content/fr/worksheets/plan.md:10:1: this field is a multi-line answer; the English field {#listened} (" + at + ":14) is a checkbox: write it as a task list item: \"- [ ] ...\"",
		}},
		{"missing, extra and moved", "? Espoir? [0-10: a | b] {#how-hopeful-do-i-feel}\n? Fait? {#what-did-i-do-in-plain-words}\n- [ ] Pardon. {#i-said-sorry}\n- [ ] Écouté. {#listened}\n- [ ] De plus. {#more}\n", []string{
			"content/fr/worksheets/plan.md:5:1: this field is in another place in the English page: {#how-hopeful-do-i-feel} (" + at + ":12) comes after {#one-thing-i-will-do} there: keep the fields in the English order",
			"content/fr/worksheets/plan.md:7:3: the English field {#one-thing-i-will-do} (" + at + ":11), a one-line answer, has no translation before this field: translate it, ending its line with {#one-thing-i-will-do}",
			"content/fr/worksheets/plan.md:9:3: this field, {#more}, is not in the English page " + at + ": remove it, or give it the id of the English field it translates (a translation keeps the English fields, so that answers open in both languages)",
		}},
		{"last missing", "? Fait? {#what-did-i-do-in-plain-words}\n? Une chose : ___ {#one-thing-i-will-do}\n? Espoir? [0-10: a | b] {#how-hopeful-do-i-feel}\n- [ ] Pardon. {#i-said-sorry}\n", []string{
			"content/fr/worksheets/plan.md:8:3: the English field {#listened} (" + at + ":14), a checkbox, has no translation after this field: translate it, ending its line with {#listened}",
		}},
		{"no fields", "Rien.\n", []string{
			"content/fr/worksheets/plan.md:1:1: this translation has none of the 5 fields of its English page, the first {#what-did-i-do-in-plain-words} (" + at + ":9): translate each, ending its line with the English field's {#id}",
		}},
	} {
		got := compare(t, "---\ntitle: P\n---\n\n"+tc.fields)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestRealTranslationsKeepTheirFields: every French worksheet of the site
// has its English page's fields.
func TestRealTranslationsKeepTheirFields(t *testing.T) {
	french, _ := filepath.Glob("../../content/fr/worksheets/*.md")
	checked := 0
	for _, fr := range french {
		if filepath.Base(fr) == "_index.md" {
			continue
		}
		en := strings.Replace(fr, "content/fr/", "content/", 1)
		enData, err := os.ReadFile(en)
		if err != nil {
			t.Errorf("%s has no English page: %v", fr, err)
			continue
		}
		frData, _ := os.ReadFile(fr)
		enPage := page(t, strings.TrimPrefix(en, "../../"), enData)
		frPage := page(t, strings.TrimPrefix(fr, "../../"), frData)
		if len(enPage.Fields) == 0 {
			t.Errorf("%s has no fields", en)
		}
		for _, d := range worksheet.CompareFields(enPage, frPage) {
			t.Error(d.String())
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("checked %d French worksheets; the site has more", checked)
	}
}

// TestCompareManyFields: past the size where the common order is worked
// out in full, fields are still matched in one pass, and one renamed field
// is one message.
func TestCompareManyFields(t *testing.T) {
	var en, fr []worksheet.Spec
	for i := range 1500 {
		id := "q" + strconv.Itoa(i)
		en = append(en, worksheet.Spec{ID: id, Line: i + 1, Col: 1})
		if i == 700 {
			id = "autre"
		}
		fr = append(fr, worksheet.Spec{ID: id, Line: i + 1, Col: 1})
	}
	got := worksheet.CompareFields(worksheet.Page{Path: "en.md", Fields: en}, worksheet.Page{Path: "fr.md", Fields: fr})
	if len(got) != 1 || !strings.HasPrefix(got[0].String(), "fr.md:701:1: this field's id is {#autre}, but the English field in its place is {#q700} (en.md:701)") {
		t.Errorf("got %v", got)
	}
}
