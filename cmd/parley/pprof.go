//go:build pprof

package main

import (
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof on http.DefaultServeMux
	"os"
)

// A binary built with -tags pprof serves Go's profiler on
// PARLEY_PPROF_ADDR, a loopback address only, for measuring a running
// server under load (docs/bench-load.md). The default build has no profiler.
func init() {
	addr := os.Getenv("PARLEY_PPROF_ADDR")
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		slog.Error("PARLEY_PPROF_ADDR must be a loopback host:port", "addr", addr)
		return
	}
	go func() {
		if err := http.ListenAndServe(addr, nil); err != nil {
			slog.Error("pprof server stopped", "err", err)
		}
	}()
}
