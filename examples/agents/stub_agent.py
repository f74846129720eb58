#!/usr/bin/env python3
"""A stand-in for every service the example workflows call, for trying them on one machine.

    python3 examples/agents/stub_agent.py [port]        # default 9090

Each example agent is registered with its own base path on this one server
(http://127.0.0.1:9090/crm, .../shop, ...: see examples/agents/register.sh), so a path here is
"/<agent>/<what the step asks for>". Answers are canned; every call is logged on stdout.
Python 3 standard library only.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CUSTOMERS = {"c-42": {"id": "c-42", "firstName": "Ada", "email": "ada@example.com"}}
STOCK = {"SKU-1": 12, "SKU-2": 0}
PRICES = {"SKU-1": 1000, "SKU-2": 2500}
VAT = {"DE": 19, "FR": 20, "US": 0}
ORDERS = [
    {"id": "o-1", "customer": {"email": "Ada@Example.com"}, "total": 19.99, "currency": "EUR",
     "lines": [{"sku": "SKU-1"}], "createdAt": "2026-11-22T09:15:00Z"},
    {"id": "o-2", "customer": {"email": "bob@example.com"}, "total": 5.5, "currency": "EUR",
     "lines": [{"sku": "SKU-2"}, {"sku": "SKU-3"}], "createdAt": "2026-11-22T11:40:00Z"},
    {"id": "o-3", "customer": {"email": "cy@example.org"}, "total": 120, "currency": "USD",
     "lines": [{"sku": "SKU-4"}], "createdAt": "2026-11-22T18:05:00Z"},
]
counter = {"n": 0}


def next_id(prefix):
    counter["n"] += 1
    return f"{prefix}-{counter['n']}"


def answer(method, path, query, body):
    """(status, JSON body or None) for one call."""
    parts = path.strip("/").split("/")
    if path == "/health" or path.endswith("/health"):
        return 200, {"status": "UP"}
    if method == "GET" and parts[:2] == ["crm", "customers"] and len(parts) == 3:
        customer = CUSTOMERS.get(parts[2])
        return (200, customer) if customer else (404, {"error": f"no customer {parts[2]}"})
    if method == "POST" and parts == ["mailer", "messages"]:
        return 202, {"messageId": next_id("m")}
    if method == "GET" and parts[:2] == ["inventory", "stock"] and len(parts) == 3:
        return 200, {"sku": parts[2], "available": STOCK.get(parts[2], 0)}
    if method == "GET" and parts[:2] == ["pricing", "prices"] and len(parts) == 3:
        if parts[2] not in PRICES:
            return 404, {"error": f"no price for {parts[2]}"}
        country = query.get("country", "DE")
        return 200, {"amountCents": PRICES[parts[2]], "vatPercent": VAT.get(country, 20),
                     "currency": "EUR"}
    if method == "POST" and parts == ["payments", "refunds"]:
        return 201, {"refundId": next_id("r"), "amountCents": (body or {}).get("amountCents")}
    if method == "POST" and parts == ["helpdesk", "tickets"]:
        return 201, {"ticketId": next_id("t")}
    if method == "GET" and parts == ["shop", "orders"]:
        return 200, {"date": query.get("date"), "orders": ORDERS}
    if method == "POST" and parts == ["warehouse", "tables", "orders", "batches"]:
        rows = (body or {}).get("rows") or []
        return 200, {"batchId": (body or {}).get("batchId"), "inserted": len(rows)}
    if method == "POST" and parts[:1] == ["hooks"]:
        return 204, None
    return 404, {"error": f"no such endpoint: {method} {path}"}


class Handler(BaseHTTPRequestHandler):
    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        path, _, qs = self.path.partition("?")
        query = dict(p.split("=", 1) for p in qs.split("&") if "=" in p)
        status, reply = answer(self.command, path, query, body)
        data = b"" if reply is None else json.dumps(reply).encode()
        print(f"{self.command} {self.path} -> {status}"
              + (f"  body: {json.dumps(body)}" if body is not None else ""), flush=True)
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def log_message(self, *args):
        pass  # _handle prints one line per call instead


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9090
    print(f"stub agent on http://127.0.0.1:{port}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
