"""Schemathesis fuzzes every operation of ``/api/schema/`` with a read-and-write key of unit A, over real objects of
two units: no server error, every answer's status code, content type and body as the schema documents them.
A bounded number of examples per operation keeps the run under two minutes."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_schema_lists_every_operation():
    operations = sorted(f"{op.method.upper()} {op.path}" for op in (r.ok() for r in schema.get_all_operations()))
    assert operations == [
        "GET /api/v1/awards/", "GET /api/v1/dashboard/", "GET /api/v1/decisions/", "GET /api/v1/decisions/{id}/pdf/",
        "GET /api/v1/dossiers/", "GET /api/v1/dossiers/{reference}/",
        "GET /api/v1/dossiers/{reference}/attachments/{id}/", "GET /api/v1/exports/cbccvc/", "GET /api/v1/persons/",
        "GET /api/v1/units/", "POST /api/v1/central-decisions/", "POST /api/v1/dossiers/",
        "POST /api/v1/dossiers/{reference}/attachments/", "POST /api/v1/dossiers/{reference}/submit/",
    ]


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case, keys, world):
    # The WSGI app closes the database connection at the end of each request (request_finished): inside the test's
    # transaction it must not (on PostgreSQL the next query would find it closed), as Django's own test client does.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = case.call(headers={"Authorization": f"Bearer {keys['write_a']}"})
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    case.validate_response(response, checks=CHECKS)
