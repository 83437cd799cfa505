# Quick start: `make test` runs every test; `make sandbox` runs the service.
.PHONY: test sandbox bench build

test: ## every test, with -race, against real PostgreSQL and Redis (started if needed)
	scripts/test.sh

sandbox: ## the embedded setup with the demo school
	go run ./cmd/bot -sandbox

bench: ## the benchmarks of docs/benchmarks.md
	scripts/bench.sh

build: ## static binaries, as the Dockerfile builds them
	CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o bin/ ./cmd/...
