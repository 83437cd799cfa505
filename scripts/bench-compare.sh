#!/usr/bin/env bash
# Runs the store benchmarks of docs/benchmarks.md for an older revision and for
# the working tree in one run, alternating old and new, and prints benchstat's
# comparison (new against old, with the change in per cent).
#   scripts/bench-compare.sh REV        e.g. d6d766d
#   BENCH_ROUNDS    alternations of old and new            (default 2)
#   BENCH_ONLY      ImportDemo or Reads: only that benchmark (default both)
# and bench.sh's BENCH_IMPORT, BENCH_STUDENTS, BENCH_STORES, BENCH_READS.
# The old revision is checked out into a temporary worktree, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bench-compare.sh REV}
. scripts/services.sh
export BENCH_IMPORT=${BENCH_IMPORT:-10000} BENCH_STUDENTS=${BENCH_STUDENTS:-100000}
rounds=${BENCH_ROUNDS:-2}
out=${BENCH_OUT:-$tmp}
mkdir -p "$out"
old=$tmp/old
git worktree add --detach "$old" "$base" >/dev/null
trap 'git worktree remove --force "$old" >/dev/null 2>&1 || true; cleanup' EXIT
pkg=internal/store/storebench
(cd "$old" && go test -c -o "$tmp/old.test" "./$pkg")
go test -c -o "$tmp/new.test" "./$pkg"
run() { # run TREE BINARY BENCH BENCHTIME
	(cd "$1/$pkg" && "$2" -test.run '^$' -test.bench "$3" -test.benchtime "$4" -test.timeout 120m)
}
: >"$out/old.txt"
: >"$out/new.txt"
for _ in $(seq "$rounds"); do
	for b in ImportDemo:1x Reads:"${BENCH_READS:-2000}x"; do
		case ${BENCH_ONLY:-} in "" | "${b%%:*}") ;; *) continue ;; esac
		run "$old" "$tmp/old.test" "${b%%:*}" "${b#*:}" | tee -a "$out/old.txt"
		run "$PWD" "$tmp/new.test" "${b%%:*}" "${b#*:}" | tee -a "$out/new.txt"
	done
done
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da old="$out/old.txt" new="$out/new.txt"
