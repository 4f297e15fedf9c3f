#!/usr/bin/env bash
# `make load-imports`: 20 unit officers upload 20 nominee lists of 5,000 rows at once to gunicorn, the imports run
# in a real Celery worker on Redis, PostgreSQL holds everything (issue 15). Prints the seconds and checks that every
# list was saved whole: none lost, none half-imported. Own database tdkt_importload (migrated and seeded with
# seed_demo the first time). Knobs: LOAD_DATABASE_URL, LOAD_BROKER_URL, LOAD_PORT, LOAD_LISTS, LOAD_ROWS,
# LOAD_GUNICORN_WORKERS, LOAD_WORKER_CONCURRENCY.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DB_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tdkt_importload}
BROKER=${LOAD_BROKER_URL:-redis://127.0.0.1:6379/3}
PORT=${LOAD_PORT:-8091}
RUN=$(date -u +%Y%m%dT%H%M%SZ)
OUT=var/load-imports/$RUN
mkdir -p "$OUT" var/load-imports/var

export DATABASE_URL=$DB_URL CELERY_BROKER_URL=$BROKER VAR_DIR=$PWD/var/load-imports/var
export DJANGO_SETTINGS_MODULE=tests.load.settings DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost
export SECRET_KEY="load-$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')"

pg_isready -q -h 127.0.0.1 -p 5432 || { echo "load-imports: PostgreSQL is not running on 127.0.0.1:5432"; exit 1; }
redis-cli -u "$BROKER" ping >/dev/null 2>&1 || { echo "load-imports: Redis is not reachable at $BROKER"; exit 1; }
DB_NAME=${DB_URL##*/}
psql "${DB_URL%/*}/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1 \
  || psql "${DB_URL%/*}/postgres" -qc "CREATE DATABASE $DB_NAME"
$PY manage.py migrate --noinput >"$OUT/setup.log"
if [ "$($PY manage.py shell -v 0 -c 'from units.models import User; print(User.objects.count())')" = "0" ]; then
  $PY manage.py seed_demo >>"$OUT/setup.log"
fi
$PY manage.py collectstatic --noinput >>"$OUT/setup.log"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
.venv/bin/gunicorn config.wsgi -w "${LOAD_GUNICORN_WORKERS:-2}" -b "127.0.0.1:$PORT" --timeout 120 \
  --error-logfile "$OUT/gunicorn.log" --capture-output >/dev/null 2>&1 &
pids+=($!)
.venv/bin/celery -A config worker --concurrency="${LOAD_WORKER_CONCURRENCY:-2}" --loglevel=INFO -n "load-$RUN@%h" \
  >"$OUT/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
for _ in $(seq 1 60); do grep -q "ready." "$OUT/worker.log" && break; sleep 0.5; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; gunicorn, the worker, PostgreSQL and Redis share it"
$PY manage.py load_imports --url "http://127.0.0.1:$PORT" --lists "${LOAD_LISTS:-20}" --rows "${LOAD_ROWS:-5000}"
echo "server errors (5xx logged by gunicorn): $(grep -c 'Internal Server Error' "$OUT/gunicorn.log" || true)"
