"""axe-core (vendored under static/vendor/axe/, loaded only here) on the main pages, at 1366 and at 390 px, for the
staff and for a unit officer: no serious or critical violation; at 390 px no page is wider than the screen; the inbox's filters fold behind "Bộ lọc" on a phone.
Screenshots of each page at 1366 and 390 px go to test-artifacts/screenshots/."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from awards.catalogue.in_force import award_type_on
from awards.enums import DossierState
from awards.models import AgendaItem, CouncilSession, Notice, NoticeKind
from awards.record.history.entry import record_history_award
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_dossier_journey import sign_in
from tests.factories import PersonFactory, issue_decision, make_dossier, make_draft_decision

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
        return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.failureSummary || "")
                .split("\\n").slice(1, 2).join("")).join(" | "));
    }""")
    return result


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.fixture
def world(unit_a, officer_a, staff, council_member):
    person = PersonFactory(full_name="Hoàng Thị Hằng", unit=unit_a, gender="nu", position="Giáo viên")
    record_history_award(person, award_type=award_type_on("chien-si-thi-dua-co-so", datetime.date(2019, 12, 31)),
                         year=2019, decision_number="12/QĐ-SGDĐT", decided_on=datetime.date(2020, 1, 15),
                         issuer="Giám đốc Sở Giáo dục và Đào tạo")
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(decision, staff)
    dossier = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED, recipient=person)
    voted = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.IN_COUNCIL,
                         verdict="eligible", recipient=PersonFactory(full_name="Nguyễn Khắc Phương", unit=unit_a))
    session = CouncilSession.objects.create(title="Phiên họp tháng 01/2021", held_on=datetime.date(2021, 1, 20),
                                            created_by=staff)
    session.members.add(council_member)
    AgendaItem.objects.create(session=session, nomination=voted.nominations.get())
    for user in (staff, officer_a):  # unread notices: the bell's count and the centre's unread rows
        Notice.objects.bulk_create([Notice(recipient=user, kind=NoticeKind.DOSSIER_RECEIVED, url="/awards/dossiers/",
                                           title=f"Hồ sơ HS-2021-00000{i} đã được tiếp nhận", created_at=timezone.now())
                                    for i in range(1, 4)])
    return {"person": person, "decision": decision, "dossier": dossier, "session": session, "unit": unit_a}


def pages(world) -> dict[str, str]:
    return {
        "home": "/",
        "inbox": "/awards/dossiers/",
        "dossier": f"/awards/dossiers/{world['dossier'].reference}/",
        "dashboard": "/dashboard/?year=2021",
        "drill": "/dashboard/awards/?year=2021",
        "decisions": "/awards/decisions/",
        "decision": f"/awards/decisions/{world['decision'].pk}/",
        "council": f"/awards/council/{world['session'].pk}/",
        "search": "/search/?q=hang",
        "person": f"/units/people/{world['person'].pk}/history/",
        "unit": f"/units/{world['unit'].pk}/",
        "campaigns": "/campaigns/",
        "eligibility": "/awards/eligibility/",
        "notifications": "/notifications/",
    }


OFFICER_PAGES = ("home", "inbox", "dossier", "decision", "search", "person", "campaigns", "eligibility",
                 "notifications")


@pytest.mark.parametrize("persona", ["staff", "officer_a"])
def test_main_pages_have_no_serious_axe_violation_and_fit_a_phone(browser, browser_context_args, live_server, world,
                                                                 persona):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # bypass_csp: the site's CSP forbids inline scripts, axe-core is injected by the test, not served by the site
    desk = sign_in(browser.new_context(**browser_context_args, bypass_csp=True), live_server.url, persona)
    phone = sign_in(browser.new_context(**{**browser_context_args, "viewport": {"width": 390, "height": 844}},
                                        bypass_csp=True),
                    live_server.url, persona)
    problems, wide = {}, {}
    shown = {name: path for name, path in pages(world).items() if persona == "staff" or name in OFFICER_PAGES}
    for name, path in shown.items():
        desk.goto(live_server.url + path)
        found = axe_problems(desk)
        if found:
            problems[name] = found
        desk.screenshot(path=str(SCREENSHOTS / f"a11y-{persona}-{name}-1366.png"), full_page=True)
        phone.goto(live_server.url + path)
        width = overflow(phone)
        if width > 390:
            wide[name] = width
        found = axe_problems(phone)
        if found:
            problems[f"{name} (390 px)"] = found
        phone.screenshot(path=str(SCREENSHOTS / f"a11y-{persona}-{name}-390.png"), full_page=True)
    (SCREENSHOTS.parent / f"axe-report-{persona}.json").write_text(
        json.dumps({"pages": list(shown), "problems": problems, "wide": wide}, ensure_ascii=False, indent=1))
    assert len(shown) == (14 if persona == "staff" else 9)
    assert problems == {}
    assert wide == {}


def test_login_and_public_pages(browser, browser_context_args, live_server, world):
    for width in (1366, 390):
        page = browser.new_context(**{**browser_context_args, "viewport": {"width": width, "height": 844}},
                                   bypass_csp=True).new_page()
        for name, path in (("login", "/accounts/login/"), ("public", "/public/decisions/")):
            page.goto(live_server.url + path)
            assert axe_problems(page) == [], name
            assert overflow(page) <= width, name
            page.screenshot(path=str(SCREENSHOTS / f"a11y-{name}-{width}.png"), full_page=True)


def test_inbox_filters_fold_behind_a_toggle_on_a_phone(browser, browser_context_args, live_server, world):
    phone = sign_in(browser.new_context(**{**browser_context_args, "viewport": {"width": 390, "height": 844}}),
                    live_server.url, "staff")
    phone.goto(live_server.url + "/awards/dossiers/")
    toggle = phone.get_by_role("button", name="Bộ lọc")
    expect(toggle).to_be_visible()
    expect(phone.get_by_label("Trạng thái")).to_be_hidden()
    toggle.click()
    expect(phone.get_by_label("Trạng thái")).to_be_visible()
    desk = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")
    desk.goto(live_server.url + "/awards/dossiers/")
    expect(desk.get_by_role("button", name="Bộ lọc")).to_be_hidden()
    expect(desk.get_by_label("Trạng thái")).to_be_visible()


def test_a_dossier_is_submitted_by_keyboard_alone(browser, browser_context_args, live_server, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a)
    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    page.goto(f"{live_server.url}/awards/dossiers/{dossier.reference}/")
    page.get_by_role("button", name="Gửi hồ sơ").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.get_by_role("dialog").get_by_role("button", name="Đồng ý")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("dossier-state")).to_have_text("Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận")
