// Command parley is Parley's one binary: the server, the terminal chat, the
// guard, the eval runner and the operator's tools. Each subcommand lives in
// its own cmd_*.go file and registers itself in commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], Stdio())
	stop()
	os.Exit(code)
}
