package i18n

import (
	"sort"
	"text/template/parse"

	"github.com/trustguide/guide/internal/diag"
)

// FuncName is the template function that gives a string:
//
//	{{t "nav.skip"}}
//	{{t "packet.count" "n" .Count}}
//	{{t "search.none" "query" .Query "n" 3}}
//
// The key and the argument names are quoted constants, so every use is
// known, and checked, before a page is drawn.
const FuncName = "t"

// templateUses finds the uses of t in one template file. ok is false
// when the file cannot be parsed.
func templateUses(file, text string, problems *diag.List) (uses []Use, ok bool) {
	tree := parse.New(file)
	tree.Mode = parse.SkipFuncCheck | parse.ParseComments
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(text, "", "", trees); err != nil {
		return nil, false
	}
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		walk(trees[name].Root, func(cmd *parse.CommandNode) {
			if use, found := templateUse(file, text, cmd, problems); found {
				uses = append(uses, use)
			}
		})
	}
	return uses, true
}

// templateUse reads one command: a call of t with a constant key, and the
// names of its arguments when they are constants too.
func templateUse(file, text string, cmd *parse.CommandNode, problems *diag.List) (Use, bool) {
	if len(cmd.Args) == 0 {
		return Use{}, false
	}
	fn, isIdent := cmd.Args[0].(*parse.IdentifierNode)
	if !isIdent || fn.Ident != FuncName {
		return Use{}, false
	}
	at := positionOf(file, text, int(cmd.Position()))
	if len(cmd.Args) < 2 {
		problems.Add(at.Path, at.Line, at.Col, "t needs the key of a string, quoted: {{t \"nav.skip\"}}")
		return Use{}, false
	}
	key, isString := cmd.Args[1].(*parse.StringNode)
	if !isString {
		problems.Add(at.Path, at.Line, at.Col, "the key given to t must be a quoted constant, so the build can check it in every language: {{t \"nav.skip\"}}")
		return Use{}, false
	}
	use := Use{Key: key.Text, At: positionOf(file, text, int(key.Position())), Args: []string{}}
	rest := cmd.Args[2:]
	if len(rest)%2 != 0 {
		problems.Add(at.Path, at.Line, at.Col, "t is given %d values after the key: give names and values in pairs, like \"n\" .Count", len(rest))
		return Use{}, false
	}
	for i := 0; i < len(rest); i += 2 {
		name, isString := rest[i].(*parse.StringNode)
		if !isString {
			problems.Add(at.Path, at.Line, at.Col, "the names of t's values must be quoted constants, like \"n\" .Count")
			return Use{}, false
		}
		use.Args = append(use.Args, name.Text)
	}
	sort.Strings(use.Args)
	return use, true
}

// walk calls visit for every command under n.
func walk(n parse.Node, visit func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		visit(n)
		for _, a := range n.Args {
			walk(a, visit)
		}
	case *parse.ChainNode:
		walk(n.Node, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walk(n.Pipe, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(*parse.CommandNode)) {
	walk(b.Pipe, visit)
	walk(b.List, visit)
	walk(b.ElseList, visit)
}
