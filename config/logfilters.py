"""Logging filters: an expected refusal is one line, not a traceback."""

from __future__ import annotations

import logging

EXPECTED = {400, 403, 404, 405}


class QuietClientErrors(logging.Filter):
    """``django.request`` logs a refused request (403 for a missing right, 404 for an object out of scope) with the
    exception's traceback; those are answers the application means to give. Keep the one line, drop the traceback.
    Server errors (500) keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in EXPECTED:
            record.exc_info = None
            record.exc_text = None
        return True
