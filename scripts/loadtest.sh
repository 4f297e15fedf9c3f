#!/usr/bin/env bash
# `make loadtest`: 50 users for 3 minutes (tests/load/locustfile.py) against gunicorn, PostgreSQL and a real Celery
# worker on Redis, all on loopback. Uses its own database (tdkt_load: created, migrated and seeded with seed_demo
# and a small seed_bulk the first time) and prints requests/s, p50/p95/p99, errors, lost submissions and the machine.
#
# LOADTEST_NODES=2 starts two gunicorn nodes (ports LOADTEST_PORT and LOADTEST_PORT+1, each with
# LOADTEST_GUNICORN_WORKERS workers) and locust sends each request to the next node in turn (round robin,
# no sticky sessions); sessions and throttles live in the shared cache (LOADTEST_CACHE_URL, Redis).
#
# Knobs: LOADTEST_DATABASE_URL, LOADTEST_BROKER_URL, LOADTEST_CACHE_URL, LOADTEST_PORT, LOADTEST_USERS,
#        LOADTEST_DURATION, LOADTEST_NODES, LOADTEST_GUNICORN_WORKERS (per node), LOADTEST_SPAWN_RATE; the locustfile reads LOADTEST_WAIT ("2,8" s of think
#        time) and LOADTEST_RELOGIN_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DB_URL=${LOADTEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tdkt_load}
BROKER=${LOADTEST_BROKER_URL:-redis://127.0.0.1:6379/0}
PORT=${LOADTEST_PORT:-8090}
USERS=${LOADTEST_USERS:-50}
DURATION=${LOADTEST_DURATION:-3m}
WORKERS=${LOADTEST_GUNICORN_WORKERS:-4}
NODES=${LOADTEST_NODES:-1}
CACHE=${LOADTEST_CACHE_URL:-$BROKER}
# People sign in over a minute, not all in the same second (each sign-in is ~0.5 s of password hashing).
SPAWN_RATE=${LOADTEST_SPAWN_RATE:-1}
RUN=$(date -u +%Y%m%dT%H%M%SZ)
OUT=var/loadtest/$RUN
mkdir -p "$OUT" var/loadtest/var

export DATABASE_URL=$DB_URL CELERY_BROKER_URL=$BROKER CACHE_URL=$CACHE VAR_DIR=$PWD/var/loadtest/var
export DJANGO_SETTINGS_MODULE=tests.load.settings DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost
export SECRET_KEY="loadtest-$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# --- services and the database ---------------------------------------------------------------------------
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "loadtest: PostgreSQL is not running on 127.0.0.1:5432"; exit 1; }
redis-cli -u "$BROKER" ping >/dev/null 2>&1 || { echo "loadtest: Redis is not reachable at $BROKER"; exit 1; }
DB_NAME=${DB_URL##*/}
psql "${DB_URL%/*}/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1 \
  || psql "${DB_URL%/*}/postgres" -qc "CREATE DATABASE $DB_NAME"
$PY manage.py migrate --noinput >"$OUT/setup.log"
if [ "$($PY manage.py shell -v 0 -c 'from units.models import User; print(User.objects.count())')" = "0" ]; then
  echo "loadtest: seeding $DB_NAME (seed_demo, seed_bulk --awards 100000 --units 500 --persons 20000 --years 10)"
  $PY manage.py seed_demo >>"$OUT/setup.log"
  $PY manage.py seed_bulk --awards 100000 --units 500 --persons 20000 --years 10 >>"$OUT/setup.log"
fi
$PY manage.py collectstatic --noinput >>"$OUT/setup.log"
# 30 officer accounts of 30 units (the demo's illustration officers have no password: give them the demo one here,
# in this load database only).
OFFICERS=$($PY manage.py shell -v 0 -c "from units.models import User
officers = list(User.objects.filter(groups__name='unit_officer', is_active=True, unit__isnull=False).order_by('username')[:30])
for user in officers:
    if not user.has_usable_password():
        user.set_password('thidua2021'); user.save(update_fields=['password'])
print(','.join(user.username for user in officers))")
MARKER="loadtest-$RUN"
before_reports=$($PY manage.py shell -v 0 -c "from awards.models import DashboardReport; print(DashboardReport.objects.count())")

# --- gunicorn and the worker ---------------------------------------------------------------------------------
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
hosts=()
for node in $(seq 1 "$NODES"); do
  node_port=$((PORT + node - 1))
  .venv/bin/gunicorn config.wsgi --preload -w "$WORKERS" -b "127.0.0.1:$node_port" --error-logfile "$OUT/gunicorn-$node.log" \
    --capture-output >/dev/null 2>&1 &
  pids+=($!)
  hosts+=("http://127.0.0.1:$node_port")
done
HOSTS=$(IFS=,; echo "${hosts[*]}")
.venv/bin/celery -A config worker --concurrency=1 --loglevel=INFO -n "loadtest-$RUN@%h" >"$OUT/worker.log" 2>&1 &
pids+=($!)
for host in "${hosts[@]}"; do
  for _ in $(seq 1 60); do curl -fs "$host/healthz" >/dev/null && break; sleep 0.5; done
done
for _ in $(seq 1 60); do grep -q "ready." "$OUT/worker.log" && break; sleep 0.5; done

# --- the run -----------------------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "loadtest: $USERS users for $DURATION against $NODES gunicorn node(s) of $WORKERS workers ($HOSTS), $DB_NAME, broker $BROKER, cache $CACHE"
set +e
hosts_env=$HOSTS; [ "$NODES" = "1" ] && hosts_env=""
LOADTEST_DIR=$OUT LOADTEST_MARKER=$MARKER LOADTEST_OFFICERS=$OFFICERS LOADTEST_HOSTS=$hosts_env \
  .venv/bin/locust -f tests/load/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" --stop-timeout 10 \
  --host "${hosts[0]}" --csv "$OUT/locust" --only-summary >"$OUT/locust.log" 2>&1
set -e
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- what the database says ---------------------------------------------------------------------------------
for _ in $(seq 1 60); do  # the worker finishes the queued PDF reports
  left=$($PY manage.py shell -v 0 -c "from awards.models import DashboardReport as R
print(R.objects.filter(status__in=['pending', 'rendering']).count())")
  [ "$left" = "0" ] && break; sleep 2
done
rows=$($PY manage.py shell -v 0 -c "from awards.models import Dossier; print(Dossier.objects.filter(title__startswith='$MARKER').count())")
reports=$($PY manage.py shell -v 0 -c "from awards.models import DashboardReport as R
from django.db.models import Count
print(dict(R.objects.order_by().filter(pk__gt=$before_reports).values_list('status').annotate(n=Count('pk'))))")
read -r created_ok created_failed <"$OUT/creates.txt"
server_errors=$(cat "$OUT"/gunicorn-*.log | grep -c "Internal Server Error" || true)

echo
$PY - "$OUT/locust_stats.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'request':38} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>7}")
for r in rows:
    print(f"{r['Name'][:38]:38} {r['Request Count']:>7} {r['Failure Count']:>5} {float(r['Requests/s']):7.1f} "
          f"{r['50%']:>6} {r['95%']:>6} {r['99%']:>6} {float(r['Max Response Time']):7.0f}")
# Over time (locust's rolling 10-second window, medians per 30 s): shows the sign-in burst at the start.
history = [r for r in csv.DictReader(open(sys.argv[1].replace("_stats.csv", "_stats_history.csv")))
           if r["Name"] == "Aggregated" and r["50%"] not in ("N/A", "")]
if history:
    import statistics
    start = int(history[0]["Timestamp"])
    print("\nseconds   req/s   p50 (window)   p95 (window)")
    for low in range(0, int(history[-1]["Timestamp"]) - start + 1, 30):
        part = [r for r in history if low <= int(r["Timestamp"]) - start < low + 30]
        if part:
            med = lambda key: statistics.median(float(r[key]) for r in part)  # noqa: E731
            print(f"{low:>3}-{low + 30:<4} {med('Requests/s'):7.1f} {med('50%'):12.0f} {med('95%'):14.0f}")
EOF
echo
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; locust, gunicorn, PostgreSQL, Redis and the worker share it"
echo "load average (1/5/15 min) before the run: $load_before, at its end: $load_after"
echo "gunicorn nodes: $NODES x $WORKERS workers; requests per node: $(tr '\n' ' ' <"$OUT/per_node.txt" 2>/dev/null || echo "all to ${hosts[0]}")"
echo "server errors (5xx logged by gunicorn): $server_errors"
echo "dossiers created: $created_ok answered 302, $rows rows in the database, $created_failed failed; lost: $((created_ok - rows))"
echo "dashboard PDF reports queued to the worker: $reports"
echo "files: $OUT/ (locust_stats.csv, locust_failures.csv, gunicorn-N.log, worker.log)"
if [ "$server_errors" != "0" ] || [ "$rows" != "$created_ok" ]; then exit 1; fi
