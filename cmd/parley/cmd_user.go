package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/console"
	"golang.org/x/term"
)

func init() {
	register(command{name: "user", summary: "add a console user (supervisor, qa or admin) or set a password", run: runUser})
}

// runUser is `parley user add --name N --role supervisor|qa|admin [--db FILE]`.
// The password comes from PARLEY_USER_PASSWORD, else from the first line of
// stdin when stdin is not a terminal, else it is generated and printed once.
// It is never taken from a flag, where ps and shell history would show it.
func runUser(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "user", "add --name N --role supervisor|qa|admin [--db FILE]   (password: $PARLEY_USER_PASSWORD, stdin, or generated)")
	name := fs.String("name", "", "the user's login name (letters, digits, '.', '_', '-')")
	role := fs.String("role", "", "supervisor (watch, take over, write), qa (read only) or admin")
	db := fs.String("db", "", "SQLite file when DATABASE_URL is unset (default $PARLEY_DB, then "+defaultDBPath+")")
	if len(args) == 0 {
		return usagef("missing subcommand: add")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return parseFlags(fs, args)
	}
	if args[0] == "passwd" {
		return runPasswd(ctx, sio, args[1:])
	}
	if args[0] != "add" {
		return usagef("unknown subcommand %q (want add or passwd)", args[0])
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *name == "" || *role == "" {
		return usagef("--name and --role are required")
	}
	switch r := agent.Role(*role); r {
	case agent.RoleSupervisor, agent.RoleQA, agent.RoleAdmin:
	default:
		return usagef("--role %q: want supervisor, qa or admin", *role)
	}
	password, generated, err := userPassword(sio)
	if err != nil {
		return err
	}
	st, _, err := openStoreFlag(ctx, sio.Getenv, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := console.AddUser(ctx, st, *name, agent.Role(*role), password)
	switch {
	case errors.Is(err, console.ErrBadUser):
		return usageError{err.Error()}
	case errors.Is(err, agent.ErrConflict):
		return fmt.Errorf("user %q already exists", *name)
	case err != nil:
		return err
	}
	fmt.Fprintf(sio.Stdout, "added %s user %s\n", u.Role, u.Name)
	if generated {
		fmt.Fprintf(sio.Stdout, "password: %s\n", password)
	}
	return nil
}

// userPassword picks the password: the environment, piped stdin, or a new one.
func userPassword(sio IO) (password string, generated bool, err error) {
	if p := sio.Getenv("PARLEY_USER_PASSWORD"); p != "" {
		return p, false, nil
	}
	if piped(sio.Stdin) {
		line, err := bufio.NewReader(io.LimitReader(sio.Stdin, 4096)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, fmt.Errorf("read password: %w", err)
		}
		if p := strings.TrimRight(line, "\r\n"); p != "" {
			return p, false, nil
		}
	}
	var b [18]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", false, fmt.Errorf("generate password: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), true, nil
}

// piped reports whether r can hold a password: a pipe, a file or a buffer,
// not a terminal that would wait for typing.
func piped(r io.Reader) bool {
	if r == nil {
		return false
	}
	f, ok := r.(*os.File)
	return !ok || !isTerminal(f)
}

// runPasswd is `parley user passwd --name N [--db FILE]`: it sets a user's
// password, read from the terminal without echo (typed twice), else from
// the first line of stdin, else from PARLEY_USER_PASSWORD, and ends the
// user's sessions. A lost password needs nothing more than this.
func runPasswd(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "user", "passwd --name N [--db FILE]   (password: the terminal, stdin, or $PARLEY_USER_PASSWORD)")
	name := fs.String("name", "", "the user's login name")
	db := fs.String("db", "", "SQLite file when DATABASE_URL is unset (default $PARLEY_DB, then "+defaultDBPath+")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *name == "" {
		return usagef("--name is required")
	}
	password, err := newPassword(sio)
	if err != nil {
		return err
	}
	st, _, err := openStoreFlag(ctx, sio.Getenv, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	err = console.SetPassword(ctx, st, *name, password)
	switch {
	case errors.Is(err, console.ErrBadUser):
		return usageError{err.Error()}
	case errors.Is(err, agent.ErrNotFound):
		return fmt.Errorf("no user %q", *name)
	case err != nil:
		return err
	}
	fmt.Fprintf(sio.Stdout, "password of %s changed; their sessions have ended\n", *name)
	return nil
}

// newPassword reads the new password: typed twice on a terminal, else the
// first line of stdin, else the environment.
func newPassword(sio IO) (string, error) {
	if f, ok := sio.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(sio.Stderr, "New password: ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(sio.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(sio.Stderr, "Again: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(sio.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(first) != string(second) {
			return "", usagef("the passwords differ")
		}
		return string(first), nil
	}
	if piped(sio.Stdin) {
		line, err := bufio.NewReader(io.LimitReader(sio.Stdin, 4096)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read password: %w", err)
		}
		if p := strings.TrimRight(line, "\r\n"); p != "" {
			return p, nil
		}
	}
	if p := sio.Getenv("PARLEY_USER_PASSWORD"); p != "" {
		return p, nil
	}
	return "", usagef("no password: type it on a terminal, pipe it on stdin or set PARLEY_USER_PASSWORD")
}
