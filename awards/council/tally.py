"""The share of the council's members who voted yes: one rule for the tally and the minutes."""

from __future__ import annotations

from decimal import Decimal


def share(yes: int, members: int) -> Decimal:
    """Yes votes as a percentage of the session's members, to two decimals (0 for a session without members)."""
    return (Decimal(yes * 100) / members).quantize(Decimal("0.01")) if members else Decimal("0")
