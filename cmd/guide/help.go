package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// command is one sub-command: its arguments and what it does, in a line.
type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) error
}

// commands are guide's sub-commands, in the order help lists them.
func commands() []command {
	return []command{
		{"build", "[-root DIR] [-out DIR] [-base-url URL] [-drafts]", "build the site into a folder (public/), in place of the site an earlier build wrote there", cmdBuild},
		{"serve", "[-root DIR] [-addr HOST:PORT] [-poll INTERVAL]", "build, watch and serve the site, reloading the browser on every save; drafts shown", cmdServe},
		{"check", "[-root DIR] [-drafts] [-grades=false]", "build in memory and report every problem, and each page's reading grade", cmdCheck},
		{"new", "[-root DIR] article|worksheet \"Title\" | translation PAGE [-lang CODE]", "start a draft article or worksheet, its front matter filled in, or the translation of an English page", cmdNew},
		{"translations", "[-root DIR] [-lang CODE] | -mark FILE...", "say which translations are up to date, out of date, not marked or missing; -mark records that a translation is current", cmdTranslations},
		{"help", "[COMMAND]", "say what the commands do and take, or what one does", nil},
	}
}

// errHelped means help was asked for and given: not an error.
var errHelped = errors.New("help given")

const intro = `Guide builds the trust-and-repair guide: markdown in content/, templates in
templates/ and files in static/ become a static web site.

Usage:

	guide <command> [flags]

The commands are:

`

// usage lists the commands, one a line.
func usage(w io.Writer) {
	fmt.Fprint(w, intro)
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nUse \"guide help <command>\" for one command alone.\n")
}

// cmdHelp prints every command's help, or one command's.
func cmdHelp(args []string, stdout, stderr io.Writer) error {
	switch len(args) {
	case 0:
		usage(stdout)
		for _, c := range commands() {
			if c.run != nil {
				fmt.Fprintln(stdout)
				c.run([]string{"-h"}, stdout, stderr)
			}
		}
		return errHelped
	case 1:
		if c, ok := lookup(args[0]); ok && c.run != nil {
			return c.run([]string{"-h"}, stdout, stderr)
		} else if ok {
			usage(stdout)
			return errHelped
		}
		fmt.Fprintf(stderr, "guide help: unknown command %q\n\n", args[0])
		usage(stderr)
	default:
		fmt.Fprint(stderr, "usage: guide help [COMMAND]\n")
	}
	return errUsage
}

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// flagSet is a command's flags, which print its help to stdout when asked
// for it (-h, -help) and to stderr after a mistake.
type flagSet struct {
	*flag.FlagSet
	cmd            command
	stdout, stderr io.Writer
}

// flags makes a command's flag set, which reports errors instead of exiting.
func flags(name string, stdout, stderr io.Writer) *flagSet {
	fs := flag.NewFlagSet("guide "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // parse prints help where it belongs
	c, _ := lookup(name)
	return &flagSet{FlagSet: fs, cmd: c, stdout: stdout, stderr: stderr}
}

// parse parses the flags: -h gives the command's help (errHelped), a
// mistake its usage on stderr (errUsage).
func (fs *flagSet) parse(args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.help(fs.stdout)
		return errHelped
	case err != nil:
		fs.help(fs.stderr)
		return errUsage
	}
	return nil
}

// parseNone parses the flags of a command that takes no other argument. A
// word left over ("-drafts true", a folder without -root) would stop the
// flags there and be ignored: it is refused, before anything is read.
func (fs *flagSet) parseNone(args []string) error {
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.stderr, "guide %s: unexpected argument %q: %s takes only the flags below (a true/false flag as -name=false)\n\n", fs.cmd.name, fs.Arg(0), fs.cmd.name)
		fs.help(fs.stderr)
		return errUsage
	}
	return nil
}

// parseAll parses flags given before, between or after the command's
// other arguments ("guide new translation x.md -lang fr"), and returns
// those arguments. After "--", every argument is one of them.
func (fs *flagSet) parseAll(args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if len(left) == 0 || (len(left) < len(args) && args[len(args)-len(left)-1] == "--") {
			return append(rest, left...), nil
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

// help writes the command's usage line, what it does and its flags.
func (fs *flagSet) help(w io.Writer) {
	fmt.Fprintf(w, "usage: guide %s %s\n\n%s.\n\nFlags:\n", fs.cmd.name, fs.cmd.args, capitalized(fs.cmd.summary))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(fs.stderr)
}

// capitalized gives an ASCII sentence its capital.
func capitalized(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
