// Package storebench holds the benchmarks both stores run on the same demo
// data: importing a demo school, reading one student's whole diary and a
// class summary, and writing one grade. See docs/benchmarks.md and
// scripts/bench.sh for the sizes and the figures.
package storebench
