package main
import (
 _ "github.com/yuin/goldmark"
 _ "github.com/fsnotify/fsnotify"
 _ "github.com/tdewolff/minify/v2"
 _ "go.yaml.in/yaml/v3"
 _ "rsc.io/qr"
 _ "golang.org/x/net/html"
 _ "github.com/chromedp/chromedp"
 _ "github.com/BurntSushi/toml"
)
func main(){}
