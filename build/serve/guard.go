package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// maxStreams bounds the event streams open at once: each holds a
// connection and a goroutine for as long as its page is open. Browsers open
// no more than six connections to a host; tabs beyond that many wait.
var maxStreams int64 = 64

// guard returns the handler that Run serves: s, for requests whose Host
// names the server at addr, by address, loopback name or the name the user
// chose to listen on. A page of another site can reach the preview
// by DNS rebinding (its name made to resolve to 127.0.0.1), but its
// requests then carry its own name: they are refused, so that it reads
// neither the drafts nor the register.
func (s *Server) guard(addr net.Addr, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostAllowed(r.Host, addr, name) {
			_, port, _ := net.SplitHostPort(addr.String())
			http.Error(w, fmt.Sprintf("Hôte « %s » refusé : l’aperçu ne répond qu’à son adresse d’écoute, à localhost, 127.0.0.1 et [::1] ; ouvrez http://localhost:%s/.", r.Host, port),
				http.StatusMisdirectedRequest)
			return
		}
		s.ServeHTTP(w, r)
	})
}

// hostAllowed tells whether host, a request's Host, names the server
// listening at addr: its address, a loopback name or name (the one the user
// listens on), with its port. When the server listens on every interface
// (the user chose to share the preview), any IP address is its own; no other
// name is.
func hostAllowed(host string, addr net.Addr, name string) bool {
	if host == addr.String() {
		return true
	}
	listen, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return false
	}
	h, p, err := net.SplitHostPort(host)
	if err != nil {
		h, p = strings.Trim(host, "[]"), "80" // no port: the default one
	}
	if p != port {
		return false
	}
	if strings.EqualFold(h, "localhost") || (name != "" && strings.EqualFold(h, name)) {
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	if ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback) {
		return true
	}
	l := net.ParseIP(listen)
	return l != nil && (l.Equal(ip) || l.IsUnspecified())
}
