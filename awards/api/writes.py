"""Writes of client systems go through the pages' own forms and services: a dossier through ``DossierForm``, each
nomination through ``NominationForm`` and ``services.save_nomination``, submitting through the workflow. The same
rules give the same Vietnamese messages; a repeated ``Idempotency-Key`` replays the first answer."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.dossiers import services, workflow
from awards.dossiers.forms import DossierForm, NominationForm
from awards.models import ApiClient, Dossier, IdempotentWrite


class Refused(Exception):
    """The data broke a rule of the forms: ``errors`` as the API answers them (400)."""

    def __init__(self, errors: dict) -> None:
        super().__init__(str(errors))
        self.errors = errors


def form_errors(form) -> dict:
    """A form's errors as the API answers them (``non_field_errors`` for the form as a whole)."""
    return {("non_field_errors" if name == "__all__" else name): [str(m) for m in messages]
            for name, messages in form.errors.items()}


def _nomination_data(form_dossier: Dossier, item: dict, client: ApiClient) -> NominationForm:
    data = {key: value for key, value in item.items() if key != "award_code"}
    data = {key: ("" if value is None else str(value)) for key, value in data.items()}
    data["version"] = str(form_dossier.version)
    form = NominationForm(data, dossier=form_dossier, user=client.user)
    award = form.fields["award_type"].queryset.filter(code=item["award_code"]).first()
    data["award_type"] = str(award.pk) if award else "0"
    return form


@transaction.atomic
def create_dossier(client: ApiClient, payload: dict) -> Dossier:
    """A draft dossier of the client's unit with its nominations; nothing is kept when one row is refused."""
    data = {key: ("" if payload.get(key) is None else str(payload.get(key, "")))
            for key in ("title", "occasion", "year", "authority", "submission_number", "submission_date")}
    form = DossierForm(data, unit=client.unit)
    if not form.is_valid():
        raise Refused(form_errors(form))
    dossier = form.save(commit=False)
    dossier.unit, dossier.created_by = client.unit, client.user
    dossier.save()
    form.save_m2m()
    problems: dict[str, dict] = {}
    for index, item in enumerate(payload.get("nominations", [])):
        nomination_form = _nomination_data(dossier, item, client)
        if not nomination_form.is_valid():
            problems[str(index)] = form_errors(nomination_form)
            continue
        services.save_nomination(dossier, nomination_form)
    if problems:
        transaction.set_rollback(True)
        raise Refused({"nominations": problems})
    return dossier


def submit(dossier: Dossier, client: ApiClient) -> Dossier:
    """The officer's "Gửi hồ sơ": the same move, the same guards (complete, eligible)."""
    return workflow.transition(dossier, "submit", client.user, expected_state=dossier.state)


def request_hash(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def idempotent(client: ApiClient, key: str, payload: object,
               run: Callable[[], tuple[int, dict]]) -> tuple[int, dict]:
    """Run ``run`` once per (client, key); a repeat with the same body gets the first answer, with another body 422."""
    if not key:
        return run()
    key = key[:100]
    digest = request_hash(payload)
    known = IdempotentWrite.objects.filter(client=client, key=key).first()
    if known is not None:
        if known.request_hash != digest:
            return 422, {"detail": _("Idempotency-Key này đã dùng cho một yêu cầu khác.")}
        return known.status, known.body
    status, body = run()
    if status < 500:
        try:
            with transaction.atomic():
                IdempotentWrite.objects.create(client=client, key=key, request_hash=digest, status=status, body=body)
        except IntegrityError:  # the same key raced in: answer what the first one stored
            known = IdempotentWrite.objects.get(client=client, key=key)
            return known.status, known.body
    return status, body
