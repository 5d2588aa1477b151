package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-collections/parley/agent"
	"github.com/parley-collections/parley/agent/sqlite"
	"golang.org/x/crypto/bcrypt"
)

// storedUser reads a user back from the SQLite file.
func storedUser(t *testing.T, db, name string) agent.User {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UserByName(context.Background(), name)
	if err != nil {
		t.Fatalf("user %s: %v", name, err)
	}
	return u
}

func TestUserAdd(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	tests := []struct {
		name     string
		getenv   func(string) string
		stdin    string
		args     []string
		password string // "" = generated and printed
	}{
		{"password from the environment", env("PARLEY_USER_PASSWORD", "from-the-env-1"), "", []string{"--name", "sam", "--role", "supervisor"}, "from-the-env-1"},
		{"password from stdin", env(), "piped-password-2\n", []string{"--name", "quinn", "--role", "qa"}, "piped-password-2"},
		{"generated password", env(), "", []string{"--name", "ada", "--role", "admin"}, ""},
	}
	for _, tt := range tests {
		code, out, errOut := runParley(t, tt.getenv, tt.stdin, append([]string{"user", "add", "--db", db}, tt.args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d, stderr %q", tt.name, code, errOut)
		}
		u := storedUser(t, db, tt.args[1])
		if string(u.Role) != tt.args[3] || !strings.HasPrefix(out, "added "+tt.args[3]+" user "+tt.args[1]+"\n") {
			t.Errorf("%s: stored %+v, printed %q", tt.name, u, out)
		}
		password := tt.password
		if password == "" {
			_, after, ok := strings.Cut(out, "password: ")
			if !ok {
				t.Fatalf("%s: no generated password printed: %q", tt.name, out)
			}
			password = strings.TrimSpace(after)
		} else if strings.Contains(out, password) {
			t.Errorf("%s: a given password was printed", tt.name)
		}
		if u.PasswordHash == password || bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil {
			t.Errorf("%s: the stored hash does not match the password", tt.name)
		}
	}
	if code, _, errOut := runParley(t, env("PARLEY_USER_PASSWORD", "another-one-3"), "", "user", "add", "--db", db, "--name", "sam", "--role", "qa"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a taken name: exit %d, %q", code, errOut)
	}
}

func TestUserAddUsage(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no subcommand", []string{"user"}, 2},
		{"unknown subcommand", []string{"user", "remove"}, 2},
		{"missing role", []string{"user", "add", "--db", db, "--name", "x"}, 2},
		{"bad role", []string{"user", "add", "--db", db, "--name", "x", "--role", "root"}, 2},
		{"bad name", []string{"user", "add", "--db", db, "--name", "a b", "--role", "qa"}, 2},
		{"short password", []string{"user", "add", "--db", db, "--name", "x", "--role", "qa"}, 2},
		{"help", []string{"user", "--help"}, 0},
	}
	for _, tt := range tests {
		getenv := env("PARLEY_USER_PASSWORD", "short")
		if code, _, errOut := runParley(t, getenv, "", tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.want, errOut)
		}
	}
}

func TestUserPasswd(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "parley.db")
	if code, _, errOut := runParley(t, env("PARLEY_USER_PASSWORD", "first-password"), "", "user", "add", "--db", db, "--name", "sam", "--role", "supervisor"); code != 0 {
		t.Fatalf("user add: %d %s", code, errOut)
	}
	code, out, errOut := runParley(t, env(), "second-password\n", "user", "passwd", "--db", db, "--name", "sam")
	if code != 0 || !strings.Contains(out, "password of sam changed") || strings.Contains(out, "second-password") {
		t.Fatalf("user passwd = %d, stdout %q, stderr %q", code, out, errOut)
	}
	u := storedUser(t, db, "sam")
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte("second-password")) != nil {
		t.Error("the new password does not match the stored hash")
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte("first-password")) == nil {
		t.Error("the old password still matches")
	}
	withPassword := func(t *testing.T) func(string) string {
		return env("PARLEY_DB", db, "PARLEY_USER_PASSWORD", "third-password")
	}
	checkCLI(t, withPassword, []cliCase{
		{"no name", []string{"user", "passwd"}, 2, "", "--name is required"},
		{"unknown user", []string{"user", "passwd", "--name", "nobody"}, 1, "", `no user "nobody"`},
	})
	if code, _, errOut := runParley(t, env("PARLEY_DB", db), "short\n", "user", "passwd", "--name", "sam"); code != 2 || !strings.Contains(errOut, "8 to 72 bytes") {
		t.Errorf("a short password = %d, %q; want 2", code, errOut)
	}
}
