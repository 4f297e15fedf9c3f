"""The main pages cost the same queries whatever the data, and their HTML grows only with the rows they show.

Each page is requested with 5 rows of its data, then with 50: the number of queries must be the same, a paginated
list must show at most its page, and the HTML may grow only by the rows shown (each within a per-row budget in
bytes, about twice what a row takes today), so a filter list, a per-row include or a query per row that grows with
the data fails here."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.catalogue.in_force import award_type_on
from awards.enums import DossierState, RecipientKind
from awards.models import AgendaItem, Award, CouncilSession, Decision, Dossier, Nomination, Signer
from campaigns.models import Campaign, CampaignKind, CampaignMethod, CampaignScope, CampaignStatus, LaunchLevel

ROW = re.compile(rb"<tr[ >]")


def cost(client, url: str, params: dict | None = None) -> tuple[int, int, int]:
    """(queries, bytes of HTML, table rows) of one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries), len(response.content), len(ROW.findall(response.content))


def check(client, url, params, grow, page_size: int | None, row_budget: int) -> None:
    grow(5)
    few_queries, few_bytes, few_rows = cost(client, url, params)
    grow(45)
    many_queries, many_bytes, many_rows = cost(client, url, params)
    assert many_queries == few_queries, f"{url}: {few_queries} queries with 5 rows, {many_queries} with 50"
    if page_size is not None:
        assert many_rows - few_rows <= page_size - 5, f"{url}: {many_rows} table rows with 50 rows of data"
    added = max(many_rows - few_rows, 0)
    assert many_bytes - few_bytes <= added * row_budget + 200, (
        f"{url}: HTML grew by {many_bytes - few_bytes} bytes for {added} more rows shown")


def bang_khen():
    return award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2021, 12, 31))


def test_staff_inbox(client, staff, unit_a):
    client.force_login(staff)
    award, made = bang_khen(), []

    def grow(n):
        start = len(made)
        dossiers = Dossier.objects.bulk_create(
            Dossier(reference=f"T{start + i:06d}", unit=unit_a, title=f"Hồ sơ {start + i}", occasion="cong_trang",
                    year=2021, state=DossierState.SUBMITTED, created_by=staff) for i in range(n))
        Nomination.objects.bulk_create(
            Nomination(dossier=d, recipient_kind=RecipientKind.COLLECTIVE, unit=unit_a, award_type=award)
            for d in dossiers for _ in range(2))
        made.extend(dossiers)

    check(client, "/awards/dossiers/", {}, grow, page_size=25, row_budget=1400)


def make_awards(count: int, start: int, unit) -> None:
    award = bang_khen()
    Award.objects.bulk_create(
        Award(source="history", award_type=award, award_code=award.code, recipient_kind=["tap_the", "ca_nhan"][i % 2],
              recipient_name=f"Người {i}", proposing_unit=unit, year=2021, achievement_year=2021,
              occasion="cong_trang", authority="chu_tich_ubnd_tinh", decision_number=f"{i}/QĐ-UBND",
              decided_on=datetime.date(2021, 6, 1), issuer="Chủ tịch UBND tỉnh")
        for i in range(start, start + count))


def test_dashboard(client, leader, unit_a):
    client.force_login(leader)
    total = [0]

    def grow(n):
        make_awards(n, total[0], unit_a)
        total[0] += n

    # The dashboard shows figures, not rows: the same HTML (give or take the digits of the counts).
    check(client, "/dashboard/", {"year": "2021"}, grow, page_size=None, row_budget=0)


def test_drill_down(client, leader, unit_a):
    client.force_login(leader)
    total = [0]

    def grow(n):
        make_awards(n, total[0], unit_a)
        total[0] += n

    check(client, "/dashboard/awards/", {"year": "2021", "codes": "bang-khen-chu-tich-ubnd-tinh"}, grow,
          page_size=50, row_budget=700)


def test_decision_list(client, staff):
    client.force_login(staff)
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    award, made = bang_khen(), [0]

    def grow(n):
        for i in range(n):  # save() sets the deciding body
            Decision.objects.create(
                number=made[0] + i + 1, year=2021, decided_on=datetime.date(2021, 2, 6), signer=signer,
                award_type=award, occasion="cong_trang", achievement_year=2020,
                subject=f"Về việc tặng Bằng khen {made[0] + i}", legal_bases="Căn cứ", proposals="x", reason="x",
                executors="x", recipients="x", created_by=staff)
        made[0] += n

    check(client, "/awards/decisions/", {}, grow, page_size=25, row_budget=1200)


def test_campaign_list(client, staff, unit_a):
    client.force_login(staff)
    made = [0]

    def grow(n):
        Campaign.objects.bulk_create(
            Campaign(code=f"pt-{made[0] + i}", name=f"Phong trào thi đua số {made[0] + i}", kind=CampaignKind.YEARLY,
                     method=CampaignMethod.YEARLY, scope=CampaignScope.PROVINCE, launch_level=LaunchLevel.PROVINCE,
                     launching_unit=unit_a, start_date=datetime.date(2021, 1, 1), status=CampaignStatus.LAUNCHED)
            for i in range(n))
        made[0] += n

    check(client, "/campaigns/", {}, grow, page_size=25, row_budget=1200)


def test_council_session(client, staff, unit_a):
    """A session lists all its agenda items (no paging: a session is bounded by the meeting); the queries stay the
    same and each item adds at most its row."""
    client.force_login(staff)
    session = CouncilSession.objects.create(title="Phiên họp thử", held_on=datetime.date(2021, 1, 20),
                                            created_by=staff)
    award, made = bang_khen(), [0]

    def grow(n):
        dossiers = Dossier.objects.bulk_create(
            Dossier(reference=f"C{made[0] + i:06d}", unit=unit_a, title="Hồ sơ", occasion="cong_trang", year=2021,
                    state=DossierState.IN_COUNCIL, created_by=staff) for i in range(n))
        nominations = Nomination.objects.bulk_create(
            Nomination(dossier=d, recipient_kind=RecipientKind.COLLECTIVE, unit=unit_a, award_type=award)
            for d in dossiers)
        AgendaItem.objects.bulk_create(AgendaItem(session=session, nomination=nom, position=made[0] + i)
                                       for i, nom in enumerate(nominations))
        made[0] += n

    check(client, f"/awards/council/{session.pk}/", {}, grow, page_size=None, row_budget=2500)


def test_filter_options_are_escaped_and_the_chosen_one_marked():
    from units.templatetags.vn import options

    html = options([(1, "Sở <Giáo dục>"), (12, "Trường \"A\" & B"), ("", "—")], "12")
    assert html == ('<option value="1">Sở &lt;Giáo dục&gt;</option>'
                    '<option value="12" selected>Trường &quot;A&quot; &amp; B</option>'
                    '<option value="">—</option>')
    assert options([(2020, 2020)], None) == '<option value="2020">2020</option>'
