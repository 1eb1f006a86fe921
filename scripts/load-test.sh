#!/usr/bin/env bash
# A mixed load like the front-end's: read-heavy, with mutations, sent by wrk (Debian package `wrk`).
#
#   scripts/load-test.sh [--duration SECONDS] [--soak SECONDS] [--connections N] [--boxes N]
#                        [--database URL] [--port PORT] [--reads-only]
#   scripts/load-test.sh --url http://127.0.0.1:5005/graphql --token TOKEN [--server-pid PID] ...
#
# Starts a release build of `boxtribute serve` on a fresh SQLite database with demo data (or on
# --database URL; a mysql:// URL builds with `--traits MySQL`), mints a coordinator's token for
# base 1 and sends, per request, one operation drawn at random with these weights:
#
#   25  the boxes view: a page of 50 boxes of base 1 with product, size, location, tags, QR code
#   20  a box by its label, with its history (the box view)
#   15  the box-creation view: base 1's locations, products with their sizes, and tags
#   10  organisations and bases (every page load)
#    5  shipments of the user's bases;  5  a page of 20 beneficiaries
#    2  the stock overview of base 1 (statistics)
#   10  updateBox: a new comment on one of 50 boxes
#    5  moveBoxesToLocation: 5 boxes to the other of two locations
#    3  createBox in base 1
#
# --reads-only leaves the mutations out (the database then does not grow during the run).
# A request counts as an error when its status is not 200 or its answer holds "errors".
# Plain mode runs --duration seconds (default 30) and prints requests/s, latency and errors.
# Soak mode (--soak SECONDS, e.g. 600) prints every 10 s the requests/s, errors and the server's
# memory (RSS) of that interval. BOXTRIBUTE_BINARY=path uses that binary instead of building.
# With --url and --token the load goes to a server that is already running (its base 1 must hold
# boxes in stock and two locations); --server-pid names its process for the memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30
soak=0
connections=16
boxes=5000
port=5098
database="${DATABASE_URL:-}"
url=""
token=""
server_pid=""
reads_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --soak) soak="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --boxes) boxes="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --url) url="$2"; shift 2 ;;
        --token) token="$2"; shift 2 ;;
        --server-pid) server_pid="$2"; shift 2 ;;
        --reads-only) reads_only=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
trap '[ -z "${server:-}" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "$url" ]; then
    [ -n "$token" ] || { echo "--url needs --token" >&2; exit 2; }
    server="" # not ours to stop
    boxes="as served"
else
    source scripts/lib/server.sh
    release_binary "$database"
    [ -n "$database" ] || database="sqlite:$work/load.sqlite3"
    seed_database "$database" "$boxes" "$work/seed.log" || true
    LOG_LEVEL=warning "$binary" serve --database "$database" --port "$port" >"$work/server.log" 2>&1 &
    server=$!
    server_pid=$server
    wait_for_health "$port"
    token="$(coordinator_token "$database")"
    url="http://127.0.0.1:$port/graphql"
fi

ids="$(curl -sf "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"{ boxes(baseId: \"1\", filterInput: {states: [InStock]}, paginationInput: {first: 50}) { elements { labelIdentifier product { id } size { id } } } base(id: \"1\") { locations { id } } }"}')"
python3 - "$ids" "$work/load.lua" "$token" "$reads_only" <<'PY'
import json, random, sys

data = json.loads(sys.argv[1])["data"]
boxes = data["boxes"]["elements"]
labels = [box["labelIdentifier"] for box in boxes]
locations = [int(location["id"]) for location in data["base"]["locations"]][:2]
sized = next(box for box in boxes if box["size"])
rng = random.Random(7)

def body(query, variables=None):
    return json.dumps({"query": query, "variables": variables or {}})

page = ("query Boxes($baseId: ID!) { boxes(baseId: $baseId, paginationInput: {first: 50}) { totalCount "
        "pageInfo { hasNextPage endCursor } elements { id labelIdentifier state numberOfItems comment lastModifiedOn "
        "product { id name gender category { id name } } size { id name } location { id name } "
        "tags { id name color } qrCode { code } } } }")
box = ("query Box($label: String!) { box(labelIdentifier: $label) { labelIdentifier state numberOfItems comment "
       "product { id name } size { id name } location { id name } tags { id name } "
       "history { id changes changeDate user { id name } } } }")
create_view = ("query CreateView($baseId: ID!) { base(id: $baseId) { locations { id name } "
               "products { id name gender sizeRange { sizes { id name } } } tags { id name color } } }")
bases = "query Bases { organisations { id name } bases { id name organisation { id name } } }"
shipments = ("query Shipments { shipments { id state sourceBase { id name } targetBase { id name } "
             "details { id } } }")
people = ("query People { beneficiaries(paginationInput: {first: 20}) "
          "{ totalCount elements { id firstName lastName base { id } } } }")
stock = ("query Stock { stockOverview(baseId: 1) { facts { productName categoryId gender boxesCount itemsCount "
         "sizeId tagIds boxState locationId } dimensions { category { id name } location { id name } } } }")
update = ("mutation Update($label: String!, $comment: String) { updateBox(updateInput: "
          "{labelIdentifier: $label, comment: $comment}) { id comment lastModifiedOn } }")
move = ("mutation Move($labels: [String!]!, $location: Int!) { moveBoxesToLocation(updateInput: "
        "{labelIdentifiers: $labels, locationId: $location}) { ... on BoxesResult { updatedBoxes { id } } } }")
create = ("mutation Create($input: BoxCreationInput!) { createBox(creationInput: $input) { labelIdentifier } }")

mix = [
    (25, [body(page, {"baseId": "1"})]),
    (20, [body(box, {"label": label}) for label in labels]),
    (15, [body(create_view, {"baseId": "1"})]),
    (10, [body(bases)]),
    (5, [body(shipments)]),
    (5, [body(people)]),
    (2, [body(stock)]),
    (10, [body(update, {"label": labels[i % 50], "comment": f"load test {i}"}) for i in range(200)]),
    (5, [body(move, {"labels": labels[i * 5 % 50:i * 5 % 50 + 5], "location": locations[i % 2]}) for i in range(20)]),
    (3, [body(create, {"input": {"productId": int(sized["product"]["id"]), "sizeId": int(sized["size"]["id"]),
                                 "locationId": locations[0], "numberOfItems": 10}})]),
]
if sys.argv[4] == "1":
    mix = [(weight, bodies) for weight, bodies in mix if not bodies[0].startswith('{"query": "mutation')]
def lua(text):
    return "[==[" + text + "]==]"
lines = [
    'wrk.method = "POST"',
    'wrk.headers["Content-Type"] = "application/json"',
    f'wrk.headers["Authorization"] = "Bearer {sys.argv[3]}"',
    "local groups = {",
]
for weight, bodies in mix:
    lines.append(f"  {{ weight = {weight}, bodies = {{ " + ", ".join(lua(b) for b in bodies) + " } },")
lines += [
    "}",
    "local total = 0",
    "for _, group in ipairs(groups) do total = total + group.weight end",
    "local threads = {}",
    "function setup(thread) table.insert(threads, thread) end",
    "function init(args) errors = 0; math.randomseed(os.time() + math.floor(os.clock() * 1e6)) end",
    "function request()",
    "  local pick = math.random(total)",
    "  for _, group in ipairs(groups) do",
    "    if pick <= group.weight then",
    "      return wrk.format(nil, nil, nil, group.bodies[math.random(#group.bodies)])",
    "    end",
    "    pick = pick - group.weight",
    "  end",
    "end",
    "function response(status, headers, body)",
    '  if status ~= 200 or string.find(body, \'"errors"\', 1, true) then errors = errors + 1 end',
    "end",
    "function done(summary, latency, requests)",
    "  local failed = 0",
    '  for _, thread in ipairs(threads) do failed = failed + thread:get("errors") end',
    '  io.write(string.format("LOADTEST %d %d %.3f %.1f %.1f %.1f\\n", summary.requests, failed,',
    "    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))",
    "end",
]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY

rss() { if [ -n "$server_pid" ]; then ps -o rss= -p "$server_pid" | awk '{printf "%.0f", $1/1024}'; else echo "-"; fi; }
run() { # seconds -> "requests errors seconds p50ms p99ms maxms"
    wrk -t2 -c"$connections" -d"$1s" --timeout 30s -s "$work/load.lua" "$url" | awk '/^LOADTEST/ {print $2, $3, $4, $5, $6, $7}'
}

engine="${database%%:*}"
echo "database: ${engine:-a running server}; machine: $(nproc) cores, load $(cut -d" " -f1 /proc/loadavg); boxes: $boxes; wrk: $connections connections"
if [ "$soak" -gt 0 ]; then
    printf "%8s %12s %8s %10s %10s %10s\n" elapsed "requests/s" errors "p50 ms" "p99 ms" "RSS MiB"
    elapsed=0
    total_requests=0
    total_errors=0
    while [ "$elapsed" -lt "$soak" ]; do
        read -r requests errors seconds p50 p99 _ <<<"$(run 10)"
        elapsed=$((elapsed + 10))
        total_requests=$((total_requests + requests))
        total_errors=$((total_errors + errors))
        printf "%7ss %12.0f %8d %10s %10s %10s\n" "$elapsed" "$(echo "$requests / $seconds" | bc -l)" "$errors" \
            "$p50" "$p99" "$(rss)"
    done
    echo "total: $total_requests requests, $total_errors errors"
    [ "$total_errors" -eq 0 ]
else
    read -r requests errors seconds p50 p99 max <<<"$(run "$duration")"
    printf "requests/s %.0f, p50 %s ms, p99 %s ms, max %s ms, %d requests, %d errors, server RSS %s MiB\n" \
        "$(echo "$requests / $seconds" | bc -l)" "$p50" "$p99" "$max" "$requests" "$errors" "$(rss)"
    [ "$errors" -eq 0 ]
fi
