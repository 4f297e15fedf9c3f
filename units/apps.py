import logging

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("config")


def _register_sqlite_text_functions(sender, connection, **kwargs) -> None:
    """Give SQLite the ``UNACCENT`` function and ``vi-x-icu`` collation PostgreSQL has."""
    if connection.vendor != "sqlite":
        return
    from units.text import COLLATION, fold, vietnamese_compare

    raw = connection.connection
    raw.create_function("UNACCENT", 1, fold, deterministic=True)
    raw.create_collation(COLLATION, vietnamese_compare)


class UnitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "units"
    verbose_name = _("Đơn vị, cụm khối và người dùng")

    def ready(self) -> None:
        from django.conf import settings

        from units.roles import sync_role_groups
        from units.security import second_factor  # noqa: F401  (connects its user_logged_in receiver)

        connection_created.connect(_register_sqlite_text_functions, dispatch_uid="units-sqlite-text")
        post_migrate.connect(sync_role_groups, dispatch_uid="units-sync-roles")
        if settings.CELERY_BROKER_URL is None:
            from config.celery import app as celery_app

            celery_app.conf.broker_url = "memory://"  # tasks run eagerly; nothing ever reaches a broker
            logger.info("Celery: CELERY_BROKER_URL is not set; background tasks run in-process.")
