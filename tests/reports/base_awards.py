"""Awards decided below the province, written the way the product writes them: a unit's issuing body drafts a
decision of approved nominations and publishes it (``awards.decisions.services``), so the Award rows carry the
body, its authority, the number of its own series and its head's title.

``decide_2020`` builds one year of them beside the demo's 2020 (decided in 2020 for 2019's work):

| body (kind)                                      | decision          | award                        | recipients     |
|--------------------------------------------------|-------------------|------------------------------|----------------|
| Giám đốc Sở Khoa học và Công nghệ (sở, ngành)    | 01/QĐ-SKHCN 10/01 | Lao động tiên tiến           | 3 individuals  |
|                                                  | 02/QĐ-SKHCN 12/01 | Tập thể lao động tiên tiến   | 2 collectives  |
| Chủ tịch UBND xã Hữu Lễ (xã, phường)             | 01/QĐ-UBND 15/01  | Lao động tiên tiến           | 2 individuals  |
|                                                  | 02/QĐ-UBND 03/02  | Giấy khen của Chủ tịch UBND xã | 1 collective |
| Chủ tịch UBND huyện Cao Lộc (huyện)              | 01/QĐ-UBND 20/01  | Chiến sĩ thi đua cơ sở       | 1 individual   |
| Hiệu trưởng Trường Cao đẳng Sư phạm (sự nghiệp)  | 01/QĐ-CĐSP 02/03  | Giấy khen                    | 1 individual   |
| Giám đốc Công ty Điện lực Lạng Sơn (doanh nghiệp)| 01/QĐ-PCLS 05/03  | Giấy khen                    | 2 individuals  |

plus one Giấy khen entered from the archives without its body (Sở Y tế, 2020): 13 awards at the base level, beside
the 19 of the demo's own rounds (awards.demo.unit_rounds: the Sở GD&ĐT 10, xã Đề Thám 5, xã Hiệp Hạ 4, decided in
January 2020 for 2019): 32 in all."""

from __future__ import annotations

import datetime

from awards.catalogue.in_force import award_type_on
from awards.decisions import services as decisions
from awards.enums import CouncilResult
from awards.models import Award, AwardSource, Decision, IssuingBody, Nomination, Signer
from tests.factories import PersonFactory, UnitFactory, drafter_for, issue_decision, make_body, make_dossier
from units.models import UnitKind

D = datetime.date
REASON = "đã hoàn thành tốt nhiệm vụ năm 2019"


def body(kind: str, unit_name: str, unit_kind: str, head_title: str, symbol: str, **values) -> IssuingBody:
    unit = UnitFactory(name=unit_name, kind=unit_kind)
    made = make_body(unit, kind=kind, head_title=head_title, symbol=symbol, **values)
    Signer.objects.create(body=made, full_name=f"Người ký của {unit_name}", position=head_title,
                          capacity="chu_tich", valid_from=D(2016, 1, 1))
    return made


def decide(issuer: IssuingBody, staff, code: str, day: datetime.date, people: list[str] = (),
           collectives: list[str] = ()) -> Decision:
    """A published decision of ``issuer`` giving ``code`` to new persons of its unit and to new units under it."""
    nominations = []
    round_body = None if issuer.is_province else issuer
    for name in people:
        person = PersonFactory(full_name=name, unit=issuer.unit)
        dossier = make_dossier(issuer.unit, staff, code=code, authority=issuer.authority, state="awaiting_decision", body=round_body,
                               verdict="eligible", recipient=person, year=day.year - 1)
        nominations += list(dossier.nominations.all())
    for name in collectives:
        unit = UnitFactory(name=name, kind=UnitKind.DIVISION, parent=issuer.unit)
        dossier = make_dossier(unit, staff, code=code, authority=issuer.authority, state="awaiting_decision", body=round_body,
                               verdict="eligible", year=day.year - 1)
        nominations += list(dossier.nominations.all())
    # A title that needs the unit council's vote (Chiến sĩ thi đua cơ sở) has passed it.
    Nomination.objects.filter(pk__in=[n.pk for n in nominations], award_type__requires_council_vote=True).update(
        council_result=CouncilResult.PASSED)
    nominations = list(Nomination.objects.filter(pk__in=[n.pk for n in nominations]).order_by("pk"))
    signer = Signer.objects.get(body=issuer)
    actor = drafter_for(issuer, staff)
    decision = decisions.draft_decision(nominations, actor, day, signer, REASON, body=issuer)
    issue_decision(decision, actor)
    return decision


def archived_award(code: str, year: int, name: str, number: str, day: datetime.date, issuer: str,
                   authority: str = "thu_truong_don_vi") -> Award:
    """An award entered from the archives: no decision of the product, no body."""
    award_type = award_type_on(code, day)
    return Award.objects.create(
        source=AwardSource.HISTORY, award_type=award_type, award_code=code, recipient_kind="ca_nhan",
        recipient_name=name, year=year, achievement_year=year - 1, occasion="cong_trang", authority=authority,
        decision_number=number, decided_on=day, issuer=issuer)


def decide_2020(staff) -> dict[str, IssuingBody]:
    education = body("so_ban_nganh", "Sở Khoa học và Công nghệ", UnitKind.DEPARTMENT,
                     "Giám đốc Sở Khoa học và Công nghệ", "QĐ-SKHCN")
    commune = body("xa_phuong", "Xã Hữu Lễ", UnitKind.COMMUNE, "Chủ tịch UBND xã Hữu Lễ", "QĐ-UBND",
                   parent_name="", issuer_name="ỦY BAN NHÂN DÂN / XÃ HỮU LỄ", signature_title="CHỦ TỊCH")
    district = body("huyen", "Huyện Cao Lộc", UnitKind.DISTRICT, "Chủ tịch UBND huyện Cao Lộc", "QĐ-UBND",
                    parent_name="", issuer_name="ỦY BAN NHÂN DÂN / HUYỆN CAO LỘC", signature_title="CHỦ TỊCH")
    college = body("su_nghiep", "Trường Cao đẳng Sư phạm Lạng Sơn", UnitKind.PUBLIC_SERVICE,
                   "Hiệu trưởng Trường Cao đẳng Sư phạm Lạng Sơn", "QĐ-CĐSP", signature_title="HIỆU TRƯỞNG")
    power = body("doanh_nghiep", "Công ty Điện lực Lạng Sơn", UnitKind.ENTERPRISE,
                 "Giám đốc Công ty Điện lực Lạng Sơn", "QĐ-PCLS")
    decide(education, staff, "lao-dong-tien-tien", D(2020, 1, 10),
           people=["Lương Thị Thu Trang", "Hoàng Văn Nam", "Nông Thị Hà"])
    decide(education, staff, "tap-the-lao-dong-tien-tien", D(2020, 1, 12),
           collectives=["Trung tâm Ứng dụng khoa học", "Phòng Quản lý khoa học"])
    decide(commune, staff, "lao-dong-tien-tien", D(2020, 1, 15), people=["Vi Văn Sơn", "Lộc Thị Mai"])
    decide(commune, staff, "giay-khen-chu-tich-ubnd-xa", D(2020, 2, 3), collectives=["Thôn Nà Pàn"])
    decide(district, staff, "chien-si-thi-dua-co-so", D(2020, 1, 20), people=["Hà Văn Tú"])
    decide(college, staff, "giay-khen", D(2020, 3, 2), people=["Đinh Thị Lan"])
    decide(power, staff, "giay-khen", D(2020, 3, 5), people=["Triệu Văn Bình", "Lý Thị Hoa"])
    archived_award("giay-khen", 2020, "Hoàng Mạnh Cương", "88/QĐ-SYT", D(2020, 4, 2), "Giám đốc Sở Y tế")
    return {"education": education, "commune": commune, "district": district, "college": college, "power": power}
