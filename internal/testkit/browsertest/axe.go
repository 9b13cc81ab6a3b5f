package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// AxeTags are the rule sets the audit runs: WCAG 2.0, 2.1 and 2.2 at levels
// A and AA, and axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// AxeSource returns axe-core's script (from npm's axe-core package): the
// file at $AXE_CORE_JS, or .ci/node_modules/axe-core/axe.min.js, where
// .ci/run installs it. Without it the test fails (see needs).
func AxeSource(t testing.TB) string {
	t.Helper()
	file := os.Getenv("AXE_CORE_JS")
	if file == "" {
		file = filepath.Join(RepoRoot(t), ".ci", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		needs(t, "axe-core not installed: npm install --prefix .ci axe-core@4, or name axe.min.js in $AXE_CORE_JS (%v)", err)
	}
	return string(data)
}

// AxeViolation is one rule that failed, with the elements that fail it.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []AxeNode `json:"nodes"`
}

// AxeNode is one failing element.
type AxeNode struct {
	Target  []string `json:"target"` // CSS selectors, outermost frame first
	HTML    string   `json:"html"`
	Summary string   `json:"summary"` // what to fix
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n  - %s\n    %s\n    %s", strings.Join(n.Target, " "), n.HTML,
			strings.ReplaceAll(n.Summary, "\n", "\n    "))
	}
	return b.String()
}

// Axe audits the page as it is now with axe-core (source from AxeSource,
// injected once per page) and returns the violations of AxeTags.
func (tab *Tab) Axe(source string) []AxeViolation {
	tab.t.Helper()
	if !Eval[bool](tab, `typeof axe === "object"`) {
		tab.Do(chromedp.Evaluate[chromedp.Void](source))
	}
	tags, _ := json.Marshal(AxeTags)
	raw := Eval[[]byte](tab, `axe.run(document, {runOnly: `+string(tags)+`, resultTypes: ["violations"]}).then(function (r) {
	return r.violations.map(function (v) {
		return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map(function (n) {
			return {target: n.target.map(String), html: n.html, summary: n.failureSummary};
		})};
	});
})`)
	var out []AxeViolation
	if err := json.Unmarshal(raw, &out); err != nil {
		tab.t.Fatalf("reading axe's results: %v", err)
	}
	return out
}
