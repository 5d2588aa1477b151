package main

import (
	"context"
	"errors"
	"fmt"
	"os"

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
	accounts, err := readPortfolio(sio, fs.Arg(0))
	var pe *agent.PortfolioError
	if errors.As(err, &pe) {
		fmt.Fprintf(sio.Stderr, "parley accounts: %s: %d problem(s), nothing imported\n", fs.Arg(0), len(pe.Problems))
		for _, p := range pe.Problems {
			fmt.Fprintf(sio.Stderr, "  %s\n", p)
		}
		return exitError{code: 1}
	}
	if err != nil {
		return err
	}
	st, err := openStore(ctx, sio.Getenv, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.ImportAccounts(ctx, accounts); err != nil {
		return fmt.Errorf("import: nothing imported: %w", err)
	}
	fmt.Fprintf(sio.Stdout, "imported %d account(s)\n", len(accounts))
	return nil
}

func readPortfolio(sio IO, path string) ([]agent.Account, error) {
	if path == "-" {
		return agent.ParseAccountsCSV(sio.Stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	return agent.ParseAccountsCSV(f)
}
