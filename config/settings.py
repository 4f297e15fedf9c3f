"""Settings for the Thi đua - Khen thưởng application, read from the environment.

Embedded defaults let a fresh clone run with no server: a SQLite file under ``var/`` and Celery tasks
executed in-process. ``DATABASE_URL`` switches to PostgreSQL and ``CELERY_BROKER_URL`` to real workers.
"""

from __future__ import annotations

from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

from config.env import broker_from_env, database_from_env, env_bool, env_int, env_list, env_str, s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY

if DEBUG:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
else:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", []) if env_str("CSRF_TRUSTED_ORIGINS") else []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "units",
    "awards",
    "awards.fund.apps.FundConfig",
    "campaigns",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.errors.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "units.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "units.security.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.errors.VietnameseNotFoundMiddleware",
    "csp.middleware.CSPMiddleware",
    "units.security.headers.NoStoreMiddleware",
    # Last: turns a lockout found during authentication into the 429 answer (units.security.throttle).
    "axes.middleware.AxesMiddleware",
]
DEBUG_TECHNICAL_404 = env_bool("DEBUG_TECHNICAL_404", False)
# Under DEBUG (make run) a server error shows templates/500.html too, the traceback going to the console only;
# DEBUG_TECHNICAL_500=1 brings back Django's traceback page (config/errors.py).
DEBUG_TECHNICAL_500 = env_bool("DEBUG_TECHNICAL_500", False)
DEFAULT_EXCEPTION_REPORTER = "config.errors.VietnameseExceptionReporter"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "units.context_processors.navigation",
                "awards.notices.context.bell",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": database_from_env("DATABASE_URL", str(VAR_DIR / "db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Text: Vietnamese first, English through Django's i18n.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # years stay 2020; amounts are grouped explicitly (intcomma, num)
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request when it is missing
MEDIA_ROOT = VAR_DIR / "media"  # uploaded files: never under static/, served only through views
# Uploaded and rendered files: the local disk (MEDIA_ROOT) by default; an S3-compatible bucket (AWS S3, MinIO,
# Ceph, ...) through django-storages when AWS_STORAGE_BUCKET_NAME is set, so that web and worker nodes on several
# machines share them. The bucket stays private: files are streamed through the permission-checked views, never
# handed out as bucket URLs (private ACL, no query-string signatures, no custom domain).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _DEFAULT_STORAGE = s3_storage(AWS_STORAGE_BUCKET_NAME, env_str("AWS_S3_ENDPOINT_URL"), env_str("AWS_ACCESS_KEY_ID"),
                                  env_str("AWS_SECRET_ACCESS_KEY"), env_str("AWS_S3_REGION_NAME"),
                                  env_str("AWS_LOCATION", "") or "")
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Backup archives (``make backup``): a bucket of their own when BACKUP_BUCKET_NAME is set (same endpoint and keys as
# the files' bucket; a bucket apart, so losing one does not lose both), otherwise the folder var/backups/.
BACKUP_BUCKET_NAME = env_str("BACKUP_BUCKET_NAME")
_BACKUP_STORAGE = (
    s3_storage(BACKUP_BUCKET_NAME, env_str("AWS_S3_ENDPOINT_URL"), env_str("AWS_ACCESS_KEY_ID"),
               env_str("AWS_SECRET_ACCESS_KEY"), env_str("AWS_S3_REGION_NAME"))
    if BACKUP_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(VAR_DIR / "backups")}}
)
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "backups": _BACKUP_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The address people open the site at, for links in e-mails ("https://tdkt.langson.gov.vn").
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Ban Thi đua - Khen thưởng <tdkt@localhost>")

# Background work. No broker: tasks run in-process (said once in the log at start-up).
CELERY_BROKER_URL = broker_from_env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "reset-stuck-renders": {"task": "awards.documents.tasks.reset_stuck_renders", "schedule": 300.0},
    "reap-outbox": {"task": "awards.core.outbox.reap_outbox", "schedule": 60.0},
    # The notice outbox: per-event e-mails left pending (broker or mail server down), the daily digest, reminders
    # (each once per threshold: awards.notices.reminders; running them hourly repeats nothing).
    "deliver-notices": {"task": "awards.notices.delivery.deliver_notices", "schedule": 300.0},
    "notice-digests": {"task": "awards.notices.tasks.send_digests", "schedule": crontab(hour=16, minute=30)},
    "reminders": {"task": "awards.notices.tasks.send_reminders", "schedule": crontab(minute=5)},
}
# The outbox (awards.core.outbox): each kind of deferred work and its handler (called with the payload as keyword
# arguments; safe to run twice). A pending entry is handed to the queue again after OUTBOX_REQUEUE_SECONDS, one
# left running (a killed worker) after OUTBOX_STUCK_SECONDS.
OUTBOX_HANDLERS = {
    "decision_document": "awards.documents.tasks.render_deferred",
    "council_minutes": "awards.council.tasks.render_council_minutes",
    "dashboard_report": "awards.reports.tasks.render_dashboard_report",
    "campaign_launch_emails": "campaigns.notifications.campaign_launched",
    "dossier_email": "awards.dossiers.notifications.dossier_moved",
    "import_nominee_list": "awards.dossiers.importing.jobs.run_job",
    "notice_emails": "awards.notices.delivery.deliver",  # the per-event e-mails of the notices just written
}
# Queues by kind of work, so that a 2,000-certificate batch does not hold back a notice: "documents" (PDF renders:
# decisions, certificate batches, council minutes, dashboard reports), "mail" (notices, e-mail), "imports" (nominee
# lists), "default" (the periodic housekeeping). A worker started without -Q consumes all four (``make worker``);
# on several machines run one worker per queue (``celery -A config worker -Q documents``, see README).
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES = [Queue(name) for name in ("default", "documents", "mail", "imports")]
CELERY_TASK_ROUTES = {
    "awards.documents.tasks.reset_stuck_renders": {"queue": "default"},
    "awards.documents.tasks.*": {"queue": "documents"},
    "awards.council.tasks.*": {"queue": "documents"},
    "awards.reports.tasks.*": {"queue": "documents"},
    "campaigns.tasks.*": {"queue": "mail"},
    "awards.notices.*": {"queue": "mail"},
}
# The queue of each outbox kind (its entries all go through awards.core.outbox.run_deferred); a kind not listed
# goes to the default queue.
OUTBOX_QUEUES = {
    "decision_document": "documents",
    "council_minutes": "documents",
    "dashboard_report": "documents",
    "campaign_launch_emails": "mail",
    "dossier_email": "mail",
    "notice_emails": "mail",
    "import_nominee_list": "imports",
}
OUTBOX_REQUEUE_SECONDS = env_int("OUTBOX_REQUEUE_SECONDS", 120)
OUTBOX_STUCK_SECONDS = env_int("OUTBOX_STUCK_SECONDS", 3600)
# A web request must not hang for 20 s when Redis is down: fail fast and tell the user.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Late acknowledgement: a message taken by a worker that dies unacknowledged goes back to the queue after
    # this many seconds (longer than any task; a redelivery of a live render is harmless, see
    # awards.documents.rendering.render).
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
}
# Test hook, 0 in production: seconds a claimed render waits before rendering (lets a test kill a worker mid-render).
RENDER_HOLD_SECONDS = env_int("RENDER_HOLD_SECONDS", 0)

# Production hardening: on whenever DEBUG is off; `manage.py check --deploy` is clean with these.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The cache every process and node shares: Redis when CACHE_URL is set, otherwise a table of the application's
# database (config.cache, created by a migration), never a process's own memory. It holds the failed-login and
# password-reset counters (units.security), the API's and /verify/'s rate limits, and with Redis the sessions
# (cached_db: read from Redis, written through to the database, so a Redis restart logs nobody out, and a Redis
# outage leaves logins working: the counters then count nothing, said in the log).
_CACHE_URL = env_str("CACHE_URL")
if _CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}}
    SESSION_ENGINE = "config.sessions"  # cached_db that also survives a Redis outage at login and logout
else:
    CACHES = {"default": {"BACKEND": "config.cache.SharedDatabaseCache", "LOCATION": "tdkt_cache",
                          "OPTIONS": {"MAX_ENTRIES": 100_000}}}
    SESSION_ENGINE = "config.sessions_db"  # Django's database store reading the session in one plain statement

# Login throttling (django-axes with a cache handler: the counters live in the shared cache above). An account is
# locked after LOGIN_MAX_FAILURES failures from any addresses, an address after LOGIN_MAX_FAILURES_PER_ADDRESS
# failures over any accounts, for LOGIN_LOCKOUT_SECONDS; staff lift a lock at /accounts/login-locks/, the owner by
# resetting the password. See units.security.throttle.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("LOGIN_MAX_FAILURES_PER_ADDRESS", 10)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
# The addresses of our own reverse proxies: only a request coming from one of them may name the client in
# X-Forwarded-For (read right to left, skipping these). Empty: the peer address is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
# The password check is Django's; the user of each request is read with his roles and unit in one query.
# Figures read with the user of each request in the same query (units.security.backend): the bell's unread count.
USER_FIGURES = {"unread_notice_count": "awards.notices.context.unread_sql"}
AUTHENTICATION_BACKENDS = ["units.security.throttle.ThrottleBackend", "units.security.backend.SessionUserBackend"]
AXES_HANDLER = "units.security.throttle.ThrottleHandler"
AXES_FAILURE_LIMIT = "units.security.throttle.failure_limit"  # LOGIN_MAX_FAILURES, read at each attempt
AXES_COOLOFF_TIME = "units.security.throttle.cool_off"  # LOGIN_LOCKOUT_SECONDS
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "units.security.throttle.username_of"
AXES_CLIENT_IP_CALLABLE = "units.security.client.client_address"
AXES_LOCKOUT_CALLABLE = "units.security.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = False  # the handler forgets the account's own failures only (not the address's)
AXES_CACHE = "default"
AXES_ENABLE_ADMIN = False  # axes' attempt tables stay empty: locks are lifted at /accounts/login-locks/
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not kept by axes
AXES_VERBOSE = False

# Password reset links (Django's token): valid for this many seconds. Requests for a link are counted in the shared
# cache per e-mail address typed and per client address, over PASSWORD_RESET_WINDOW_SECONDS.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 24 * 3600)
PASSWORD_RESET_MAX_PER_EMAIL = env_int("PASSWORD_RESET_MAX_PER_EMAIL", 3)
PASSWORD_RESET_MAX_PER_ADDRESS = env_int("PASSWORD_RESET_MAX_PER_ADDRESS", 10)
PASSWORD_RESET_WINDOW_SECONDS = env_int("PASSWORD_RESET_WINDOW_SECONDS", 3600)

# Second factor (TOTP, django-otp): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = "TĐKT " + (env_str("PROVINCE_NAME", "Lạng Sơn") or "")

# Content-Security-Policy (django-csp): no inline script anywhere; inline style attributes only (templates and
# crispy-forms widgets still carry a few style="..." attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Public opinions on proposed awards: at most this many per address per hour (counted in the shared cache).
CONSULTATION_OPINIONS_PER_HOUR = env_int("CONSULTATION_OPINIONS_PER_HOUR", 5)

# The integration API (/api/v1/, schema at /api/schema/): client systems send "Authorization: Bearer <key>".
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["awards.api.auth.ClientKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["awards.api.auth.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["awards.api.auth.ClientThrottle"],
    "DEFAULT_THROTTLE_RATES": {"client": env_str("API_RATE", "600/min")},
    "DEFAULT_PAGINATION_CLASS": "awards.api.serializers.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "awards.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Thi đua, Khen thưởng",
    "DESCRIPTION": "Dữ liệu khen thưởng cho các hệ thống của tỉnh (LGSP, CSDL cán bộ, công chức, viên chức).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["awards.api.schema.only_v1"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "awards.api.schema.add_errors"],
    "ENUM_NAME_OVERRIDES": {"GenderEnum": "units.models.Gender", "AuthorityEnum": "awards.enums.Authority",
                            "UnitKindEnum": "units.models.UnitKind",
                            "AttachmentKindEnum": "awards.enums.AttachmentKind"},
}
# The province's LGSP (data sharing platform): where awards are pushed and central decisions pulled from.
LGSP_URL = env_str("LGSP_URL", "")
LGSP_TOKEN = env_str("LGSP_TOKEN", "")
LGSP_TIMEOUT = env_int("LGSP_TIMEOUT", 10)

# Domain settings (configurable defaults).
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
PROVINCE_NAME = env_str("PROVINCE_NAME", "Lạng Sơn")
# Administrative units named after a person or an event keep the capital of their common noun inside a phrase
# ("Xã Hoàng Văn Thụ", "Phường Điện Biên Phủ"; others read "huyện Cao Lộc"): NĐ 30/2020/NĐ-CP Phụ lục II. The
# name alone does not tell, so the province lists them ("|"-separated; units.names.as_place).
PLACE_NAMES_KEEPING_CAPITAL = [n for n in env_str(
    "PLACE_NAMES_KEEPING_CAPITAL", "Hoàng Văn Thụ|Đề Thám|Hoa Thám|Hoàng Hoa Thám|Điện Biên Phủ|Trần Phú|Lê Lợi|"
    "Quang Trung").split("|") if n]

# Digital signatures (awards.signing). SIGNING_DIR holds the demo CA and the demo's key files (seed_demo); the
# trust roots are PEM/DER files separated by ":" (the demo CA by default; the Ban Cơ yếu's roots in production).
SIGNING_DIR = Path(env_str("SIGNING_DIR", str(VAR_DIR / "signing")))
SIGNING_TRUST_ROOTS = [p for p in env_str("SIGNING_TRUST_ROOTS", str(SIGNING_DIR / "demo-ca.pem")).split(":") if p]
SIGNING_DEMO_PASSWORD = env_str("SIGNING_DEMO_PASSWORD", "demo")
SIGNING_TSA_URL = env_str("SIGNING_TSA_URL", "")  # RFC 3161 time-stamp authority: PAdES B-T when set
SIGNING_REMOTE_URL = env_str("SIGNING_REMOTE_URL", "")  # remote signing service (ký số từ xa)
SIGNING_PLUGIN_URL = env_str("SIGNING_PLUGIN_URL", "http://127.0.0.1:8987/")  # the local signing plugin
SIGNING_PKCS11_LIB = env_str("SIGNING_PKCS11_LIB", "/usr/lib/softhsm/libsofthsm2.so")
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")  # printed in certificates' QR
VERIFY_MAX_REQUESTS = env_int("VERIFY_MAX_REQUESTS", 30)  # public /verify/ requests per address per window
VERIFY_WINDOW_SECONDS = env_int("VERIFY_WINDOW_SECONDS", 10 * 60)

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"quiet_client_errors": {"()": "config.logfilters.QuietClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "filters": ["quiet_client_errors"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},  # a lock is a warning
        # WeasyPrint narrates every step of every PDF at INFO (seven lines a document): only its warnings.
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
