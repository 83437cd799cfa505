# Quick start: `make test` runs every test; `make sandbox` runs the service.
.PHONY: test sandbox bench bench-compare build

test: ## every test, with -race, against real PostgreSQL and Redis (started if needed)
	scripts/test.sh

sandbox: ## the embedded setup with the demo school
	go run ./cmd/bot -sandbox

bench: ## the benchmarks of docs/benchmarks.md
	scripts/bench.sh

bench-compare: ## the same benchmarks, an older revision against the tree in one run: make bench-compare BASE=rev
	scripts/bench-compare.sh $(BASE)

build: ## static binaries, as the Dockerfile builds them
	CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o bin/ ./cmd/...
