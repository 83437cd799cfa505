#!/usr/bin/env bash
# Runs every test of the project with the race detector, against real
# PostgreSQL and Redis (see services.sh for how they are found or started).
# Usage: scripts/test.sh [go test flags and packages]   (default: vet, gofmt, ./...)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
ensure_browser_tools
ensure_mailpit

if [ $# -eq 0 ]; then
	go vet ./...
	unformatted=$(gofmt -l $(find . -name '*.go' -not -path './.git/*'))
	if [ -n "$unformatted" ]; then say "gofmt would change: $unformatted"; exit 1; fi
	set -- ./...
fi
go test -race -count=1 "$@"
