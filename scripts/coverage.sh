#!/usr/bin/env bash
# Line coverage of the sources by the test suites, with the toolchain's llvm-cov.
#
#   scripts/coverage.sh [--run] [--html DIR] [-- SWIFT_TEST_ARGUMENTS...]
#
# --run first runs `swift test --enable-code-coverage` with the arguments after `--` (e.g.
# `-- --traits MySQL`; `--traits`, `--scratch-path` and `-c` among them also locate the build
# when reporting: pass them again without --run); without it the script reports the data of the last such run. Prints a
# summary per target (Sources/<target>) and the total; --html DIR also writes llvm-cov's HTML
# report (every file, line by line) to DIR. Tests, packages and generated files are left out.
set -euo pipefail
cd "$(dirname "$0")/.."

run=0
html=""
test_arguments=()
while [ $# -gt 0 ]; do
    case "$1" in
        --run) run=1; shift ;;
        --html) html="$2"; shift 2 ;;
        --) shift; test_arguments=("$@"); break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$run" = 1 ]; then
    swift test --enable-code-coverage "${test_arguments[@]}"
fi
# The toolchain's llvm-cov reads the toolchain's profile format (Debian's may be older).
toolchain="$(dirname "$(readlink -f "$(command -v swift)")")"
llvm_cov="$toolchain/llvm-cov"
[ -x "$llvm_cov" ] || llvm_cov="llvm-cov"
# The build options among the test arguments (a filter would not do for `swift build`).
build_arguments=()
for ((i = 0; i < ${#test_arguments[@]}; i++)); do
    case "${test_arguments[$i]}" in
        --traits | --scratch-path | -c | --configuration)
            build_arguments+=("${test_arguments[$i]}" "${test_arguments[$((i + 1))]}")
            i=$((i + 1))
            ;;
    esac
done
bin="$(swift build --show-bin-path "${build_arguments[@]}" 2>/dev/null | tail -n1)"
profile="$bin/codecov/default.profdata"
binary="$bin/boxtributePackageTests.xctest"
if [ ! -f "$profile" ] || [ ! -f "$binary" ]; then
    echo "no coverage data in $bin: run with --run (swift test --enable-code-coverage) first" >&2
    exit 1
fi
ignore='(\.build[^/]*|Tests|checkouts)/'

"$llvm_cov" export -summary-only -instr-profile "$profile" "$binary" -ignore-filename-regex "$ignore" |
    python3 -c '
import json, os, sys
files = json.load(sys.stdin)["data"][0]["files"]
root = os.getcwd() + "/Sources/"
targets = {}
for entry in files:
    name = entry["filename"]
    if not name.startswith(root):
        continue
    target = name[len(root):].split("/")[0]
    lines = entry["summary"]["lines"]
    covered, count = targets.get(target, (0, 0))
    targets[target] = (covered + lines["covered"], count + lines["count"])
print("%-28s %8s %8s %9s" % ("target", "lines", "covered", "coverage"))
for target, (covered, count) in sorted(targets.items()):
    print(f"{target:<28} {count:>8} {covered:>8} {100 * covered / max(count, 1):>8.1f}%")
covered = sum(c for c, _ in targets.values())
count = sum(n for _, n in targets.values())
print("%-28s %8d %8d %8.1f%%" % ("total", count, covered, 100 * covered / max(count, 1)))
'
if [ -n "$html" ]; then
    "$llvm_cov" show -format=html -output-dir "$html" -instr-profile "$profile" "$binary" \
        -ignore-filename-regex "$ignore" >/dev/null
    echo "HTML report: $html/index.html"
fi
