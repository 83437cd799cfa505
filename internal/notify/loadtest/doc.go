// Package loadtest holds the broadcast tests and benchmarks of notice
// delivery: sender processes (the test binary re-executed, each a
// notify.Service with the Telegram channel) deliver an announcement through
// River to the project's Bot API emulator with Telegram's limits on, while
// the tests kill a sender with SIGKILL, restart the PostgreSQL or Redis it
// uses, or make the emulator refuse. The package has no code of its own
// outside its tests.
package loadtest
