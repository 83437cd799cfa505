#!/usr/bin/env bash
# rss.sh: the resident memory of the bot in the embedded setup (bot -sandbox:
# SQLite, the demo school, the emulator) after a few personas linked and
# some views shown. The limit is 50 MB (issue 3, «Speed»).
#
#   scripts/rss.sh            # figures on stdout; the bot's log in $DIR/bot.log
set -euo pipefail
DIR=${DIR:-/tmp/rss}
ADDR=${ADDR:-127.0.0.1:18080}
BASE="http://$ADDR"
cd "$(dirname "$0")/.."
rm -rf "$DIR" && mkdir -p "$DIR"
go build -o /tmp/botbin ./cmd/bot
HTTP_ADDR=$ADDR /tmp/botbin -sandbox -sandbox-db "$DIR/sandbox.db" >"$DIR/bot.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
begin=$(date +%s)
until curl -fsS "$BASE/readyz" >/dev/null 2>&1; do
	kill -0 "$PID" || { echo "bot exited"; cat "$DIR/bot.log"; exit 1; }
	(($(date +%s) - begin < 300)) || { echo "not ready after 300 s"; exit 1; }
	sleep 0.2
done
echo "ready after $(($(date +%s) - begin)) s (demo school generated)"
mem() { grep -E '^(VmRSS|VmHWM)' "/proc/$PID/status" | tr -s ' \t' ' ' | tr '\n' ' '; echo; }
echo "after start:  $(mem)"
# Drive every persona: choose it, /start with its code, consent, then views.
python3 - "$BASE" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=70) as r:
        return json.load(r)
def wait(uid, version):
    return call("GET", f"/emulator/chats/{uid}/wait?version={version}&timeout=20")
def settle(uid, view):
    while True:  # until 2 s without a change
        try:
            nv = call("GET", f"/emulator/chats/{uid}/wait?version={view['version']}&timeout=2")
        except Exception:
            return view
        if nv["version"] == view["version"]:
            return view
        view = nv
def press(uid, view, text):
    for m in reversed(view["messages"]):
        for row in m.get("inline_keyboard") or []:
            for b in row:
                if b["text"].startswith(text):
                    call("POST", f"/emulator/users/{uid}/press", {"message_id": m["message_id"], "data": b["callback_data"]})
                    return settle(uid, wait(uid, view["version"])), True
    return view, False
shown = 0
for p in call("GET", "/sandbox/personas")["personas"]:
    c = call("POST", f"/sandbox/persona/{p['id']}")
    uid = c["user_id"]
    view = call("GET", f"/emulator/chats/{uid}") if not c.get("start") else None
    if c.get("start"):
        call("POST", f"/emulator/users/{uid}/start", {"payload": c["start"]})
        view = settle(uid, wait(uid, 0))
    for _ in range(3):
        view, ok = press(uid, view, "Даю согласие")
        if not ok:
            break
    for label in ("Оценки", "Домашнее задание", "Расписание", "Оценки"):
        view, ok = press(uid, view, label)
        shown += ok
    print(f"persona {p['id']}: {len(view['messages'])} messages")
print(f"views shown: {shown}")
PY
echo "after views:  $(mem)"
# What the Go runtime holds (the rest of RSS is binary text and SQLite's cache).
curl -fsS "$BASE/metrics" | grep -E '^go_memstats_(heap_inuse|heap_idle|heap_released|sys|stack_inuse)_bytes ' || true
ls -l "$DIR/sandbox.db" | awk '{print "sandbox.db bytes:", $5}'
