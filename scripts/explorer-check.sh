#!/usr/bin/env bash
# The explorer in a real browser, offline: starts `boxtribute serve` on a fresh SQLite database,
# mints a token, and has headless Chromium load the explorer page with the query
# `{ bases { id name } }` set to run on load (`?token=…&query=…&run=1`). Passes when the page
# shows the answer (HTTP 200 with the bases), the schema browser lists the root field `bases`,
# CodeMirror (served by the binary) drew the editors, and Chromium's network log holds no request
# to anywhere but the server on loopback.
#
# Offline for real: when the kernel allows it (root, as in CI) the server and the browser run
# in a network namespace of their own that has only the loopback interface and no route, so no
# request could leave the machine even if the page tried. Chromium is also told to resolve no
# host name but 127.0.0.1 and to send any other request to a dead proxy.
#
# Usage: scripts/explorer-check.sh [--binary PATH] [--port N]   (default: .build/debug/boxtribute, 8131)
# EXPLORER_CHECK_KEEP=1 keeps the work folder (server log, DOM, Chromium's log and network log).
# Needs: chromium (Debian: apt-get install chromium) and python3. Every step has a time limit.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/debug/boxtribute
port=8131
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        *) echo "usage: $0 [--binary PATH] [--port N]" >&2; exit 2 ;;
    esac
done

# Re-run inside a fresh network namespace (loopback only) when possible.
if [ -z "${EXPLORER_CHECK_IN_NAMESPACE:-}" ] && command -v unshare >/dev/null \
    && unshare --net true 2>/dev/null; then
    exec env EXPLORER_CHECK_IN_NAMESPACE=1 timeout -k 10 240 \
        unshare --net bash "$0" --binary "$binary" --port "$port"
fi

fail() { echo "explorer-check: FAIL: $*" >&2; exit 1; }

command -v chromium >/dev/null || fail "chromium is not installed (apt-get install chromium)"
[ -x "$binary" ] || fail "no binary at $binary (swift build first)"

if [ -n "${EXPLORER_CHECK_IN_NAMESPACE:-}" ]; then
    ip link set lo up
    echo "network: own namespace; interfaces: $(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')"
    echo "network: routes outside loopback: $(ip route show | wc -l)"
else
    echo "network: WARNING: no network namespace here (unshare refused); relying on Chromium's flags"
fi

work=$(mktemp -d /tmp/boxtribute-explorer-check.XXXXXX)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -n "${EXPLORER_CHECK_KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

database="sqlite:$work/explorer.sqlite3"
export LOG_LEVEL=warning ENVIRONMENT=development
"$binary" serve --database "$database" --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
    if python3 - "$port" <<'EOF' 2>/dev/null; then break; fi
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=2).read()
EOF
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "the server stopped"; }
    sleep 0.5
done
python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=2)" \
    || { cat "$work/serve.log" >&2; fail "the server did not answer /health within 2 minutes"; }
echo "server: $binary serve on 127.0.0.1:$port (pid $server_pid), fresh database $database"

token=$(timeout 60 "$binary" token --database "$database" --god)
url=$(python3 - "$port" "$token" <<'EOF'
import sys, urllib.parse
port, token = sys.argv[1], sys.argv[2]
params = urllib.parse.urlencode({"token": token, "query": "{ bases { id name } }", "run": "1"})
print(f"http://127.0.0.1:{port}/graphql?{params}")
EOF
)
echo "browser: $(chromium --version 2>/dev/null | head -1)"
echo "browser: loading http://127.0.0.1:$port/graphql?token=…&query={ bases { id name } }&run=1"

# No host name resolves but 127.0.0.1; any proxied request goes to a port nobody listens on
# (but 127.0.0.1). No background services (updates, sync, safe browsing).
timeout -k 5 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$work/profile" --no-first-run --no-default-browser-check \
    --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
    --disable-extensions --metrics-recording-only --disable-features=AutofillServerCommunication --safebrowsing-disable-auto-update \
    --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
    --proxy-server="http://127.0.0.1:9" --proxy-bypass-list="127.0.0.1" \
    --log-net-log="$work/netlog.json" --net-log-capture-mode=Default \
    --virtual-time-budget=30000 --dump-dom "$url" >"$work/dom.html" 2>"$work/chromium.log" \
    || { tail -20 "$work/chromium.log" >&2; fail "chromium failed or timed out"; }

python3 - "$work/dom.html" "$work/netlog.json" "$port" <<'EOF'
import html, json, re, sys

dom_path, netlog_path, port = sys.argv[1], sys.argv[2], sys.argv[3]
dom = open(dom_path, encoding="utf-8").read()
problems = []

def element_text(element_id):
    match = re.search(r'<(\w+)[^>]*\bid="%s"[^>]*>(.*?)</\1>' % element_id, dom, re.S)
    return (match.group(0), html.unescape(re.sub(r"<[^>]+>", "", match.group(2)))) if match else ("", "")

status_tag, status = element_text("status")
result_tag, result = element_text("result")
print(f"page: answer status: {status.strip() or '(none)'}")
print("page: answer: " + " ".join(result.split())[:300])
if 'data-state="done"' not in result_tag or "HTTP 200" not in status:
    problems.append("the page shows no successful answer")
else:
    try:
        bases = json.loads(result)["data"]["bases"]
        print(f"page: {len(bases)} bases in the answer: " + ", ".join(b["name"] for b in bases))
        if not bases or not all("id" in b and "name" in b for b in bases):
            problems.append("the answer has no bases")
    except (ValueError, KeyError, TypeError) as error:
        problems.append(f"the answer is not the bases' JSON: {error}")

schema_match = re.search(r'<div id="schema-body" data-state="(\w+)"', dom)
schema_state = schema_match.group(1) if schema_match else "missing"
roots = re.findall(r'data-field="(\w+)"', dom)
print(f"page: schema browser: {schema_state}, {len(roots)} fields listed, e.g. {', '.join(roots[:6])}")
if schema_state != "ready" or "bases" not in roots:
    problems.append("the schema browser does not list the root field bases")
if 'class="CodeMirror' not in dom:
    problems.append("CodeMirror did not draw the editors (its files did not load)")
else:
    print("page: CodeMirror editors drawn")

# Every request of the page, from Chromium's network log: the page itself (the main frame) and
# whatever it asked for (initiated by its origin: scripts, style sheets, fetches). Chromium's
# own background requests (update, time and autofill pings, which fail here) are initiated by
# no origin and are only counted.
try:
    netlog = json.load(open(netlog_path, encoding="utf-8"))
except ValueError:
    # Chromium may stop before closing the JSON: close it.
    text = open(netlog_path, encoding="utf-8").read().rstrip().rstrip(",")
    netlog = json.loads(text + "]}")
names = {number: name for name, number in netlog["constants"]["logEventTypes"].items()}
page_urls, background = set(), set()
for event in netlog.get("events", []):
    params = event.get("params") or {}
    if names.get(event.get("type")) != "URL_REQUEST_START_JOB" or "url" not in params:
        continue
    url = params["url"].split("?")[0]
    initiated_by_page = params.get("initiator", "").startswith(("http://", "https://"))
    is_page = params.get("request_type") == "main frame" or initiated_by_page
    (page_urls if is_page else background).add(url)
local = f"http://127.0.0.1:{port}/"
outside = sorted(u for u in page_urls if not u.startswith(local))
print(f"network log: the page requested {len(page_urls)} URLs, "
      + ("all on " + local if not outside else f"{len(outside)} outside: {outside}"))
for u in sorted(page_urls):
    print(f"  {u}")
print(f"network log: {len(background)} background requests of Chromium itself (not the page's), unanswered: "
      + ", ".join(sorted({u.split('/')[2] for u in background})))
if outside:
    problems.append(f"the page requested URLs outside the server: {outside}")
if not any(u.endswith("/explorer/assets/explorer.js") for u in page_urls):
    problems.append("the network log does not show the explorer's script being loaded")

if problems:
    for p in problems:
        print(f"explorer-check: FAIL: {p}", file=sys.stderr)
    sys.exit(1)
print("explorer-check: 1 passed, 0 failed")
EOF
