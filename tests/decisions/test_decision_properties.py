"""Property test (hypothesis) of decisions: any sequence of drafting, cancelling, publishing and revoking, by
staff or not, keeps three invariants of the award record.

1. A nomination is in at most one published decision, and has at most one Award row.
2. History only grows: no Award row, decision number or transition disappears or changes its recipient, year or
   decision; a revoked award stays, marked.
3. The dashboard's counts equal the standing Award rows (on PostgreSQL this reads the trigger-maintained summary
   table, so the triggers are checked too)."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction
from django.db.models import Count
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from awards.decisions import services as decisions
from awards.enums import DossierState
from awards.models import Award, Decision, DecisionLine, DecisionState, DossierTransition, Signer
from awards.reports import selectors
from tests.factories import PersonFactory, issue_decision, make_dossier, with_board_submission

pytestmark = pytest.mark.django_db
YEAR = 2020
NOMINEES = 4
DAY = datetime.date(2021, 2, 6)


class Rollback(Exception):
    """Raised at the end of one example so everything it wrote is rolled back."""


draft = st.tuples(st.just("draft"), st.sampled_from(["staff", "officer_a"]),
                  st.sets(st.integers(0, NOMINEES - 1), min_size=1, max_size=NOMINEES))
on_decision = st.tuples(st.sampled_from(["publish", "cancel", "revoke"]), st.sampled_from(["staff", "staff",
                                                                                               "officer_a"]),
                        st.integers(0, 5))
steps = st.lists(st.one_of(draft, on_decision, on_decision), min_size=1, max_size=14)


def snapshot() -> dict:
    return {
        "award_rows": set(Award.objects.values_list("pk", "nomination_id", "year", "decision_id", "person_id")),
        "revoked": set(Award.objects.filter(revoked=True).values_list("pk", flat=True)),
        "numbers": set(Decision.objects.values_list("pk", "authority", "year", "number")),
        "transitions": set(DossierTransition.objects.values_list("pk", flat=True)),
    }


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=steps)
def test_decisions_keep_the_record_invariants(actions, unit_a, officer_a, staff):
    people = {"staff": staff, "officer_a": officer_a}
    try:
        with transaction.atomic():
            signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh",
                                           capacity="chu_tich", valid_from=datetime.date(2020, 1, 1))
            nominations = []
            for n in range(NOMINEES):
                person = PersonFactory(full_name=f"Người thứ {n + 1}", unit=unit_a)
                dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                                       year=YEAR, recipient=person)
                nominations.append(dossier.nominations.get())
            created: list[Decision] = []
            before = snapshot()
            for action, persona, target in actions:
                actor = people[persona]
                try:
                    with transaction.atomic():
                        if action == "draft":
                            chosen = [nominations[i] for i in sorted(target)]
                            created.append(decisions.draft_decision(chosen, actor, DAY, signer, "thành tích xuất sắc"))
                        elif created:
                            decision = Decision.objects.get(pk=created[target % len(created)].pk)
                            if action == "publish":
                                issue_decision(with_board_submission(decision), actor)
                            elif action == "cancel":
                                decisions.cancel_draft(decision, "nhập nhầm", actor)
                            else:
                                decisions.revoke(decision, "phát hiện sai phạm", actor)
                    event(f"{action} accepted")
                except decisions.DecisionError:
                    event(f"{action} refused")
                after = snapshot()

                # 1. at most one published decision and one award per nomination
                published = (DecisionLine.objects.filter(decision__state=DecisionState.PUBLISHED)
                             .values("nomination_id").annotate(n=Count("*")).filter(n__gt=1))
                assert not published.exists(), list(published)
                twice = Award.objects.values("nomination_id").annotate(n=Count("*")).filter(n__gt=1)
                assert not twice.exists(), list(twice)

                # 2. history only grows
                assert before["award_rows"] <= after["award_rows"]
                assert before["revoked"] <= after["revoked"]
                assert before["numbers"] <= after["numbers"]
                assert before["transitions"] <= after["transitions"]
                before = after

                # 3. the dashboard counts exactly the standing awards, per kind and in total
                standing = Award.objects.filter(year=YEAR, revoked=False)
                counts = dict(selectors.standing_counts(["recipient_kind"], YEAR - 1, YEAR))
                assert counts == dict(standing.values_list("recipient_kind").annotate(n=Count("*")).order_by())
                assert sum(n for _kind, n in selectors.by_kind(YEAR)) == standing.count()
            event(f"{Award.objects.count()} awards at the end")
            raise Rollback
    except Rollback:
        pass
