// Package pgtest gives tests a private PostgreSQL schema: tests that need
// PostgreSQL call URL or Schema, run in parallel, and leave nothing behind.
//
// The database comes from TEST_DATABASE_URL. Without it the test is
// skipped with a message saying how to set it, except under CI=true, where
// a missing database fails the test instead: CI must not pass by skipping.
//
// It must not be imported by non-test code.
package pgtest

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/parley-collections/parley/agent"
)

// URL returns TEST_DATABASE_URL, or skips (fails under CI=true) without it.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is unset: CI must run the PostgreSQL tests")
		}
		t.Skip("TEST_DATABASE_URL is unset: skipping a PostgreSQL test " +
			"(e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	return u
}

// Schema creates an empty schema, dropped with everything in it when the
// test ends, and returns a URL whose connections work in it.
func Schema(t testing.TB) string {
	t.Helper()
	base := URL(t)
	ctx := context.Background()
	name := pgx.Identifier{"t_" + agent.NewID("")[:20]}.Sanitize()
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec("CREATE SCHEMA " + name); err != nil {
		t.Fatalf("pgtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		if err := exec("DROP SCHEMA " + name + " CASCADE"); err != nil {
			t.Errorf("pgtest: drop schema: %v", err)
		}
	})
	return withSearchPath(t, base, strings.Trim(name, `"`))
}

func withSearchPath(t testing.TB, base, schema string) string {
	t.Helper()
	if !strings.Contains(base, "://") {
		return base + " search_path=" + schema
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("pgtest: TEST_DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
