# Sourced by test.sh and bench.sh: makes PostgreSQL and Redis answer on
# TEST_POSTGRES_URL / TEST_REDIS_URL (default 127.0.0.1:5432 and 127.0.0.1:6379):
# it uses the servers that answer; otherwise it starts throwaway ones from the
# installed binaries (stopped on exit); otherwise, as root, it installs them
# with apt-get; otherwise it says exactly what to install.
: "${TEST_POSTGRES_URL:=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
: "${TEST_REDIS_URL:=redis://127.0.0.1:6379/0}"
tmp=$(mktemp -d)
cleanup() {
	if [ -n "${pg_data:-}" ]; then runas "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; fi
	if [ -n "${redis_port:-}" ]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

say() { printf "%s: %s\n" "$(basename "$0")" "$*" >&2; }

# runas runs a command as the postgres user when we are root (initdb refuses root).
runas() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url_host() { local u=${1#*://}; u=${u#*@}; u=${u%%/*}; echo "${u%%:*}"; }
url_port() { local u=${1#*://}; u=${u#*@}; u=${u%%/*}; case $u in *:*) echo "${u##*:}" ;; *) echo "$2" ;; esac; }

pg_answers() { pg_isready -q -h "$(url_host "$TEST_POSTGRES_URL")" -p "$(url_port "$TEST_POSTGRES_URL" 5432)" 2>/dev/null; }
redis_answers() { redis-cli -h "$(url_host "$TEST_REDIS_URL")" -p "$(url_port "$TEST_REDIS_URL" 6379)" ping 2>/dev/null | grep -q PONG; }

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		say "PostgreSQL and Redis are needed. Install them: sudo apt-get install postgresql redis-server"
		exit 2
	fi
	say "installing postgresql and redis-server with apt-get"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null
}

start_pg() {
	pg_bin=$(find_pg_bin)
	[ -n "$pg_bin" ] || { install_missing; pg_bin=$(find_pg_bin); }
	pg_data="$tmp/pg"
	mkdir -p "$pg_data" && chmod 777 "$tmp" && chown -R postgres "$pg_data" 2>/dev/null || true
	runas "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust >/dev/null
	runas "$pg_bin/pg_ctl" -D "$pg_data" -o "-p 55432 -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" -w -l "$tmp/pg.log" start >/dev/null
	TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable"
	say "started a throwaway PostgreSQL on 127.0.0.1:55432"
}

start_redis() {
	command -v redis-server >/dev/null || install_missing
	redis_port=56379
	redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$tmp" --logfile "$tmp/redis.log"
	for _ in $(seq 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
	TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
	say "started a throwaway Redis on 127.0.0.1:$redis_port"
}

pg_answers || start_pg
redis_answers || start_redis
export TEST_POSTGRES_URL TEST_REDIS_URL

# ensure_browser_tools installs what the browser and PDF tests use (Debian's
# chromium, poppler-utils, zbar-tools) when we are root and they are missing;
# otherwise those tests skip and say what to install.
ensure_browser_tools() {
	local missing=()
	command -v chromium >/dev/null || missing+=(chromium)
	command -v pdftoppm >/dev/null || missing+=(poppler-utils)
	command -v zbarimg >/dev/null || missing+=(zbar-tools)
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		say "browser/PDF tests will skip; to run them: sudo apt-get install ${missing[*]}"
		return 0
	fi
	say "installing ${missing[*]} with apt-get"
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 ||
		say "could not install ${missing[*]}; browser/PDF tests will skip"
}

# ensure_mailpit makes the SMTP server the email tests start
# (internal/testenv/mailpit) ready ahead: mailpit on PATH or in
# $(go env GOPATH)/bin, else `go install` from the Go module proxy. The tests
# would build it themselves too (into the user cache); when neither can, they
# fail and say what to install.
MAILPIT_MODULE=github.com/axllent/mailpit@v1.33.1
ensure_mailpit() {
	command -v mailpit >/dev/null && return 0
	[ -x "$(go env GOPATH)/bin/mailpit" ] && return 0
	say "installing mailpit (the email tests' SMTP server): go install $MAILPIT_MODULE"
	go install "$MAILPIT_MODULE" ||
		say "could not install mailpit; the email tests will fail until it is: go install $MAILPIT_MODULE"
}
