// Package botbench holds the benchmarks of the bot against the Telegram
// emulator on a demo school in both stores: the handling time of a diary
// view (limit 20 ms at p99) and 1,000 chats pressing a view at once. It has
// no code of its own; see docs/benchmarks.md for the sizes and the figures.
//
//	go test -run '^$' -bench . -benchtime 400x ./internal/bot/botbench/
//
// Sizes come from the environment: BENCH_BOT_STUDENTS (demo school, default
// 10,000), BENCH_BOT_PARENTS (parents timed one press at a time, default
// 200), BENCH_BOT_CHATS (chats pressing at once, default 1,000) and
// BENCH_STORES ("sqlite,postgres", default both).
package botbench
