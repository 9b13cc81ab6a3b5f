package liveserver

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"path"
	"strconv"
	"strings"
)

// allowedHost reports whether a request's Host names this server: the
// address the connection reached (local), or localhost, 127.0.0.1 or [::1],
// always with its port. Anything else may be another site's page whose name
// was made to resolve to this machine (DNS rebinding), reading what only the
// author should see.
func allowedHost(host string, local net.Addr) bool {
	tcp, ok := local.(*net.TCPAddr)
	if !ok {
		return false // no connection to compare with: refuse rather than guess
	}
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port: the browser left out http's default
		name, port = strings.Trim(host, "[]"), "80"
	}
	if port != strconv.Itoa(tcp.Port) {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(name)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	return ip == tcp.AddrPort().Addr().Unmap() || ip == netip.IPv6Loopback() || ip == netip.AddrFrom4([4]byte{127, 0, 0, 1})
}

// refuseHost answers a request for another host, saying why.
func refuseHost(w http.ResponseWriter, r *http.Request, local net.Addr) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, fmt.Sprintf("guide serve answers only requests for %s or localhost with its port, not for host %q: "+
		"a page of another site may be reaching this one through its own name (DNS rebinding)", local, r.Host),
		http.StatusForbidden)
}

// cleanPath is the canonical form of a URL path: no empty or "." segments,
// and the trailing slash kept. It always starts with a single "/", so a
// redirect to it stays on this site, where "//evil.example/" would not.
func cleanPath(p string) string {
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}
