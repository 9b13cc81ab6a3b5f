package draw

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	texttemplate "text/template"
	"text/template/parse"

	"github.com/trustguide/guide/internal/diag"
)

// Template errors are reported where the author wrote them: at the
// template's file, line and column.

// position matches where the template packages say an error is: they
// report positions only inside their messages ("template: x.html:12:5:
// executing ..."), for parse and execution errors alike.
var position = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? (.*)$`)

// problemIn turns a template error met with set into a diagnostic at the
// template's file and line.
func problemIn(set *template.Template, err error) diag.Diagnostic {
	msg := err.Error()
	var escaping *template.Error
	switch {
	case errors.As(err, &escaping) && escaping.Node != nil:
		// The node knows its file, line and column.
		location, _ := (*parse.Tree)(nil).ErrorContext(escaping.Node)
		msg = "template: " + location + ": " + escaping.Description
	case errors.As(err, &escaping) && escaping.ErrorCode == template.ErrEndContext:
		return diag.Diagnostic{Path: fileOf(set, escaping.Name), Line: escaping.Line,
			Message: "a tag, attribute or quote is left open here or in a template it calls: close it (" + escaping.Description + ")"}
	case errors.As(err, &escaping) && escaping.Name != "":
		return diag.Diagnostic{Path: fileOf(set, escaping.Name), Line: escaping.Line, Message: escaping.Description}
	}
	var exec texttemplate.ExecError
	if errors.As(err, &exec) {
		msg = exec.Err.Error()
	}
	if m := position.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Diagnostic{Path: Dir + "/" + m[1], Line: line, Col: col, Message: m[4]}
	}
	return diag.Diagnostic{Path: fileOf(set, set.Name()), Message: strings.TrimPrefix(msg, "template: ")}
}

// quotedName is the name a parse error quotes: function "nosuchfunc" not defined.
var quotedName = regexp.MustCompile(`"([^"]+)"`)

// withColumn gives a parse error, which the template package places on a
// line only, the column where it is: at the name it quotes, or at the
// line's one action. When the line holds several actions and no name
// tells which, the line alone is said rather than a column guessed.
func withColumn(d diag.Diagnostic, files map[string]string) diag.Diagnostic {
	lines := strings.Split(files[d.Path], "\n")
	if d.Col > 0 || d.Line < 1 || d.Line > len(lines) {
		return d
	}
	line := lines[d.Line-1]
	if m := quotedName.FindStringSubmatch(d.Message); m != nil && strings.Contains(line, m[1]) {
		d.Col = strings.Index(line, m[1]) + 1
	} else if strings.Count(line, "{{") == 1 {
		d.Col = strings.Index(line, "{{") + 1
	}
	return d
}

// fileOf names the file that defines the template called name.
func fileOf(set *template.Template, name string) string {
	if t := set.Lookup(name); t != nil && t.Tree != nil && t.Tree.ParseName != "" {
		return Dir + "/" + t.Tree.ParseName
	}
	return Dir + "/" + name
}

// Problem reports an error met drawing the page of v at the template's file
// and line. The error is found again with the templates as written, so that
// it is reported where the author wrote it.
func (t *Templates) Problem(v *View, err error) diag.Diagnostic {
	kind := v.Page.Kind
	set := t.written[kind]
	if set == nil {
		return diag.Diagnostic{Path: Dir + "/" + string(kind) + ".html", Message: err.Error()}
	}
	if t.byKind[kind] != set {
		if asWritten := set.Execute(io.Discard, v); asWritten != nil {
			err = asWritten
		}
	}
	return problemIn(set, err)
}

// WhileDrawing joins template errors that many pages met into one each,
// naming the first page and how many others.
func WhileDrawing(failures map[diag.Diagnostic][]string) diag.List {
	var l diag.List
	for d, pages := range failures {
		sort.Strings(pages)
		others := ""
		if len(pages) > 1 {
			others = fmt.Sprintf(" and %d other pages", len(pages)-1)
		}
		d.Message = fmt.Sprintf("%s (while drawing %s%s)", d.Message, pages[0], others)
		l = append(l, d)
	}
	return l
}
