"""Settings for `make loadtest` only: production settings (DEBUG=0) served over plain HTTP on loopback, so the
secure-cookie and HTTPS-redirect settings are relaxed; everything else is as deployed."""

from config.settings import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
