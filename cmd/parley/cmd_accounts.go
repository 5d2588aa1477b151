package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parley-collections/parley/agent"
)

func init() {
	register(command{name: "accounts", summary: "import a portfolio of accounts from CSV", run: runAccounts})
}

// runAccounts is `parley accounts import [--db FILE] FILE.csv`: it checks
// every row first and imports all accounts in one transaction, or none. A
// bad file prints each problem with its line and column and exits 1.
func runAccounts(ctx context.Context, sio IO, args []string) error {
	fs := newFlags(sio, "accounts", "import [--db FILE] FILE.csv   (FILE - reads stdin; columns in the README)")
	db := fs.String("db", "", "SQLite file when DATABASE_URL is unset (default $PARLEY_DB, then "+defaultDBPath+")")
	if len(args) == 0 {
		return usagef("missing subcommand: import")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return parseFlags(fs, args)
	}
	if args[0] != "import" {
		return usagef("unknown subcommand %q (want import)", args[0])
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want exactly one CSV file, got %d arguments", fs.NArg())
	}
	cfg, err := storeConfig(sio.Getenv, *db)
	if err != nil {
		return usagef("%v", err)
	}
	if cfg.IdentityKey == "" {
		return usagef("PARLEY_IDENTITY_KEY is required: identity facts are digested under the key parley serve checks them with")
	}
	if err := cfg.validateIdentity(); err != nil {
		return usagef("%v", err)
	}
	data, err := readPortfolio(sio, fs.Arg(0))
	if err != nil {
		return err
	}
	// An account may name any jurisdiction the server's guard has a
	// profile for, including one PARLEY_GUARD_PROFILES adds.
	guard, err := loadGuard(cfg.GuardProfiles, cfg.PaymentURL)
	if err != nil {
		return usagef("%v", err)
	}
	known := guard.Jurisdictions()
	// A first reading checks the file before any store is opened.
	accounts, err := agent.ParsePortfolio(bytes.NewReader(data), agent.PortfolioOptions{Identity: cfg.identity, Jurisdictions: known})
	if printed := portfolioProblems(sio, fs.Arg(0), err); printed != nil {
		return printed
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	existing := map[string]agent.Account{}
	salts := map[string]string{}
	for _, a := range accounts {
		old, err := st.Account(ctx, a.ID)
		switch {
		case errors.Is(err, agent.ErrNotFound):
			continue
		case err != nil:
			return fmt.Errorf("import: nothing imported: %w", err)
		}
		existing[a.ID] = old
		salts[a.ID] = old.Borrower.Identity.Salt
	}
	// The second reading digests identity facts with the salts on file, so
	// that an unchanged row compares equal.
	accounts, err = agent.ParsePortfolio(bytes.NewReader(data), agent.PortfolioOptions{Salts: salts, Identity: cfg.identity, Jurisdictions: known})
	if printed := portfolioProblems(sio, fs.Arg(0), err); printed != nil {
		return printed
	}
	var created, updated, unchanged int
	for i, a := range accounts {
		old, ok := existing[a.ID]
		if !ok {
			created++
			continue
		}
		// What conversations learnt stays: a file does not lift a dispute,
		// an attorney or a request to stop.
		accounts[i].Flags.Disputed = a.Flags.Disputed || old.Flags.Disputed
		accounts[i].Flags.Attorney = a.Flags.Attorney || old.Flags.Attorney
		accounts[i].Flags.Cease = a.Flags.Cease || old.Flags.Cease
		if samePortfolio(old, accounts[i]) {
			unchanged++
		} else {
			updated++
		}
	}
	if err := st.ImportAccounts(ctx, accounts); err != nil {
		return fmt.Errorf("import: nothing imported: %w", err)
	}
	fmt.Fprintf(sio.Stdout, "imported %d account(s): %d created, %d updated, %d unchanged\n", len(accounts), created, updated, unchanged)
	return nil
}

// portfolioProblems prints a bad file's problems and returns the exit
// status, or returns any other error as it is; nil when err is nil.
func portfolioProblems(sio IO, name string, err error) error {
	var pe *agent.PortfolioError
	if errors.As(err, &pe) {
		fmt.Fprintf(sio.Stderr, "parley accounts: %s: %d problem(s), nothing imported\n", name, len(pe.Problems))
		for _, p := range pe.Problems {
			fmt.Fprintf(sio.Stderr, "  %s\n", p)
		}
		return exitError{code: 1}
	}
	return err
}

// samePortfolio reports whether a row would change nothing of the account
// on file: times of creation and update aside.
func samePortfolio(old, row agent.Account) bool {
	old.CreatedAt, old.UpdatedAt, row.CreatedAt, row.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	a, err1 := json.Marshal(old)
	b, err2 := json.Marshal(row)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// portfolioLimit bounds the file read into memory (two readings need it
// whole): far above any real portfolio's CSV.
const portfolioLimit = 512 << 20

func readPortfolio(sio IO, path string) ([]byte, error) {
	var r io.Reader = sio.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, portfolioLimit+1))
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if len(b) > portfolioLimit {
		return nil, fmt.Errorf("import: %s is larger than %d MiB; split it", path, portfolioLimit>>20)
	}
	return b, nil
}
