#!/usr/bin/env bash
# Registers the agents the example workflows call (POST /api/v1/agents), each at its own base
# path of one stub server: examples/agents/stub_agent.py by default.
#   examples/agents/register.sh [agents base URL, default http://127.0.0.1:9090]
# ORDO_URL is the node (default http://localhost:8080). An agent that exists already is
# replaced (PUT), so the script can be run again after moving the stub.
set -euo pipefail
node="${ORDO_URL:-http://localhost:8080}"
agents="${1:-http://127.0.0.1:9090}"
for id in crm mailer inventory pricing payments helpdesk shop warehouse; do
  body="{\"id\": \"$id\", \"baseUrl\": \"$agents/$id\", \"healthPath\": \"/health\"}"
  code="$(curl -s -o /dev/null -w '%{http_code}' -XPOST "$node/api/v1/agents" \
    -H 'Content-Type: application/json' -d "$body")"
  if [ "$code" = 409 ]; then
    code="$(curl -s -o /dev/null -w '%{http_code}' -XPUT "$node/api/v1/agents/$id" \
      -H 'Content-Type: application/json' -d "$body")"
  fi
  case "$code" in
    200|201) echo "agent $id -> $agents/$id" ;;
    000) echo "cannot reach $node (is \`./ordo server\` running?)" >&2; exit 3 ;;
    *) echo "agent $id: HTTP $code" >&2; exit 4 ;;
  esac
done
