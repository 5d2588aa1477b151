#!/usr/bin/env bash
# The whole test run, from a fresh clone: starts what the tests need
# (PostgreSQL, headless Chromium), then vet, format check and the tests with
# the race detector. README.md names this script; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '== %s\n' "$*"; }

# PostgreSQL: start the local cluster, or install one when absent.
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing PostgreSQL"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  ver=$(pg_lsclusters --no-header | awk 'NR==1{print $1}')
  log "starting PostgreSQL $ver"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" postgres 2>/dev/null | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" postgres >/dev/null
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"

# Headless Chromium for the console's browser test.
if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

log "go vet"
go vet ./...

log "gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

log "go mod tidy"
if ! go mod tidy -diff; then
  echo "go mod tidy would change go.mod or go.sum (the diff is above)"; exit 1
fi

log "go test -race"
go test -race -count=1 -timeout 20m ./...

# Every parser of outside input gets a short, bounded fuzz run on top of its
# seed corpus; a listed target that no longer exists fails the run. Budgets
# are execution counts (about ten seconds each here), not durations: a
# duration races Go 1.26's fuzz coordinator at the deadline and can fail a
# target that found nothing (go.dev/issue/75804, fixed in Go 1.27).
# FUZZTIME overrides every budget, for example FUZZTIME=60s for a long run.
log "fuzz (bounded)"
while read -r pkg target budget; do
  [ -n "$pkg" ] || continue
  listed=$(go test -list "^$target\$" "$pkg")
  if ! grep -qx "$target" <<<"$listed"; then
    echo "fuzz target $target missing in $pkg"; exit 1
  fi
  go test -run '^$' -fuzz "^$target\$" -fuzztime "${FUZZTIME:-$budget}" "$pkg"
done <<'LIST'
./policies FuzzCheck 100000x
./policies FuzzCheckLines 12000x
./policies/numread FuzzScan 60000x
./agent/rules FuzzUnderstand 40000x
./agent FuzzPaymentLinkVerify 30000x
./channels/sms FuzzWebhook 8000x
./channels/chat FuzzClientFrame 15000x
./channels/chat FuzzToken 25000x
./channels/voice FuzzRelayFrame 15000x
./evals FuzzSuite 4000x
LIST
log "all tests passed"
