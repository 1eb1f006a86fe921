#!/usr/bin/env bash
# Profiles a release build of `boxtribute serve` under the mixed load of scripts/load-test.sh.
#
#   scripts/profile.sh cpu    [--seconds 20] [--out DIR] [--boxes N] [--database URL]
#   scripts/profile.sh memory [--seconds 20] [--out DIR] [--boxes N] [--database URL]
#
# cpu:    samples the server's threads with perf (Debian's linux-perf; the software clock
#         `cpu-clock`, which works where hardware counters are not available, e.g. in VMs) and
#         frame-pointer call stacks, then writes DIR/cpu.svg (a flame graph, scripts/flamegraph.py)
#         and DIR/cpu-top.txt (the functions with the most samples of their own, demangled).
# memory: runs the server under heaptrack (Debian's heaptrack), stops it with SIGINT after the
#         load, and writes DIR/memory.txt (peak heap, the places that allocate most, leaks) and
#         DIR/memory.svg (a flame graph of the peak's allocations).
# DIR defaults to ./profile-<mode>-<time>. BOXTRIBUTE_BINARY=path profiles that binary.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in cpu | memory) shift ;; *) echo "usage: $0 cpu|memory [--seconds N] [--out DIR] [--boxes N] [--database URL]" >&2; exit 2 ;; esac
seconds=20
boxes=5000
port=5097
out="profile-$mode-$(date +%Y%m%d-%H%M%S)"
database=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --boxes) boxes="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
tool=perf
[ "$mode" = memory ] && tool=heaptrack
command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $([ "$tool" = perf ] && echo linux-perf || echo heaptrack))" >&2; exit 2; }

source scripts/lib/server.sh
release_binary "$database"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap '[ -z "${server:-}" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
[ -n "$database" ] || database="sqlite:$work/profile.sqlite3"
seed_database "$database" "$boxes" "$work/seed.log" || true

if [ "$mode" = memory ]; then
    LOG_LEVEL=warning heaptrack -o "$out/heaptrack" "$binary" serve --database "$database" --port "$port" \
        >"$work/server.log" 2>&1 &
else
    LOG_LEVEL=warning "$binary" serve --database "$database" --port "$port" >"$work/server.log" 2>&1 &
fi
server=$!
wait_for_health "$port"
# heaptrack starts the server as its child: the process to watch is the server itself.
pid="$(pgrep -n -f -- "--port $port" || echo "$server")"
token="$(coordinator_token "$database")"
load=(scripts/load-test.sh --url "http://127.0.0.1:$port/graphql" --token "$token" --server-pid "$pid" --duration "$seconds")

if [ "$mode" = cpu ]; then
    perf record -e cpu-clock -F 499 -g -p "$pid" -o "$out/perf.data" -- sleep "$seconds" >/dev/null 2>&1 &
    recorder=$!
    "${load[@]}" || true
    wait "$recorder" || true
    perf script -i "$out/perf.data" 2>/dev/null | swift demangle --simplified | scripts/flamegraph.py >"$out/cpu.svg"
    perf report -i "$out/perf.data" --stdio --no-children --sort symbol --percent-limit 1 2>/dev/null |
        swift demangle --simplified | sed -E "s/[ -]+$//" | grep -v "^$" >"$out/cpu-top.txt"
    grep -E '^ +[0-9.]+%' "$out/cpu-top.txt" | head -15
    echo "flame graph: $out/cpu.svg; functions: $out/cpu-top.txt; samples: $out/perf.data"
else
    "${load[@]}" || true
    kill -INT "$pid"
    wait "$server" || true
    server=""
    data="$(ls "$out"/heaptrack.* | head -n1)"
    heaptrack_print -f "$data" --print-peaks --print-allocators --print-leaks --peak-limit 15 \
        --flamegraph-cost-type peak --print-flamegraph "$work/memory.folded" 2>/dev/null |
        swift demangle --simplified >"$out/memory.txt"
    scripts/flamegraph.py <"$work/memory.folded" >"$out/memory.svg"
    grep -E '^(peak heap memory consumption|peak RSS|total memory leaked|calls to allocation functions)' "$out/memory.txt" || true
    echo "report: $out/memory.txt; flame graph of the peak: $out/memory.svg; data: $data"
fi
