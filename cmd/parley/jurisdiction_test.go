package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// texasProfile adds a jurisdiction the embedded profiles do not have, as a
// deployment would through PARLEY_GUARD_PROFILES.
const texasProfile = `jurisdiction: US-TX
parent: US
name: Texas
timezones: [America/Chicago]
`

const texasCSV = "id,creditor,balance,currency,name,phone,jurisdiction,timezone,dob,postcode\n" +
	"TX-1,Lone Star Credit,640.00,USD,Dana Reyes,+15125550101,US-TX,America/Chicago,1979-06-30,73301\n"

// A jurisdiction added by configuration is usable end to end: the import
// accepts it only when the profile is loaded, and a conversation on the
// account gets the wording of the family its profile descends from.
func TestConfiguredJurisdictionEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, csv, prof := filepath.Join(dir, "parley.db"), filepath.Join(dir, "tx.csv"), filepath.Join(dir, "tx.yaml")
	for p, s := range map[string]string{csv: texasCSV, prof: texasProfile} {
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Without the profile, US-TX is not a jurisdiction Parley knows.
	code, _, errOut := runParley(t, env("PARLEY_DB", db, "PARLEY_IDENTITY_KEY", testIdentityKey), "", "accounts", "import", csv)
	if code == 0 || !strings.Contains(errOut, `"US-TX"`) {
		t.Fatalf("import without the profile = %d, stderr %q; want a problem naming US-TX", code, errOut)
	}
	withProfile := env("PARLEY_DB", db, "PARLEY_IDENTITY_KEY", testIdentityKey, "PARLEY_GUARD_PROFILES", prof,
		"PARLEY_PAYMENT_SECRET", "test-secret-test-secret-test-secret")
	code, out, errOut := runParley(t, withProfile, "", "accounts", "import", csv)
	if code != 0 || !strings.Contains(out, "1 created") {
		t.Fatalf("import with the profile = %d, stdout %q, stderr %q", code, out, errOut)
	}
	var stdout, stderr bytes.Buffer
	script := "how much do I owe?\nmy date of birth is June 30 1979 and my zip is 73301\n/quit\n"
	code = Main(context.Background(), []string{"chat", "--account", "TX-1"},
		IO{Stdin: strings.NewReader(script), Stdout: &stdout, Stderr: &stderr, Getenv: withProfile})
	if code != 0 {
		t.Fatalf("chat = %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	// US wording: the ZIP code is asked for, the balance comes with the
	// federal debt-collector disclosure.
	for _, want := range []string{"ZIP", "$640.00", "attempt to collect a debt"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("chat output lacks %q:\n%s", want, stdout.String())
		}
	}
}
