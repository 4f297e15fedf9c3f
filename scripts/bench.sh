#!/usr/bin/env bash
# `make bench`: every benchmark against its floor in the same run, on PostgreSQL (its own database, tdkt_bench:
# created, migrated and filled with seed_demo and seed_bulk's million awards the first time).
#   bench_pages        inbox / dashboard / drill-down vs the login page (gunicorn + wrk, sequential, in-process)
#   bench_dashboard    dashboard p50/p95 and drill-down at a million awards vs the login page (in-process)
#   bench_decision     decision PDF (500 and 2,000 recipients) vs LibreOffice converting the same decision as .docx
#   bench_eligibility  10,000 persons x 20 years vs the same facts read by one SQL query
#   bench_unit_round   a unit's round of 2,000 rows vs openpyxl reading the same file
#   bench_search       /search/ over 200,000 persons (p50/p95; its own persons, rolled back)
#   bench_api          /api/v1/awards/?year= and /api/v1/dashboard/ at a million awards (keys rolled back)
#   bench_fund         the fund's year report with 1,000,000 bonus lines over 20 years (rolled back)
# Knobs: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/tdkt_bench).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tdkt_bench}
bash scripts/system-deps.sh
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "bench: PostgreSQL is not running on 127.0.0.1:5432"; exit 1; }
DB_NAME=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $DB_NAME"
$PY manage.py migrate --noinput -v 0
if [ "$($PY manage.py shell -v 0 -c 'from units.models import User; print(User.objects.count())')" = "0" ]; then
  echo "bench: seeding $DB_NAME (seed_demo, then seed_bulk: a million awards, about a minute)"
  $PY manage.py seed_demo >/dev/null
  $PY manage.py seed_bulk >/dev/null
fi
$PY manage.py bench_pages --dossiers 1000
$PY manage.py bench_dashboard
$PY manage.py bench_decision
$PY manage.py bench_eligibility --persons 10000
$PY manage.py bench_unit_round --rows 2000
$PY manage.py bench_import --rows 5000
$PY manage.py bench_signing --size 500
$PY manage.py bench_search --persons 200000
$PY manage.py bench_api --requests 20
$PY manage.py bench_fund --requests 20
