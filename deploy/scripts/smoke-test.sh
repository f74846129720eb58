#!/usr/bin/env bash
# End-to-end check of the launcher as a user runs it: `./ordo server` on a fresh data directory,
# a durable WAIT that survives SIGKILL of the node, the `ordo` command line against it, then a
# clean stop on SIGTERM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ordo-smoke.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18181)"
base="http://127.0.0.1:$port"
passed=0
failed=0
pid=""

cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  local pg
  pg="$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)"
  [ -n "$pg" ] && kill "$pg" 2>/dev/null || true
}
trap cleanup EXIT

check() { # description, command...
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   - $what"
  else failed=$((failed + 1)); echo "FAIL - $what"; fi
}

start_node() {
  ORDO_HTTP_PORT="$port" ORDO_DATA_DIR="$work/data" "$root/ordo" server >>"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 180); do
    curl -sf "$base/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

field() { # json, field -> first string value of that field
  sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p" <<<"$1" | head -1
}

wait_status() { # id, status
  for _ in $(seq 60); do
    [ "$(field "$(curl -s "$base/api/v1/executions/$1")" status)" = "$2" ] && return 0
    sleep 1
  done
  return 1
}

check "the node starts on a fresh data directory" start_node
created="$(curl -s -o /dev/null -w '%{http_code}' -XPOST "$base/api/v1/workflows" \
  -H 'Content-Type: application/json' -d '{"id": "smoke", "steps": [
    {"id": "nap", "type": "WAIT", "duration": "PT4S"},
    {"id": "done", "type": "DATA_TRANSFORM", "dependsOn": ["nap"], "expression": "${ .input.n * 2 }"}]}')"
check "a workflow is created" test "$created" = 201
started="$(curl -s -XPOST "$base/api/v1/workflows/smoke/execute" -H 'Content-Type: application/json' -d '{"input": {"n": 21}}')"
id="$(field "$started" executionId)"
check "an execution is accepted" test -n "$id"

kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
check "the node is killed while the execution waits" true
check "the node restarts on the same data directory" start_node
check "the waiting execution completes after the restart" wait_status "$id" COMPLETED
check "its output is right" grep -q '"output":{"nap":{"firedAt":"[^"]*"},"done":42}' \
  <<<"$(curl -s "$base/api/v1/executions/$id")"

# The command line, through the same launcher: a watched run, then the history of one.
cli_out="$(ORDO_URL="$base" "$root/ordo" run smoke --input '{"n": 5}' --watch 2>>"$work/cli.err")" && cli_code=0 || cli_code=$?
check "ordo run --watch follows an execution to COMPLETED (exit 0)" test "$cli_code" = 0
check "  printing its events and output" grep -q '"done" : 10' <<<"$cli_out"
check "ordo executions show reads the restarted execution" grep -q "Status     COMPLETED" \
  <<<"$("$root/ordo" executions show "$id" --server "$base" 2>>"$work/cli.err")"

kill -TERM "$pid"
code=0; wait "$pid" || code=$?; pid=""
check "SIGTERM stops the node (exit 143, the JVM's convention)" test "$code" = 143
check "after a coordinated shutdown" grep -q "Embedded PostgreSQL stopped" "$work/server.log"
check "the embedded database is stopped with it" test ! -e "$work/data/postgres/postmaster.pid"
cli_code=0; ORDO_URL="$base" "$root/ordo" executions list >/dev/null 2>>"$work/cli.err" || cli_code=$?
check "ordo exits 3 when no server answers" test "$cli_code" = 3

if [ "$failed" -gt 0 ]; then
  echo "--- server log ---"; tail -50 "$work/server.log"
  echo "--- command line stderr ---"; cat "$work/cli.err" 2>/dev/null || true
fi
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
