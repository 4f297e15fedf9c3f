"""Upward flow after a unit's round: the Award rows the Sở's own decisions write count in the eligibility ladder (no
hand entry), and a dossier sent to the province may cite the Sở's published decision, shown on its page and quoted
in the Board's tờ trình."""

from __future__ import annotations

import subprocess

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from awards.decisions import services as decisions
from awards.decisions.rounds import Meeting, Nominee, People, run_round
from awards.documents import decision_pdf
from awards.models import Attachment, Decision, Dossier, Initiative, Signer
from awards.record.eligibility.candidates import candidates_for
from awards.record.eligibility.engine import evaluate
from tests.dossiers.round_support import CSTDCS, LDTT, D, teacher
from tests.factories import make_dossier

pytestmark = pytest.mark.django_db
CSTD_TINH = "chien-si-thi-dua-cap-tinh"
JUDGEMENT = "Sáng kiến cấp cơ sở được Hội đồng sáng kiến của Sở công nhận"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def documents(actor):
    def attach(dossier):
        for kind in ("to_trinh", "bao_cao", "bien_ban"):
            Attachment.objects.create(dossier=dossier, kind=kind, file=ContentFile(b"%PDF-1.4 x", name="x.pdf"),
                                      original_name=f"{kind}.pdf", content_type="application/pdf", size=10,
                                      sha256="0" * 64, uploaded_by=actor)
    return attach


def sở_rounds(years, person, officer, leader, director) -> list[Decision]:
    """The Sở's own round of each year: Lao động tiên tiến and Chiến sĩ thi đua cơ sở for ``person``."""
    made = []
    for year in years:
        made += run_round(director.body, person.unit, year, [Nominee(LDTT, person=person), Nominee(CSTDCS, person=person)],
                          People(officer, officer, leader), signer=director, decided_on=D(year + 1, 1, 15),
                          reason=f"đã hoàn thành xuất sắc nhiệm vụ năm {year}", submission_number=f"0{year % 10}/TTr",
                          submission_date=D(year + 1, 1, 5), prepare=documents(officer), judgement=JUDGEMENT,
                          meeting=Meeting(D(year + 1, 1, 8), 15, 15, "Trần Văn Hải", "Lường Thị Hoa", yes=15))
    return made


def test_three_years_of_the_sở_s_cstdcs_make_a_candidate_for_cstd_cấp_tỉnh(client_for, unit_a, officer_a,
                                                                          sở_leader, director):
    trang = teacher(unit_a)
    sở_rounds([2022, 2023, 2024], trang, officer_a, sở_leader, director)
    Initiative.objects.create(title="Số hóa hồ sơ học bạ", person=trang, year=2024, scope="tinh")
    result = evaluate(trang, CSTD_TINH, 2024, on=D(2025, 3, 1))
    chain = next(c for c in result.criteria if c.code == "ba_lan_cstdcs")
    assert (chain.status, chain.evidence) == ("met", [
        "Chiến sĩ thi đua cơ sở 2022 (QĐ 01/QĐ-SGDĐT)", "Chiến sĩ thi đua cơ sở 2023 (QĐ 01/QĐ-SGDĐT)",
        "Chiến sĩ thi đua cơ sở 2024 (QĐ 01/QĐ-SGDĐT)"])
    groups = candidates_for(unit_a, 2024, CSTD_TINH, on=D(2025, 3, 1))["groups"]
    assert [(code, [item["subject"] for item in items]) for code, _name, items in groups] == [(CSTD_TINH, [trang])]
    page = client_for("officer_a").get(reverse("awards:eligibility_candidates"), {"year": 2024, "award": CSTD_TINH})
    assert "Lương Thị Trang" in page.content.decode()


def test_two_years_are_not_yet_enough_the_law_asks_three(unit_a, officer_a, sở_leader, director):
    trang = teacher(unit_a)
    sở_rounds([2023, 2024], trang, officer_a, sở_leader, director)
    result = evaluate(trang, CSTD_TINH, 2024, on=D(2025, 3, 1))
    chain = next(c for c in result.criteria if c.code == "ba_lan_cstdcs")
    assert (chain.status, chain.detail) == ("unmet", "Có 2/3 lần liên tục.")


@pytest.fixture
def cited(unit_a, officer_a, sở_leader, director):
    """The Sở's CSTĐCS decision of 2024, published, for Lương Thị Trang."""
    trang = teacher(unit_a)
    return next(d for d in sở_rounds([2024], trang, officer_a, sở_leader, director) if d.award_type.code == CSTDCS)


def province_form(**extra):
    return {"title": "Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2024", "occasion": "cong_trang",
            "year": "2024", "authority": "chu_tich_ubnd_tinh", "submission_number": "", "submission_date": "", **extra}


def test_a_province_dossier_cites_the_sở_s_decision_and_shows_it(client_for, cited):
    client = client_for("officer_a")
    assert client.post(reverse("awards:dossier_create"), province_form(basis_decisions=[cited.pk])).status_code == 302
    dossier = Dossier.objects.get(body__isnull=True)
    assert list(dossier.basis_decisions.all()) == [cited]
    page = client.get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    shown = page.split('data-testid="basis-decisions">')[1].split("</dd>")[0]
    assert " ".join(shown.replace("</a>", " ").split()).count("01/QĐ-SGDĐT") == 1
    assert "ngày 15/01/2025 của Giám đốc Sở Giáo dục và Đào tạo (Chiến sĩ thi đua cơ sở)" in " ".join(shown.split())


def test_another_unit_cannot_cite_the_sở_s_decision_nor_a_round_cite_anything(client_for, cited, education,
                                                                            officer_b, health):
    # Unit B has nothing to cite: the field is not on its form, and a posted id is ignored.
    other = client_for("officer_b").post(reverse("awards:dossier_create"), province_form(basis_decisions=[cited.pk]))
    assert other.status_code == 302
    assert list(Dossier.objects.get(unit__code="so-b").basis_decisions.all()) == []
    # Once it has a decision of its own to cite, another unit's is refused.
    b_director = Signer.objects.create(body=health, full_name="Nguyễn Văn Y", position="Giám đốc Sở Y tế",
                                       capacity="chu_tich", valid_from=D(2016, 1, 1))
    run_round(health, health.unit, 2024, [Nominee(LDTT, person=teacher(health.unit, "Hà Thị Lư"))],
              People(officer_b, officer_b, officer_b), signer=b_director, decided_on=D(2025, 1, 16), reason="x",
              submission_number="01/TTr", submission_date=D(2025, 1, 5), prepare=documents(officer_b))
    refused = client_for("officer_b").post(reverse("awards:dossier_create"), province_form(basis_decisions=[cited.pk]))
    assert refused.context["form"].errors["basis_decisions"] == [
        f"Hãy chọn một lựa chọn hợp lệ. {cited.pk} không phải là một trong các lựa chọn khả thi."]
    round_ = client_for("officer_a").post(reverse("awards:dossier_create"), province_form(
        basis_decisions=[cited.pk], authority=f"body-{education.pk}"))
    assert round_.context["form"].errors["basis_decisions"] == [
        "Chỉ hồ sơ trình Chủ tịch UBND tỉnh hoặc cấp trên mới ghi quyết định của đơn vị làm căn cứ."]


def test_the_board_s_tờ_trình_quotes_the_sở_s_decision(unit_a, officer_a, staff, cited):
    trang = cited.lines.get().nomination.person
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, state="awaiting_decision", verdict="eligible",
                           recipient=trang, year=2024)
    dossier.basis_decisions.add(cited)
    dossier.nominations.update(council_result="passed")
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    decision = decisions.draft_decision(list(dossier.nominations.all()), staff, D(2025, 3, 20), chair,
                                        "đã có thành tích xuất sắc năm 2024")
    assert decision_pdf.unit_decisions(decision) == [
        "Quyết định số 01/QĐ-SGDĐT ngày 15/01/2025 của Giám đốc Sở Giáo dục và Đào tạo về việc công nhận danh hiệu "
        "“Chiến sĩ thi đua cơ sở” năm 2024"]
    data, _pages = decision_pdf.render(decision, "submission")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    words = " ".join(text.decode().split())
    assert ("Các trường hợp đề nghị đã được thủ trưởng đơn vị công nhận, khen thưởng tại: Quyết định số "
            "01/QĐ-SGDĐT ngày 15/01/2025 của Giám đốc Sở Giáo dục và Đào tạo về việc công nhận danh hiệu “Chiến sĩ "
            "thi đua cơ sở” năm 2024.") in words
