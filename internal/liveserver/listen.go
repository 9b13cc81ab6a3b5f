package liveserver

import (
	"errors"
	"fmt"
	"net"
	"syscall"
)

// Listen opens the dev server's TCP listener. The default, and the
// recommendation, is 127.0.0.1:1313: a site being written, drafts included,
// is nobody else's business, and a dev server is not hardened for a network.
//
// Loopback addresses (127.0.0.1, ::1, localhost) are always accepted. Any
// other address must name its host as an IP address, explicitly: 0.0.0.0 or
// 192.168.1.20 (to look at the site from a phone on the same network, or from
// outside a container) are accepted; ":1313", which silently listens on every
// network, and host names, which may resolve to anything, are refused.
func Listen(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if host == "" {
		return nil, fmt.Errorf("listen %s: no host given; use 127.0.0.1%s, or an explicit IP address to be reachable from other machines", addr, addr)
	}
	if host != "localhost" && net.ParseIP(host) == nil {
		return nil, fmt.Errorf("listen %s: %q is not an IP address; use 127.0.0.1, or the IP address of the network to listen on", addr, host)
	}
	l, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("listen %s: another program listens there already (another guide serve?): stop it, or give another port, like -addr %s", addr, net.JoinHostPort(host, "1314"))
	}
	return l, err
}
