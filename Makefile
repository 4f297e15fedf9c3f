# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-unit test-e2e lint setup system-deps migrate seed messages clean-db worker bench loadtest load-imports backup restore

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

system-deps:
	bash scripts/system-deps.sh

migrate: setup
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo ""
	@echo "  Ban Thi đua - Khen thưởng: http://$(HOST):$(PORT)/"
	@echo "  Tài khoản demo (mật khẩu: thidua2021):"
	@echo "    admin     quản trị hệ thống"
	@echo "    bantdkt   cán bộ Ban Thi đua - Khen thưởng"
	@echo "    donvi     cán bộ thi đua Sở Giáo dục và Đào tạo"
	@echo "    hoidong   thành viên Hội đồng Thi đua - Khen thưởng tỉnh"
	@echo "    lanhdao   lãnh đạo"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup system-deps test-unit test-e2e

test-unit: setup
	$(PY) -m pytest -m "not e2e" -q -p no:cacheprovider

test-e2e: setup
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m e2e -q -p no:cacheprovider

lint: setup
	$(PY) -m ruff check .

messages: setup
	$(PY) manage.py makemessages -l en --ignore=.venv/* --ignore=var/*
	$(PY) manage.py compilemessages --ignore=.venv/*

# One worker consuming the four queues (default, documents, mail, imports) with the periodic jobs (beat);
# WORKER_CONCURRENCY processes (default 3: a long certificate batch leaves processes free for notices).
# On several machines run one worker per queue instead (README, "Queues").
WORKER_CONCURRENCY ?= 3
worker: setup
	$(VENV)/bin/celery -A config worker --beat --loglevel=INFO --concurrency=$(WORKER_CONCURRENCY) \
		-Q default,documents,mail,imports

clean-db:
	rm -f var/db.sqlite3 var/db.sqlite3-wal var/db.sqlite3-shm

# Every benchmark against its floor in the same run (ratio first, then the figures with cores and load average), on
# PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tdkt_bench (seeded the first time).
bench: setup
	bash scripts/bench.sh

# 50 users for 3 minutes against gunicorn + PostgreSQL + a Celery worker on Redis (own database tdkt_load);
# LOADTEST_DATABASE_URL, LOADTEST_BROKER_URL, LOADTEST_PORT, LOADTEST_USERS, LOADTEST_DURATION override;
# LOADTEST_NODES=2 runs two gunicorn nodes behind a round robin.
loadtest: setup
	$(PIP) install --quiet -r requirements-load.txt
	bash scripts/loadtest.sh

# 20 officers upload 20 lists of 5,000 rows at once; gunicorn + a Celery worker + PostgreSQL (own database
# tdkt_importload); checks that every list is saved whole. LOAD_LISTS, LOAD_ROWS, LOAD_PORT... override.
load-imports: setup
	bash scripts/load_imports.sh

# The database (pg_dump custom format, or SQLite's online backup) and the media files in one archive with a
# checksum manifest under var/backups/; `make restore ARCHIVE=var/backups/tdkt-backup-....tar.gz` checks every
# checksum first and restores only into an empty database. With BACKUP_PASSPHRASE (or BACKUP_PASSPHRASE_FILE, a
# file holding it) the archive is encrypted with GnuPG (….tar.gz.gpg); `make restore` decrypts it with the same
# variable, or asks for the passphrase on the terminal.
backup: setup
	$(PY) manage.py backup

restore: setup
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=var/backups/tdkt-backup-<time>.tar.gz[.gpg]"; exit 2; }
	$(PY) manage.py restore "$(ARCHIVE)"
