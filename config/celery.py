"""The Celery application, wired the standard way (``celery -A config worker``)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each installed app's tasks.py, and the tasks of the awards app's packages.
app.autodiscover_tasks()
app.autodiscover_tasks(["awards.core", "awards.council", "awards.documents", "awards.notices", "awards.reports"])
