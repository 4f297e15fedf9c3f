"""The outbox's Celery tasks, defined in ``awards.core.outbox`` and named here for Celery's autodiscovery."""

from awards.core.outbox import reap_outbox, run_deferred

__all__ = ["reap_outbox", "run_deferred"]
