"""Writing notices: the in-app outbox of every workflow.

``record`` is called by a workflow INSIDE the transaction of the state change it reports (the state machine's
``on_transition`` hook, or the service's own ``transaction.atomic``), so the notice exists if and only if the change
committed. Its e-mail is sent later from the row (``awards.notices.delivery``) by an outbox entry written in the same
transaction; with the broker or the mail server down the row stays pending for the next run. Who hears of what is
the workflow's business: the helpers below name the usual audiences."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from awards.core.outbox import defer
from awards.models import EmailMode, Notice
from units.models import Role, UnitKind, User

MAX_TITLE = 400


def record(kind: str, recipients: Iterable[User | int], title: str, url: str = "", body: str = "") -> int:
    """One notice per distinct active recipient; returns how many were written. Call inside the transaction."""
    ids = sorted({r if isinstance(r, int) else r.pk for r in recipients if r is not None})
    if not ids:
        return 0
    active = list(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    now = timezone.now()
    Notice.objects.bulk_create([
        Notice(recipient_id=pk, kind=kind, title=title[:MAX_TITLE], body=body, url=url, created_at=now)
        for pk in active])
    if active:
        _deliver_on_commit()
    return len(active)


def _deliver_on_commit() -> None:
    """One outbox entry (``awards.core.outbox``, kind ``notice_emails``) in this transaction: after the commit it
    sends the per-event e-mails (digests wait for the day's run). A live entry is reused (its key), so a transaction
    that writes many notices, or many transactions while the queue is down, make one delivery run."""
    defer("notice_emails", {}, key="notice_emails")


# --- the usual audiences -------------------------------------------------------------------------------------

def active_users(role: str) -> QuerySet[User]:
    return User.objects.filter(is_active=True, groups__name=role).distinct()


def unit_officers(*unit_ids: int | None) -> QuerySet[User]:
    """The TĐKT officers of these units (who hear of their unit's dossiers, campaigns and reports)."""
    return active_users(Role.UNIT_OFFICER).filter(unit_id__in=[u for u in unit_ids if u])


def board_staff() -> QuerySet[User]:
    """The Board's staff (incoming dossiers to the province, their time limits)."""
    return active_users(Role.BOARD_STAFF)


def unit_leaders(unit_id: int) -> QuerySet[User]:
    return active_users(Role.LEADERSHIP).filter(unit_id=unit_id)


def unit_mailboxes(units) -> dict[int, list[str]]:
    """Where a unit's own e-mail about an event goes (a dossier returned or decided, a campaign launched): the
    unit's address, and nobody else's. The unit's officers hear of the event personally (a notice, e-mailed as each
    chose: one per event, the day's digest, or none), so one person gets one e-mail per event; the unit's address is
    left out too when it is the address of an officer who gets notices by e-mail. One query for all units."""
    mailboxes = {unit.pk: [unit.email] if unit.email else [] for unit in units}
    personal = (active_users(Role.UNIT_OFFICER).filter(unit_id__in=list(mailboxes)).exclude(email="")
                .values_list("unit_id", "email", "notice_preference__email_mode"))
    for unit_id, email, mode in personal:
        if mode != EmailMode.OFF and email.lower() in (a.lower() for a in mailboxes[unit_id]):
            mailboxes[unit_id] = []
    return mailboxes


def province_leaders() -> QuerySet[User]:
    """Leadership accounts of the province: bound to no unit or to the province itself."""
    return active_users(Role.LEADERSHIP).filter(Q(unit__isnull=True) | Q(unit__kind=UnitKind.PROVINCE))
