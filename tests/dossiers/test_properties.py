"""Property tests (hypothesis).

The Excel importer: for any mix of valid, invalid and blank rows, either every row is imported or nothing is, and
the rows reported are exactly the invalid ones, by their Excel row number.

The workflow: any sequence of attempted moves by any persona only ever follows a row of ``workflow.MOVES``, a
refused attempt changes nothing, history only grows, and the append-only transition log replays to the state."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from awards.dossiers import services, workflow
from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.enums import DossierState, Verdict
from awards.models import Dossier, DossierTransition, Nomination
from tests.factories import make_dossier
from units.models import Household, Person

pytestmark = pytest.mark.django_db
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                             HealthCheck.too_slow])
AWARD = "Bằng khen của UBND tỉnh"
DIRECT_WORKER = "Người trực tiếp công tác, lao động, học tập, chiến đấu"
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


class Rollback(Exception):
    """Raised at the end of one example so everything it wrote is rolled back."""


# --- the Excel importer ---------------------------------------------------------------------------------------

names = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=20).map(str.strip).filter(bool)


def valid_row(kind: str, name: str, n: int) -> list:
    if kind == "collective":
        return [n, f"Tổ {name} {n}", None, None, None, None, AWARD, "Tập thể", "Hoàn thành xuất sắc nhiệm vụ"]
    if kind == "household":
        return [n, f"Gia đình ông {name} {n}", None, None, None, None, AWARD, "Hộ gia đình", None]
    return [n, f"Nguyễn {name} {n}", "Nữ", f"{1 + n % 28:02d}/03/1980", "Giáo viên", None, AWARD, DIRECT_WORKER,
            None]


# Each fault breaks one row in one known way (and only that row).
FAULTS = {
    "no name": lambda row: [*row[:1], None, *row[2:]],
    "bad gender": lambda row: [*row[:2], "Không rõ", *row[3:]],
    "bad date": lambda row: [*row[:3], "31/02/1980", *row[4:]],
    "unknown award": lambda row: [*row[:6], "Huy chương Sao Hỏa", *row[7:]],
    "unknown category": lambda row: [*row[:7], "Loại gì đó", *row[8:]],
    "unknown unit": lambda row: [*row[:5], "Đơn vị không hề có", *row[6:]],
}
valid_spec = st.tuples(st.just("valid"), st.sampled_from(["collective", "individual", "household"]), names)
invalid_spec = st.tuples(st.just("invalid"), st.sampled_from(sorted(FAULTS)), names)
blank_spec = st.just(("blank", "", ""))
row_specs = st.one_of(  # half the files are clean (valid and blank rows), half mix in invalid rows
    st.lists(st.one_of(valid_spec, valid_spec, blank_spec), min_size=1, max_size=12),
    st.lists(st.one_of(valid_spec, invalid_spec, blank_spec), min_size=1, max_size=12),
)


def workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.append(TEMPLATE_COLUMNS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def counts() -> tuple[int, int, int]:
    return Nomination.objects.count(), Person.objects.count(), Household.objects.count()


@PROPERTY
@given(specs=row_specs)
def test_import_is_all_or_nothing_and_reports_every_invalid_row(specs, unit_a, officer_a):
    try:
        with transaction.atomic():
            dossier = Dossier.objects.create(unit=unit_a, title="Đề nghị khen thưởng năm 2020", occasion="cong_trang",
                                             year=2020, authority="chu_tich_ubnd_tinh", created_by=officer_a)
            rows, invalid_rows, valid = [], set(), 0
            for n, (what, detail, name) in enumerate(specs, start=1):
                excel_row = n + 2  # a title row, then the header
                if what == "blank":
                    rows.append([None] * len(TEMPLATE_COLUMNS))
                elif what == "valid":
                    rows.append(valid_row(detail, name, n))
                    valid += 1
                else:
                    rows.append(FAULTS[detail](valid_row("individual", name, n)))
                    invalid_rows.add(excel_row)
            before = counts()
            upload = SimpleUploadedFile("danh-sach.xlsx", workbook(rows))
            report = import_nominees(dossier, upload, officer_a)

            if valid == 0 and not invalid_rows:
                assert [e.text for e in report.errors] == ["Bảng tính không có dòng dữ liệu nào."]
                assert counts() == before
            elif invalid_rows:
                assert {e.row for e in report.errors} == invalid_rows, report.error_texts
                assert report.created == 0
                assert counts() == before
                event("refused")
            else:
                assert report.errors == [], report.error_texts
                assert report.created == valid
                assert dossier.nominations.count() == valid
                assert sorted(dossier.nominations.values_list("position", flat=True)) == list(range(1, valid + 1))
                event("imported")
            raise Rollback
    except Rollback:
        pass


# --- the workflow -------------------------------------------------------------------------------------------------

PERSONAS = ["officer_a", "officer_b", "staff", "council_member", "leader"]
ACTIONS = [*workflow.MOVES, "verdict_eligible"]  # appraising a nomination is the step complete_review needs
STATES = set(DossierState.values)
REACHABLE = {DossierState.DRAFT} | {move.target for move in workflow.MOVES.values()}
NOTES = st.sampled_from(["", "Bổ sung báo cáo thành tích"])


WHO_MAY = {"verdict_eligible": ["staff"]} | {
    action: (["officer_a", "officer_a", "officer_b"] if move.roles == workflow.OFFICER else ["staff"])
    for action, move in workflow.MOVES.items()}
any_step = st.tuples(st.sampled_from(PERSONAS), st.sampled_from(ACTIONS), NOTES)
# Mostly a persona whose role may try the action (so walks get deep), sometimes anyone at all.
HAPPY_PATH = ["submit", "receive", "verdict_eligible", "complete_review", "mark_ready", "send_to_council",
              "close_council", "decide"]
HAPPY_WALK = [("officer_a", "submit", ""), ("staff", "receive", ""), ("staff", "verdict_eligible", ""),
              ("staff", "complete_review", ""), ("staff", "mark_ready", ""), ("staff", "decide", "")]
likely_step = st.sampled_from(ACTIONS + HAPPY_PATH * 8).flatmap(
    lambda action: st.tuples(st.sampled_from(WHO_MAY[action]), st.just(action), NOTES))


@settings(PROPERTY, max_examples=80)
@given(depth=st.integers(0, len(HAPPY_WALK)),
       steps=st.lists(st.one_of(likely_step, likely_step, any_step), max_size=20))
def test_random_moves_keep_the_workflow_invariants(depth, steps, request, unit_a, unit_b, officer_a, officer_b, staff,
                                                   council_member, leader):
    people = {persona: request.getfixturevalue(persona) for persona in PERSONAS}
    try:
        with transaction.atomic():
            dossier = make_dossier(unit_a, officer_a)
            history = 0
            for persona, action, note in HAPPY_WALK[:depth] + steps:  # start somewhere along the usual path
                actor = people[persona]
                before = Dossier.objects.values_list("state", "version").get(pk=dossier.pk)
                if action == "verdict_eligible":
                    try:
                        for nomination in dossier.nominations.all():
                            services.set_verdict(nomination, Verdict.ELIGIBLE, "", actor)
                    except workflow.NotAllowed:
                        pass
                    assert DossierTransition.objects.filter(dossier=dossier).count() == history
                    continue
                try:
                    with transaction.atomic():
                        dossier = workflow.transition(dossier, action, actor, note)
                except (workflow.NotAllowed, workflow.Conflict):
                    dossier.refresh_from_db()
                    assert (dossier.state, dossier.version) == before  # a refused attempt changes nothing
                    assert DossierTransition.objects.filter(dossier=dossier).count() == history
                    continue
                move = workflow.MOVES[action]
                assert before[0] in move.sources and dossier.state == move.target  # exactly a row of the table
                assert actor.has_role(*move.roles)
                assert dossier.version == before[1] + 1
                history += 1
                assert DossierTransition.objects.filter(dossier=dossier).count() == history  # grows by one

            assert dossier.state in STATES and dossier.state in REACHABLE
            log = list(DossierTransition.objects.filter(dossier=dossier).order_by("pk")
                       .values_list("from_state", "action", "to_state"))
            state = DossierState.DRAFT
            for from_state, action, to_state in log:  # replay the log from the first state
                assert from_state == state and from_state in workflow.MOVES[action].sources
                assert to_state == workflow.MOVES[action].target
                state = to_state
            assert state == dossier.state
            event(f"ended in {state}")
            raise Rollback
    except Rollback:
        pass


def test_the_table_only_names_known_states():
    for move in workflow.MOVES.values():
        assert set(move.sources) <= STATES and move.target in STATES
    assert DossierState.DRAFT not in {move.target for move in workflow.MOVES.values()}


def test_property_runs_reach_far_into_the_workflow(unit_a, officer_a, staff):
    """The random walk above can get past the first steps: this path is one of the sequences it may draw."""
    dossier = make_dossier(unit_a, officer_a)
    for persona, action in [(officer_a, "submit"), (staff, "receive")]:
        dossier = workflow.transition(dossier, action, persona)
    for nomination in dossier.nominations.all():
        services.set_verdict(nomination, Verdict.ELIGIBLE, "", staff)
    dossier = workflow.transition(dossier, "complete_review", staff)
    dossier = workflow.transition(dossier, "mark_ready", staff)
    assert dossier.state == DossierState.AWAITING_DECISION
    assert datetime.date.today() >= dossier.received_at.date()
