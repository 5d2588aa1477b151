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
