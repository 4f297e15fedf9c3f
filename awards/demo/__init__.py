"""Demo data for Lạng Sơn province, loaded only by ``python manage.py seed_demo`` (never by a migration).

Every row is upserted by its natural key, so running the loader again changes nothing. The figures, names
and themes come from the two articles in ``/work/shared/seeds``; what had to be assumed is said in the
docstring of each module.
"""

from __future__ import annotations

from django.db import transaction

from awards.demo.accounts import seed_accounts
from awards.demo.board import seed_board_department
from awards.demo.bodies import seed_bodies
from awards.demo.campaigns import seed_campaigns
from awards.demo.cast import UNITS as CAST_UNITS
from awards.demo.clusters import seed_clusters
from awards.demo.decisions import seed_decisions
from awards.demo.facts import seed_facts
from awards.demo.fund import seed_fund
from awards.demo.history import seed_history
from awards.demo.people import seed_people
from awards.demo.unit_rounds import seed_unit_rounds
from awards.demo.units import UNITS, seed_unit_aliases, seed_units


@transaction.atomic
def seed_demo() -> dict[str, int]:
    """Load or refresh the demo data; return the number of demo rows per model (``app_label.Model``)."""
    counts: dict[str, int] = {}
    for step in (seed_units, seed_bodies, seed_clusters, seed_people, seed_campaigns, seed_accounts):
        counts.update(step())
    # The Sở Nội vụ's body and signers (its tờ trình to the Chủ tịch); its signers add to those of the decisions.
    board_counts = seed_board_department()
    # The award records of the articles; its extra units, persons, users... add to the counts above.
    for model_label, count in [*seed_decisions().items(), *board_counts.items()]:
        counts[model_label] = counts.get(model_label, 0) + count
    # Yearly facts for the eligibility checks (awards.record.eligibility): adds persons and past awards.
    for model_label, count in seed_facts().items():
        counts[model_label] = counts.get(model_label, 0) + count
    # Awards from before the product (history pages), for persons and units seeded above.
    for model_label, count in seed_history().items():
        counts[model_label] = counts.get(model_label, 0) + count
    # Other names of the units above, as nominee lists write them (units.names).
    counts.update(seed_unit_aliases([*UNITS, *CAST_UNITS]))
    # The 2019 and 2020 rounds of the Sở GD&ĐT and two communes, decided through the product (issue 13): the
    # dashboard shows them as "Khen thưởng cấp cơ sở"; the province's figures of the articles stay as they are.
    for model_label, count in seed_unit_rounds().items():
        counts[model_label] = counts.get(model_label, 0) + count
    # The province's fund of 2019 and 2020 (issue 20): allocations and payments beside the decisions' commitments.
    counts.update(seed_fund())
    return counts
