"""In a real browser: the trưởng cụm (the unit officer of the leader unit) checks the members' self-scores,
records the suy tôn meeting, generates the cluster's proposals, closes the year and finds the cluster dossier."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.test_dossier_journey import shoot_page, sign_in
from tests.factories import ClusterFactory, UnitFactory
from units.clusters import scoring
from units.models import ClusterMembership, ClusterScore, ClusterYear

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_leader_checks_ranks_generates_and_closes(browser, browser_context_args, live_server, officer_a, officer_b,
                                                  unit_a, unit_b, staff, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    cluster = ClusterFactory(name="Cụm thi đua các huyện nội địa")
    others = [UnitFactory(name=name, sort_order=n) for n, name in enumerate(
        ["Huyện Bắc Sơn", "Huyện Hữu Lũng", "Huyện Chi Lăng"], start=1)]
    units = [unit_a, unit_b, *others]
    for unit in units:
        ClusterMembership.objects.create(cluster=cluster, unit=unit, year=2020)
    cy = ClusterYear.objects.create(cluster=cluster, year=2020, leader=unit_a, deputy=unit_b, flag_quota=1,
                                    merit_quota=2, submission_number="07/TTr-CTĐ",
                                    submission_date=datetime.date(2021, 1, 12))
    criteria = scoring.set_criteria(cy, [
        scoring.CriterionSpec("1", "Thực hiện nhiệm vụ chính trị được giao", Decimal(60)),
        scoring.CriterionSpec("2", "Tổ chức phong trào thi đua", Decimal(40)),
    ], staff, cy.version)
    scoring.start_self_scoring(cy, staff, cy.version)
    # every member has scored itself: Hữu Lũng 95, Bắc Sơn 90, Sở Y tế 85, Chi Lăng 80, Sở GD&ĐT 75
    self_points = {unit_a: (45, 30), unit_b: (50, 35), others[0]: (55, 35), others[1]: (58, 37), others[2]: (50, 30)}
    for unit, points in self_points.items():
        membership = ClusterMembership.objects.get(unit=unit, year=2020)
        for criterion, value in zip(criteria, points, strict=True):
            ClusterScore.objects.create(membership=membership, criterion=criterion, self_points=Decimal(value),
                                        evidence="Báo cáo tổng kết năm 2020")
        scoring.recompute_totals(membership)

    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/units/clusters/{cluster.pk}/")
    page.get_by_test_id("cluster-year-link").click()
    expect(page.get_by_test_id("cluster-state")).to_have_text("Các đơn vị đang tự chấm điểm")

    # the leader checks the scores: a value above the maximum is refused and kept on screen
    page.get_by_role("link", name="Chấm điểm (trưởng cụm)").click()
    page.get_by_label("Sở Y tế - 2").fill("45")
    page.get_by_role("button", name="Lưu và hoàn thành chấm điểm").click()
    expect(page.get_by_test_id("form-error")).to_have_text("Sở Y tế: Tiêu chí 2: điểm 45 vượt điểm tối đa 40.")
    expect(page.get_by_label("Sở Y tế - 2")).to_have_value("45")
    page.get_by_label("Sở Y tế - 2").fill("30")  # evidence short of the claim: 85 -> 80
    page.get_by_role("button", name="Lưu và hoàn thành chấm điểm").click()
    expect(page.get_by_test_id("cluster-state")).to_have_text("Trưởng cụm đã chấm điểm")
    expect(page.get_by_test_id("scores")).to_contain_text("80")

    # the meeting's vote record and the ranking
    page.get_by_role("link", name="Ghi kết quả họp suy tôn").click()
    page.get_by_label("Ngày họp").fill("2021-01-08")
    page.get_by_label("Địa điểm họp").fill("Hội trường UBND huyện Hữu Lũng")
    page.get_by_label("Số đại biểu bỏ phiếu").fill("5")
    for name, votes in [("Sở Giáo dục và Đào tạo", 0), ("Sở Y tế", 1), ("Huyện Bắc Sơn", 4), ("Huyện Hữu Lũng", 5),
                        ("Huyện Chi Lăng", 3)]:
        page.get_by_label(f"Số phiếu suy tôn {name}").fill(str(votes))
    page.get_by_role("button", name="Ghi kết quả và xếp hạng").click()
    expect(page.get_by_test_id("cluster-state")).to_have_text("Đã họp suy tôn, xếp hạng")
    expect(page.get_by_test_id("ranking").locator("tbody tr").first).to_contain_text("Huyện Hữu Lũng")
    expect(page.get_by_test_id("proposals")).to_contain_text("Huyện Hữu Lũng: Cờ thi đua của UBND tỉnh")
    shoot_page(page, "cluster-year-ranked")

    # proposals, then closing
    page.get_by_role("button", name="Lập hồ sơ đề nghị khen thưởng").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lập hồ sơ đề nghị khen thưởng của cụm, khối.")
    page.get_by_role("button", name="Kết thúc năm").click()
    page.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()  # the confirmation (static/js/app.js)
    expect(page.get_by_test_id("cluster-state")).to_have_text("Đã kết thúc năm")
    expect(page.get_by_test_id("cluster-dossier")).to_contain_text("Sở Giáo dục và Đào tạo")
    shoot_page(page, "cluster-year-closed")

    # the cluster dossier, a draft of the leader unit with the three nominations and the two documents
    page.get_by_test_id("cluster-dossier").get_by_role("link").click()
    expect(page.get_by_test_id("dossier-state")).to_have_text("Đang soạn, chưa gửi")
    nominations = page.get_by_test_id("nominations")
    expect(nominations).to_contain_text("Huyện Hữu Lũng")
    expect(nominations).to_contain_text("Huyện Bắc Sơn")
    expect(nominations).to_contain_text("Huyện Chi Lăng")
    expect(page.get_by_test_id("attachments")).to_contain_text("to-trinh-cum-2020.pdf")
    expect(page.get_by_test_id("attachments")).to_contain_text("bien-ban-hop-cum-2020.pdf")
    shoot_page(page, "cluster-dossier")
    cy.refresh_from_db()
    assert cy.state == "closed" and cy.dossier.unit == unit_a
    assert list(cy.dossier.nominations.order_by("position").values_list("unit__name", "award_type__code")) == [
        ("Huyện Hữu Lũng", "co-thi-dua-ubnd-tinh"), ("Huyện Bắc Sơn", "bang-khen-chu-tich-ubnd-tinh"),
        ("Huyện Chi Lăng", "bang-khen-chu-tich-ubnd-tinh")]
