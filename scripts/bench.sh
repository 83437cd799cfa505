#!/usr/bin/env bash
# Runs the store benchmarks of docs/benchmarks.md on both stores, against real
# PostgreSQL (see services.sh), without the race detector.
#   BENCH_IMPORT    students of the imported demo school   (default 10000)
#   BENCH_STUDENTS  students of the region the reads run on (default 100000)
#   BENCH_STORES    sqlite,postgres (default both)
#   BENCH_READS     timed calls per read benchmark          (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/services.sh
export BENCH_IMPORT=${BENCH_IMPORT:-10000} BENCH_STUDENTS=${BENCH_STUDENTS:-100000}
pkg=./internal/store/storebench/
go test -run '^$' -bench 'ImportDemo' -benchtime 1x -timeout 60m "$pkg"
go test -run '^$' -bench 'Reads' -benchtime "${BENCH_READS:-2000}x" -timeout 60m "$pkg"
