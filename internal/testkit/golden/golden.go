// Package golden lays out built files the way golden files keep them, for a
// reviewer to read: HTML and XML one element to a line, indented, JSON
// indented, anything else as it is.
//
// A golden file must still pin the output byte for byte, or a test would
// miss a lost space between two links. So the layout only adds: a line
// break and indentation between two tags where the file has nothing, and
// one line break at the end. Text, tags, attributes and the content of
// <pre>, <textarea>, <script> and <style> stay exactly as they were. Layout
// checks that by undoing its work and comparing, and returns an error
// rather than a form that could stand for two different files.
package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
)

// Layout returns the golden form of the file name holding data.
func Layout(name string, data []byte) ([]byte, error) {
	switch path.Ext(name) {
	case ".html":
		return layoutMarkup(data, htmlDialect)
	case ".xml":
		return layoutMarkup(data, xmlDialect)
	case ".json":
		return layoutJSON(data)
	}
	return data, nil
}

// layoutJSON indents compact JSON. JSON that is not compact could not be
// told from the compact JSON of the same layout, so it is refused.
func layoutJSON(data []byte) ([]byte, error) {
	var compact, out bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return nil, err
	}
	if !bytes.Equal(compact.Bytes(), data) {
		return nil, fmt.Errorf("the JSON is not compact, so its golden form would not pin it")
	}
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
