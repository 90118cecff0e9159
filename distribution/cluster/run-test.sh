#!/usr/bin/env bash
# The cluster test: two gongji nodes from the built distribution over one PostgreSQL database,
# HAProxy in front of them (health-checked on GET /api/v1/health), and the checks of
# org.gongji.loadgen.cluster.ClusterCheck against them: the annual cap and an account drained from both
# nodes at once, one Idempotency-Key at both nodes, kill -9 of a node under load, PostgreSQL
# restarted under load. Stops everything it started; the last line is "N passed, M failed"
# (exit 1 when a check failed or the cluster could not be set up).
#
# Needs the build: mvn -B package -DskipTests (distribution/target/gongji and the load generator).
# Installs PostgreSQL and HAProxy from Debian's packages where they are missing (root or sudo).
# Usage: distribution/cluster/run-test.sh            (the checks)
#        distribution/cluster/run-test.sh --keep     (no checks: leaves the cluster running, writes
#                                                     its addresses to <work>/cluster.env and a
#                                                     <work>/stop.sh that stops it; see scaling.sh)
# Environment: GONGJI_WRITERS (group-commit writers per node, 1), GONGJI_DB_POOL_SIZE (16 per node),
# GONGJI_CLUSTER_ONLY (ClusterCheck's checks to run by class name, comma-separated; all by default).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${GONGJI_DIST:-$ROOT/distribution/target/gongji}
LOADGEN=$ROOT/platform/tools/loadgen/target
DB=${GONGJI_CLUSTER_DB:-gongji_cluster}
PG_HOST=127.0.0.1
PG_PORT=5432
KEEP=false
[ "${1:-}" = "--keep" ] && KEEP=true

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gongji-cluster.XXXXXX")
STARTED_POSTGRES=false
HAPROXY_PID=""

log() { echo "cluster: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -n -u postgres sh -c "$1"; fi; }

# A failure before the checks ran is one failed check: the summary line says so.
setup_failed() {
    echo "cluster test FAILED to set up: $*" >&2
    for node in a b; do
        [ -f "$WORK/$node/data/logs/gongji.log" ] && { echo "--- node $node log (tail)" >&2; tail -30 "$WORK/$node/data/logs/gongji.log" >&2; }
    done
    echo "0 passed, 1 failed"
    exit 1
}

stop_all() {
    local rc=$?
    set +e
    if [ -n "$HAPROXY_PID" ]; then kill "$HAPROXY_PID" 2>/dev/null; fi
    for node in a b; do
        if [ -x "$WORK/$node/bin/gongji" ]; then
            GONGJI_DATA="$WORK/$node/data" "$WORK/$node/bin/gongji" stop >/dev/null 2>&1
        fi
    done
    if [ "$STARTED_POSTGRES" = true ]; then as_root pg_ctlcluster "$PG_VERSION" main stop >/dev/null 2>&1; fi
    if [ "${GONGJI_CLUSTER_KEEP_WORK:-}" != true ]; then rm -rf "$WORK"; fi
    exit $rc
}

[ -x "$DIST/bin/gongji" ] || setup_failed "no distribution at $DIST: run mvn -B package -DskipTests first"
[ -f "$LOADGEN/classpath.txt" ] || setup_failed "no load generator in $LOADGEN: run mvn -B package -DskipTests first"
CP="$(ls "$LOADGEN"/org.gongji.loadgen-*.jar | head -1):$(cat "$LOADGEN/classpath.txt")"

# --- PostgreSQL and HAProxy, from Debian's packages where missing
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq || setup_failed "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || setup_failed "cannot install ${missing[*]}"
fi
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | grep -q "^${PG_VERSION} main" || as_root pg_createcluster "$PG_VERSION" main >/dev/null \
    || setup_failed "cannot create the PostgreSQL cluster"
if ! pg_lsclusters -h | grep -q "^${PG_VERSION} main .* online"; then
    as_root pg_ctlcluster "$PG_VERSION" main start || setup_failed "cannot start PostgreSQL"
    STARTED_POSTGRES=true
fi
trap stop_all EXIT
trap 'exit 130' INT TERM

as_postgres "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname = 'gongji'\" | grep -q 1 \
    || psql -q -c \"CREATE ROLE gongji LOGIN SUPERUSER PASSWORD 'gongji'\"" || setup_failed "cannot create role gongji"
# its own database, fresh every run
as_postgres "dropdb --if-exists $DB && createdb -O gongji $DB" || setup_failed "cannot create database $DB"

# --- two nodes over the same database
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    setup_failed "no free port"
}
PORT_A=$(free_port)
PORT_B=$(free_port)
PORT_LB=$(free_port)
[ "$PORT_A" != "$PORT_B" ] && [ "$PORT_B" != "$PORT_LB" ] && [ "$PORT_A" != "$PORT_LB" ] || setup_failed "port clash, run again"

status_of() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
await_ready() { # url seconds
    local deadline=$(( $(date +%s) + $2 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        [ "$(status_of "$1/api/v1/health")" = 200 ] && return 0
        sleep 0.5
    done
    return 1
}

for node in a b; do
    mkdir -p "$WORK/$node"
    cp -r "$DIST/." "$WORK/$node/"
    rm -rf "$WORK/$node/data" && mkdir -p "$WORK/$node/data"
    port_var="PORT_${node^^}"
    # the commands the checks use to kill and start a node again, and to restart PostgreSQL
    cat >"$WORK/start-$node.sh" <<EOF
#!/bin/sh
GONGJI_DATA="$WORK/$node/data" GONGJI_HTTP_PORT=${!port_var} \\
GONGJI_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" GONGJI_JDBC_USER=gongji GONGJI_JDBC_PASSWORD=gongji \\
GONGJI_DB_POOL_SIZE=\${GONGJI_DB_POOL_SIZE:-16} GONGJI_WRITERS=\${GONGJI_WRITERS:-1} \\
exec "$WORK/$node/bin/gongji" start
EOF
    printf '#!/bin/sh\nkill -9 "$(cat "%s/%s/data/gongji.pid")"\n' "$WORK" "$node" >"$WORK/kill-$node.sh"
    chmod +x "$WORK/start-$node.sh" "$WORK/kill-$node.sh"
done
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n "; fi
printf '#!/bin/sh\nexec %spg_ctlcluster %s main restart\n' "$SUDO" "$PG_VERSION" >"$WORK/restart-db.sh"
chmod +x "$WORK/restart-db.sh"

# node a first: on an empty database it creates the first ADMIN client and writes its token;
# node b then finds a client and writes none (the same token is valid on both)
"$WORK/start-a.sh" >/dev/null
await_ready "http://127.0.0.1:$PORT_A" 180 || setup_failed "node a did not become ready"
[ -s "$WORK/a/data/admin.token" ] || setup_failed "node a wrote no admin.token"
"$WORK/start-b.sh" >/dev/null
await_ready "http://127.0.0.1:$PORT_B" 180 || setup_failed "node b did not become ready"
[ ! -e "$WORK/b/data/admin.token" ] || setup_failed "node b wrote an admin.token of its own over a database with clients"
log "node a on port $PORT_A, node b on port $PORT_B, database $DB"

# --- HAProxy in front, a node out of rotation while its readiness is not 200
cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch 1
backend nodes
    balance roundrobin
    option httpchk GET /api/v1/health
    http-check expect status 200
    # a check answered within 5 s counts: on a busy machine readiness may take more than the interval
    timeout check 5s
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check
frontend api
    bind 127.0.0.1:$PORT_LB
    default_backend nodes
EOF
"$HAPROXY" -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
await_ready "http://127.0.0.1:$PORT_LB" 30 || setup_failed "HAProxy does not answer on port $PORT_LB"
log "HAProxy on port $PORT_LB"

if [ "$KEEP" = true ]; then
    trap - EXIT
    cat >"$WORK/stop.sh" <<STOP
#!/bin/sh
kill $HAPROXY_PID 2>/dev/null
for n in a b; do GONGJI_DATA="$WORK/\$n/data" "$WORK/\$n/bin/gongji" stop >/dev/null; done
$( [ "$STARTED_POSTGRES" = true ] && echo "${SUDO}pg_ctlcluster $PG_VERSION main stop" )
rm -rf "$WORK"
STOP
    chmod +x "$WORK/stop.sh"
    cat >"$WORK/cluster.env" <<ENV
NODE_A=http://127.0.0.1:$PORT_A
NODE_B=http://127.0.0.1:$PORT_B
BALANCER=http://127.0.0.1:$PORT_LB
TOKEN_FILE=$WORK/a/data/admin.token
STOP=$WORK/stop.sh
ENV
    echo "cluster kept running (node a http://127.0.0.1:$PORT_A, node b http://127.0.0.1:$PORT_B," \
         "HAProxy http://127.0.0.1:$PORT_LB): addresses and token in $WORK/cluster.env; stop it with $WORK/stop.sh"
    exit 0
fi

# --- the checks (they print one line each and the summary line)
set +e
java -cp "$CP" org.gongji.loadgen.cluster.ClusterCheck \
    --node-a "http://127.0.0.1:$PORT_A" --node-b "http://127.0.0.1:$PORT_B" --balancer "http://127.0.0.1:$PORT_LB" \
    --token-file "$WORK/a/data/admin.token" \
    --pid-file-a "$WORK/a/data/gongji.pid" --pid-file-b "$WORK/b/data/gongji.pid" \
    --kill-b "$WORK/kill-b.sh" --start-b "$WORK/start-b.sh" --restart-database "$WORK/restart-db.sh" \
    ${GONGJI_CLUSTER_ONLY:+--only "$GONGJI_CLUSTER_ONLY"}
rc=$?
set -e
if [ $rc -ne 0 ]; then
    for node in a b; do echo "--- node $node log (tail)" >&2; tail -20 "$WORK/$node/data/logs/gongji.log" >&2; done
    exit 1
fi
