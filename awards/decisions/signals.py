"""What a decision announces to the packages above it, which decisions never import.

``took_effect(decision)`` is sent inside the transaction that publishes a decision (and, once decisions are
issued with digital signatures, the one that issues it: call ``announce_effect`` there too; receivers must be
idempotent, so announcing twice commits once). ``revoked(decision)`` is sent inside the transaction that revokes
it. Receivers run in that transaction: if one fails, the publication or revocation is undone with it.

Who listens: the fund (``awards.fund.apps.FundConfig.ready`` connects ``awards.fund.commitments``)."""

from __future__ import annotations

from django.dispatch import Signal

from awards.models import Decision

took_effect = Signal()  # sender=Decision, decision=...
revoked = Signal()  # sender=Decision, decision=...


def announce_effect(decision: Decision) -> None:
    """The decision is now in force (published, or issued once signatures exist): one call for both paths."""
    took_effect.send(sender=Decision, decision=decision)


def announce_revoked(decision: Decision) -> None:
    revoked.send(sender=Decision, decision=decision)
