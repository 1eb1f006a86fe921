# Shared by benchmark.sh, load-test.sh and profile.sh: the release binary, a seeded database, a
# started server's readiness and a coordinator's token. Source it from the repository's root.

# Sets `binary`: $BOXTRIBUTE_BINARY (a build made elsewhere, e.g. to compare two side by side),
# else a release build in .build-release, with the MySQL trait when $1 is a mysql:// URL.
release_binary() {
    if [ -n "${BOXTRIBUTE_BINARY:-}" ]; then
        binary="$BOXTRIBUTE_BINARY"
        return
    fi
    local traits=()
    case "$1" in mysql://*) traits=(--traits MySQL) ;; esac
    swift build -c release --scratch-path .build-release "${traits[@]}" --product boxtribute >/dev/null
    binary="$(swift build -c release --scratch-path .build-release "${traits[@]}" --show-bin-path)/boxtribute"
}

# seed_database DATABASE BOXES LOG: seeds the demo data. Returns 1 when the database already
# holds data (it is then used as it is); any other failure prints the log and exits.
seed_database() {
    "$binary" seed --database "$1" --boxes "$2" >/dev/null 2>"$3" && return 0
    grep -q "not empty\|already" "$3" || { cat "$3" >&2; exit 1; }
    return 1
}

# wait_for_health PORT: up to two minutes (a first start on a large database adds the indexes
# of its migrations).
wait_for_health() {
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0
        sleep 0.2
    done
}

# coordinator_token DATABASE: a token of base 1's coordinator, signed with DATABASE's key.
coordinator_token() {
    "$binary" token --database "$1" --user 2 --organisation 1 --base 1
}
