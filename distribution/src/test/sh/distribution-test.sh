#!/usr/bin/env bash
# The distribution as an operator uses it: unpack the zip, start the daemon on a free port, wait
# for the API, withdraw a region by deleting its jar from deploy/, deploy it again by copying it
# back, stop, and check that nothing is left running. Run by `mvn verify` (distribution module).
# Usage: distribution-test.sh <zip> <work folder> <project root>
set -euo pipefail

ZIP=$1
WORK=$2
ROOT=$3
REGION_CODE=410800
REGION_JAR=org.gongji.city.jiaozuo

fail() { echo "distribution test FAILED: $*" >&2; [ -f "${LOG:-}" ] && tail -40 "$LOG" >&2; stop_quietly; exit 1; }
stop_quietly() { [ -n "${HOME_DIR:-}" ] && GONGJI_DATA="$DATA" "$HOME_DIR/bin/gongji" stop >/dev/null 2>&1 || true; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "no free port found"
}

# the first start writes the token of the first ADMIN client into the data folder
admin_token() { [ -r "$DATA/admin.token" ] && tr -d '\n' <"$DATA/admin.token"; }

# GET a path from the platform with bash's /dev/tcp (no curl needed), with the administrator's
# token (or the token in $2, "" for none), accepting JSON (or the type in $3); prints the status
# line, or the body when it is 200
http_raw() {
    local token=${2-$(admin_token)} auth="" accept=${3:-application/json}
    [ -n "$token" ] && auth="Authorization: Bearer $token"$'\r\n'
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: %s\r\n%s\r\n' "$1" "$accept" "$auth" >&3 && cat <&3) 2>/dev/null
}
http_get() {
    local response
    response=$(http_raw "$@") || return 1
    case "$response" in
        "HTTP/1."?" 200"*) printf '%s' "${response#*$'\r\n\r\n'}" ;;
        *) return 1 ;;
    esac
}

has_rest() { ls "$HOME_DIR"/bundle/org.gongji.rest-*.jar >/dev/null 2>&1; }

# the platform's view of one region: "serving" or "absent"
region_state() {
    if has_rest; then
        local body
        body=$(http_get /api/v1/regions) || { echo "down"; return; }
        # the deployment of the region up to its conformance object: it says whether it serves
        if printf '%s' "$body" | tr -d ' \n' | grep -o "{\"code\":\"$REGION_CODE\"[^{]*" | grep -q '"status":"SERVING"'; then
            echo serving
        else
            echo absent
        fi
    else
        # until the REST API exists, the runtime's log is its status: the last line about the region
        local last
        last=$(grep -a "region $REGION_CODE " "$LOG" | grep -v "conformance NOT_CHECKED) - " | tail -1 || true)
        case "$last" in
            *"gone: region"*) echo absent ;;
            *SERVING*) echo serving ;;
            *) echo absent ;;
        esac
    fi
}

# waits for a condition; the deadlines are generous because the build machine may be busy:
# start-up time is measured and printed, not asserted here
await() {
    local what=$1 seconds=$2 deadline
    deadline=$(( $(date +%s) + seconds ))
    shift 2
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "$what: not within $seconds s"
        sleep 0.2
    done
}

api_up() { if has_rest; then admin_token >/dev/null && http_get /api/v1/regions >/dev/null; else grep -q "region $REGION_CODE .*SERVING" "$LOG" 2>/dev/null; fi; }
serving() { [ "$(region_state)" = serving ]; }
# the region's own rules answer (not its province's, which a city falls back to)
rules_served() { http_get "/api/v1/regions/$REGION_CODE/rules?date=2023-03-01" | tr -d ' \n' | grep -q "\"region\":\"$REGION_CODE\""; }
absent() { [ "$(region_state)" = absent ]; }

# processes whose command line names this installation
leftovers() {
    local p found=""
    for p in /proc/[0-9]*; do
        if tr '\0' ' ' 2>/dev/null <"$p/cmdline" | grep -q -- "-Dgongji.home=$HOME_DIR "; then
            found="$found ${p#/proc/}"
        fi
    done
    echo "$found"
}

rm -rf "$WORK"
mkdir -p "$WORK"
if command -v unzip >/dev/null; then
    (cd "$WORK" && unzip -q "$ZIP")
else
    # a machine without unzip: the JDK's jar tool, which drops the executable bit the zip carries
    (cd "$WORK" && jar xf "$ZIP" && chmod +x gongji/bin/gongji)
fi
HOME_DIR=$(cd "$WORK/gongji" && pwd)
DATA="$WORK/data"
LOG="$DATA/logs/gongji.log"
PORT=$(free_port)

# every region module of the build is a bundled region
for kind in city province; do
    for module in $(sed -n 's#.*<module>\(.*\)</module>.*#\1#p' "$ROOT/$kind-plugins/pom.xml"); do
        ls "$HOME_DIR/regions/org.gongji.$kind.$module-"*.jar >/dev/null 2>&1 \
            || fail "$kind-plugins/$module is not bundled: add org.gongji.$kind.$module to distribution/pom.xml"
    done
done

# every bundled region is a data-only jar: its table and a manifest naming it, no Java
list_jar() { if command -v unzip >/dev/null; then unzip -Z1 "$1"; else jar tf "$1"; fi; }
for jar in "$HOME_DIR"/regions/*.jar; do
    entries=$(list_jar "$jar")
    classes=$(grep '\.class$' <<< "$entries" || true)
    [ -z "$classes" ] || fail "$(basename "$jar") carries Java: $(head -3 <<< "$classes" | tr '\n' ' ')"
    table=$( (cd "$WORK" && rm -rf mf && mkdir mf && cd mf && jar xf "$jar" META-INF/MANIFEST.MF && tr -d '\r' < META-INF/MANIFEST.MF | sed -n 's/^Gongji-Region: //p') )
    [ -n "$table" ] || fail "$(basename "$jar") names no table (manifest header Gongji-Region)"
    grep -qx "$table" <<< "$entries" || fail "$(basename "$jar") lacks its table $table"
done
rm -rf "$WORK/mf"
echo "distribution test: $(ls "$HOME_DIR"/regions/*.jar | wc -l) region jars, each a table and no .class file"

# the bureau's filing check runs with no Maven, from the distribution, and finds the province beside it
[ -f "$HOME_DIR/tools/gongji-tools.jar" ] || fail "no tools/gongji-tools.jar"
check_out=$(java -jar "$HOME_DIR/tools/gongji-tools.jar" check "$(ls "$HOME_DIR"/regions/$REGION_JAR-*.jar)") \
    || fail "the filing check of $REGION_CODE failed: $check_out"
grep -q "against 410000" <<< "$check_out" || fail "the filing check did not check against the province: $check_out"
grep -q "FILING CHECK PASSED" <<< "$check_out" || fail "no verdict from the filing check: $check_out"
echo "distribution test: java -jar tools/gongji-tools.jar check passes $REGION_CODE against its province"

export GONGJI_HTTP_PORT=$PORT GONGJI_DATA=$DATA

started=$(now_ms)
"$HOME_DIR/bin/gongji" start
await "the API answers" 120 api_up
echo "distribution test: API up $(( $(now_ms) - started )) ms after 'bin/gongji start' (port $PORT)"
"$HOME_DIR/bin/gongji" status >/dev/null || fail "status says it does not run"

await "the bundled region $REGION_CODE serves" 60 serving
# the launcher always limits the heap (without -Xmx the JVM may take a quarter of the machine's memory)
ps -o args= -p "$(cat "$DATA/gongji.pid")" | grep -q -- ' -Xmx' || fail "the platform runs without a heap limit"
[ -f "$HOME_DIR/systemd/gongji.service" ] || fail "no systemd unit in the distribution"
if has_rest; then
    case "$(http_raw /api/v1/health "")" in "HTTP/1."?" 200"*) ;; *) fail "GET /api/v1/health is not 200 without a token: $(http_raw /api/v1/health "")" ;; esac
    # the administrator's token: readable by the owner only, named in the log, never written there
    [ "$(stat -c %a "$DATA/admin.token")" = 600 ] || fail "admin.token is not rw------- but $(stat -c %a "$DATA/admin.token")"
    grep -q "$DATA/admin.token" "$LOG" || fail "the log does not name $DATA/admin.token"
    ! grep -q "$(admin_token)" "$LOG" || fail "the log shows the administrator's token"
    case "$(http_raw /api/v1/regions "")" in "HTTP/1."?" 401"*) ;; *) fail "/api/v1/regions answers without a token" ;; esac
    case "$(http_raw /api/v1/regions "gj_not-a-token")" in "HTTP/1."?" 401"*) ;; *) fail "/api/v1/regions answers an unknown token" ;; esac
    first_token=$(admin_token)
    # Micrometer inside Felix: the meters of the store, the pool and the JVM, for the administrator only
    metrics=$(http_get /metrics "$(admin_token)" text/plain) || fail "GET /metrics failed: $(http_raw /metrics "$(admin_token)" text/plain | head -3)"
    grep -q '^hikaricp_connections_active{pool=' <<< "$metrics" || fail "GET /metrics has no pool meters"
    grep -q '^jvm_memory_used_bytes{' <<< "$metrics" || fail "GET /metrics has no JVM meters"
    case "$(http_raw /metrics "" text/plain)" in "HTTP/1."?" 401"*) ;; *) fail "GET /metrics answers without a token" ;; esac
    # Derby's online backup through bin/gongji, under data/backups only
    GONGJI_HTTP_PORT=$PORT "$HOME_DIR/bin/gongji" backup dist-test >/dev/null || fail "bin/gongji backup failed"
    [ -f "$DATA/backups/dist-test/db/service.properties" ] || fail "bin/gongji backup left no database in $DATA/backups/dist-test"
    echo "distribution test: GET /metrics serves the pool and JVM meters; bin/gongji backup wrote $DATA/backups/dist-test/db"
fi
jar=$(ls "$HOME_DIR/deploy/$REGION_JAR"-*.jar)
mv "$jar" "$WORK/"
await "deleting the jar withdraws $REGION_CODE" 60 absent
cp "$WORK/$(basename "$jar")" "$HOME_DIR/deploy/"
await "copying the jar into deploy/ serves $REGION_CODE" 60 serving
if has_rest; then await "the rules of $REGION_CODE are served" 60 rules_served; fi

# a corrupt jar in deploy/ is reported in GET /api/v1/regions (and the log), and forgotten once removed
if has_rest; then
    printf 'PK\003\004 not a whole jar' > "$HOME_DIR/deploy/broken-region.jar"
    broken_reported() { http_get /api/v1/regions | grep -q 'deploy/broken-region.jar is not a readable jar'; }
    broken_gone() { ! http_get /api/v1/regions | grep -q 'broken-region.jar'; }
    await "the corrupt jar in deploy/ is reported" 60 broken_reported
    grep -q 'deploy/broken-region.jar' "$LOG" || fail "the corrupt jar is not in the log"
    rm "$HOME_DIR/deploy/broken-region.jar"
    await "the removed corrupt jar is no longer reported" 60 broken_gone
    echo "distribution test: a corrupt jar in deploy/ is reported and forgotten when removed"
fi

pid=$(cat "$DATA/gongji.pid")
"$HOME_DIR/bin/gongji" stop
if has_rest; then
    # a later start leaves the first token alone, and it still opens the API
    "$HOME_DIR/bin/gongji" start
    await "the API answers after a restart" 120 api_up
    [ "$(admin_token)" = "$first_token" ] || fail "a restart replaced admin.token"
    pid=$(cat "$DATA/gongji.pid")
    "$HOME_DIR/bin/gongji" stop
fi
kill -0 "$pid" 2>/dev/null && fail "pid $pid still runs after stop"
[ -z "$(leftovers)" ] || fail "processes left running:$(leftovers)"
[ ! -f "$DATA/gongji.pid" ] || fail "pid file left behind"
if "$HOME_DIR/bin/gongji" status >/dev/null; then fail "status says it still runs"; fi
grep -q "region $REGION_CODE" "$LOG" || fail "no region line in the log"
echo "distribution test: passed"
