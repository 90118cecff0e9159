#!/usr/bin/env bash
# Scaling over PostgreSQL: committed settlements per second and latency with one node and with two
# nodes over one database, for 1 and 2 group-commit writers per node, measured with the load
# generator (README "Load generator") against a cluster started by run-test.sh --keep.
#   one node:            every client sends to node a (node b runs idle)
#   two nodes, direct:   client c sends to node a or b by c modulo 2 (no balancer in the path)
#   two nodes, HAProxy:  every client sends to HAProxy, which balances over both
# Needs the build (mvn -B package -DskipTests).
# Usage: distribution/cluster/scaling.sh [runs (1)] [clients (16)] [seconds measured (20)]
#        WRITERS_LIST="1 2 4" distribution/cluster/scaling.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-1}
CLIENTS=${2:-16}
MEASURED=${3:-20}
LOADGEN=$ROOT/platform/tools/loadgen/target
CP="$(ls "$LOADGEN"/org.gongji.loadgen-*.jar | head -1):$(cat "$LOADGEN/classpath.txt")"

echo "$(nproc) cores, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'),"\
     "$CLIENTS clients, $MEASURED s measured after 5 s warm-up, 2,000 persons per run"
for writers in ${WRITERS_LIST:-1 2}; do
    started=$(GONGJI_WRITERS=$writers "$ROOT/distribution/cluster/run-test.sh" --keep | tail -1)
    env_file=$(printf '%s' "$started" | sed -n 's/.*and token in \([^;]*cluster\.env\);.*/\1/p')
    [ -f "$env_file" ] || { echo "the cluster did not start: $started" >&2; exit 1; }
    # shellcheck disable=SC1090
    . "$env_file"
    trap '"$STOP"' EXIT
    for run in $(seq 1 "$RUNS"); do
        for target in "one node|$NODE_A" "two nodes, direct|$NODE_A,$NODE_B" "two nodes, HAProxy|$BALANCER"; do
            line=$(java -cp "$CP" org.gongji.loadgen.LoadGenerator --url "${target#*|}" --clients "$CLIENTS" \
                --seconds "$MEASURED" --warmup 5 --persons 2000 --token-file "$TOKEN_FILE" \
                | grep '^POST /api/v1/settlements' || echo "no result")
            printf 'writers=%s run %s  %-18s  %s  (load average %s)\n' "$writers" "$run" "${target%%|*}" "$line" \
                "$(cut -d' ' -f1-3 /proc/loadavg)"
        done
    done
    "$STOP"
    trap - EXIT
done
