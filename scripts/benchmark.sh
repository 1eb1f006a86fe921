#!/usr/bin/env bash
# Measures throughput and latency of a release build on the demo data with wrk (Debian package `wrk`).
#
#   scripts/benchmark.sh [--boxes N] [--duration SECONDS] [--connections N] [--database URL]
#                        [--scenarios a,b,...] [--statistics-connections N] [--sequential N]
#
# BOXTRIBUTE_BINARY=path measures that binary instead of building one.
# Without --database (or DATABASE_URL) a fresh SQLite file is used. With a mysql:// URL the
# binary is built with `--traits MySQL`; an empty database there is seeded first, one that
# already holds Boxtribute data is measured as it is.
#
# Scenarios: organisations + bases; a page of 50 boxes with nested fields; one box by label
# with its history; updateBox (a new comment on one of 20 boxes per request); and
# moveBoxesToLocation (50 boxes, back and forth between two locations); and the statistics
# dashboard's cubes of base 1 (createdBoxes, movedBoxes, stockOverview, beneficiaryDemographics,
# with the front-end's fields), each of which groups the whole base, sent by
# --statistics-connections clients (default 2: a dashboard is not read by 32 clients at once).
# Prints requests/s and p50/p99 latency per scenario. With --sequential N, each scenario is
# instead sent N times one after another by one client (for answers that take seconds, where
# wrk's fixed duration ends before the first one), printing the fastest, median and slowest.
# Traffic goes to
# 127.0.0.1 only; the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

boxes=5000
duration=15
connections=32
statistics_connections=2
sequential=0
scenarios="organisations_and_bases,box_page_50,box_with_history,update_box,move_50_boxes"
scenarios+=",created_boxes,moved_boxes,stock_overview,beneficiary_demographics"
port=5099
database="${DATABASE_URL:-}"
while [ $# -gt 0 ]; do
    case "$1" in
        --boxes) boxes="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        --scenarios) scenarios="$2"; shift 2 ;;
        --statistics-connections) statistics_connections="$2"; shift 2 ;;
        --sequential) sequential="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

source scripts/lib/server.sh
release_binary "$database"
work="$(mktemp -d)"
trap '[ -z "${server:-}" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$database" ]; then
    database="sqlite:$work/bench.sqlite3"
fi

if ! seed_database "$database" "$boxes" "$work/seed.log"; then
    echo "the database already holds data: measuring it as it is"
    boxes="as in the database"
fi
LOG_LEVEL=warning "$binary" serve --database "$database" --port "$port" >"$work/server.log" 2>&1 &
server=$!
wait_for_health "$port"
token="$(coordinator_token "$database")"
url="http://127.0.0.1:$port/graphql"

label="$(curl -sf "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"{ boxes(baseId: \"1\", paginationInput: {first: 1}) { elements { labelIdentifier } } }"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["boxes"]["elements"][0]["labelIdentifier"])')"

declare -A queries
queries[organisations_and_bases]='{ organisations { id name } bases { id name organisation { id name } } }'
queries[box_page_50]='{ boxes(baseId: "1") { totalCount pageInfo { hasNextPage endCursor } elements { id labelIdentifier state numberOfItems comment lastModifiedOn product { id name gender category { id name } sizeRange { id name } } size { id name } location { id name } tags { id name color } qrCode { code } } } }'
queries[box_with_history]="{ box(labelIdentifier: \"$label\") { labelIdentifier state product { name } location { name } history { id changes changeDate user { id name } } } }"
queries[created_boxes]='{ createdBoxes(baseId: 1) { facts { boxesCount productId categoryId createdOn tagIds gender itemsCount } dimensions { product { id name gender } category { id name } tag { id name color } } } }'
queries[moved_boxes]='{ movedBoxes(baseId: 1) { facts { movedOn targetId categoryId sizeId boxesCount itemsCount gender productName tagIds organisationName } dimensions { category { id name } size { id name } target { id name type deletedOn } } } }'
queries[stock_overview]='{ stockOverview(baseId: 1) { facts { productName categoryId gender boxesCount itemsCount sizeId tagIds boxState locationId } dimensions { category { id name } size { id name } tag { id name color } location { id name } } } }'
queries[beneficiary_demographics]='{ beneficiaryDemographics(baseId: 1) { facts { count createdOn age gender tagIds } dimensions { tag { id name color } } } }'

# Mutation scenarios: many different request bodies, cycled through by wrk.
boxes_json="$(curl -sf "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"{ boxes(baseId: \"1\", filterInput: {states: [InStock]}, paginationInput: {first: 50}) { elements { labelIdentifier } } base(id: \"1\") { locations { id } } }"}')"
python3 - "$boxes_json" "$work" <<'PY'
import json, sys
data = json.loads(sys.argv[1])["data"]
labels = [box["labelIdentifier"] for box in data["boxes"]["elements"]]
locations = [int(location["id"]) for location in data["base"]["locations"]][:2]
update = "mutation($label: String!, $comment: String) { updateBox(updateInput: {labelIdentifier: $label, comment: $comment}) { id comment lastModifiedOn } }"
move = "mutation($labels: [String!]!, $location: Int!) { moveBoxesToLocation(updateInput: {labelIdentifiers: $labels, locationId: $location}) { ... on BoxesResult { updatedBoxes { id } invalidBoxLabelIdentifiers } } }"
bodies = {
    "update_box": [json.dumps({"query": update, "variables": {"label": labels[i % 20], "comment": f"benchmark {i}"}}) for i in range(400)],
    "move_50_boxes": [json.dumps({"query": move, "variables": {"labels": labels, "location": locations[i % 2]}}) for i in range(2)],
}
for name, items in bodies.items():
    with open(f"{sys.argv[2]}/{name}.bodies.json", "w") as file:
        json.dump(items, file)
    with open(f"{sys.argv[2]}/{name}.json", "w") as file:
        file.write(items[0])
PY

# Writes a wrk script that posts $work/$1.json, or cycles through $work/$1.bodies.json.
write_lua() {
    local name="$1"
    cat >"$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
local file = io.open("$work/$name.json")
wrk.body = file:read("*a")
file:close()
LUA
    if [ -f "$work/$name.bodies.json" ]; then
        python3 - "$work/$name.bodies.json" >>"$work/$name.lua" <<'PY'
import json, sys
bodies = json.load(open(sys.argv[1]))
def lua(text):
    return "[==[" + text + "]==]"
print("local bodies = {" + ", ".join(lua(body) for body in bodies) + "}")
print("local counter = 0")
print("request = function()")
print("    counter = counter + 1")
print("    return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])")
print("end")
PY
    fi
}

echo "database: ${database%%:*}; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); boxes: $boxes; wrk: $connections connections ($statistics_connections for statistics), ${duration}s"
if [ "$sequential" -gt 0 ]; then
    printf "%-26s %10s %10s %10s %10s\n" scenario fastest median slowest answer
else
    printf "%-26s %12s %10s %10s\n" scenario "requests/s" p50 p99
fi
for name in ${scenarios//,/ }; do
    clients="$connections"
    case "$name" in created_boxes | moved_boxes | stock_overview | beneficiary_demographics) clients="$statistics_connections" ;; esac
    if [ -n "${queries[$name]:-}" ]; then
        python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1]}))' "${queries[$name]}" >"$work/$name.json"
    fi
    write_lua "$name"
    answer="$(curl -s -w '\n%{http_code}' "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$work/$name.json")"
    if [ "$(tail -n1 <<<"$answer")" != 200 ] || grep -q '"errors"' <<<"$answer"; then
        echo "$name does not answer cleanly: $answer" >&2
        exit 1
    fi
    if [ "$sequential" -gt 0 ]; then
        times="$(for _ in $(seq 1 "$sequential"); do
            curl -s -o /dev/null -w '%{time_total}\n' "$url" -H "Authorization: Bearer $token" \
                -H 'Content-Type: application/json' --data-binary "@$work/$name.json"
        done | sort -n)"
        printf "%-26s %10s %10s %10s %10s\n" "$name" "$(head -n1 <<<"$times")s" \
            "$(sed -n "$(((sequential + 1) / 2))p" <<<"$times")s" "$(tail -n1 <<<"$times")s" \
            "$(wc -c <<<"$answer" | awk '{printf "%.1f MB", $1/1e6}')"
        continue
    fi
    threads=$((clients < 2 ? clients : 2))
    wrk -t"$threads" -c"$clients" -d2s --timeout 60s -s "$work/$name.lua" "$url" >/dev/null
    output="$(wrk -t"$threads" -c"$clients" -d"${duration}s" --timeout 60s --latency -s "$work/$name.lua" "$url")"
    if grep -q "Non-2xx" <<<"$output"; then
        echo "$name: some responses were not 200" >&2
        exit 1
    fi
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$output")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$output")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$output")"
    printf "%-26s %12s %10s %10s\n" "$name" "$rps" "$p50" "$p99"
done
echo "server memory (RSS): $(ps -o rss= -p "$server" | awk '{printf "%.0f MiB", $1/1024}')"
