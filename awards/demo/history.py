"""Awards from before the product (source "history"), so the history pages have content.

These records are invented for the demo (the articles in ``/work/shared/seeds`` give no award histories): the
decision numbers, dates and issuers follow the usual pattern of Lạng Sơn decisions, years 2010-2018 only, so the
2019 and 2020 figures of the articles stay exact. One record is revoked, to show how revoked awards look.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from awards.demo.base import label, upsert
from awards.enums import OccasionType, RecipientKind
from awards.models import Award, AwardSource
from awards.record.history.entry import award_types_for_year, version_on
from units.models import Person, Unit

D = datetime.date
PROVINCE_CHAIR = "Chủ tịch UBND tỉnh Lạng Sơn"
EDUCATION = "Giám đốc Sở Giáo dục và Đào tạo"
HEALTH = "Giám đốc Sở Y tế"
PRIME_MINISTER = "Thủ tướng Chính phủ"


@dataclass(frozen=True)
class PastAward:
    recipient: str  # "person:<full name>@<unit code>" or "unit:<unit code>"
    year: int
    code: str
    number: str
    decided_on: datetime.date
    issuer: str
    occasion: str = OccasionType.MERIT
    revoked_on: datetime.date | None = None
    revoke_reason: str = ""


TRANG = "person:Lương Thị Thu Trang@truong-thpt-chuyen-chu-van-an"
CUONG = "person:Hoàng Mạnh Cương@benh-vien-da-khoa-tinh"
CHU_VAN_AN = "unit:truong-thpt-chuyen-chu-van-an"
EDUCATION_DEPT = "unit:so-giao-duc-dao-tao"

PAST_AWARDS: list[PastAward] = [
    PastAward(TRANG, 2013, "lao-dong-tien-tien", "250/QĐ-SGDĐT", D(2013, 7, 18), EDUCATION,
              revoked_on=D(2014, 3, 1),
              revoke_reason="Quyết định ghi nhầm người được tặng; đã thay bằng Quyết định số 40/QĐ-SGDĐT"),
    PastAward(TRANG, 2014, "lao-dong-tien-tien", "312/QĐ-SGDĐT", D(2014, 7, 20), EDUCATION),
    PastAward(TRANG, 2015, "chien-si-thi-dua-co-so", "415/QĐ-SGDĐT", D(2015, 8, 15), EDUCATION),
    PastAward(TRANG, 2016, "chien-si-thi-dua-co-so", "398/QĐ-SGDĐT", D(2016, 8, 12), EDUCATION),
    PastAward(TRANG, 2016, "bang-khen-chu-tich-ubnd-tinh", "2105/QĐ-UBND", D(2016, 10, 25), PROVINCE_CHAIR),
    PastAward(TRANG, 2017, "chien-si-thi-dua-co-so", "420/QĐ-SGDĐT", D(2017, 8, 10), EDUCATION),
    PastAward(TRANG, 2018, "giay-khen", "88/QĐ-SGDĐT", D(2018, 3, 15), EDUCATION, occasion=OccasionType.CAMPAIGN),
    PastAward(CUONG, 2012, "chien-si-thi-dua-co-so", "510/QĐ-SYT", D(2012, 12, 10), HEALTH),
    PastAward(CUONG, 2013, "chien-si-thi-dua-co-so", "498/QĐ-SYT", D(2013, 12, 6), HEALTH),
    PastAward(CUONG, 2014, "bang-khen-chu-tich-ubnd-tinh", "2001/QĐ-UBND", D(2014, 12, 12), PROVINCE_CHAIR),
    PastAward(CUONG, 2017, "bang-khen-thu-tuong", "1585/QĐ-TTg", D(2018, 11, 20), PRIME_MINISTER),
    PastAward(CHU_VAN_AN, 2015, "tap-the-lao-dong-xuat-sac", "1780/QĐ-UBND", D(2015, 9, 14), PROVINCE_CHAIR),
    PastAward(CHU_VAN_AN, 2016, "tap-the-lao-dong-xuat-sac", "1650/QĐ-UBND", D(2016, 8, 25), PROVINCE_CHAIR),
    PastAward(CHU_VAN_AN, 2017, "co-thi-dua-ubnd-tinh", "150/QĐ-UBND", D(2018, 1, 22), PROVINCE_CHAIR),
    PastAward(EDUCATION_DEPT, 2010, "co-thi-dua-ubnd-tinh", "95/QĐ-UBND", D(2011, 1, 20), PROVINCE_CHAIR),
    PastAward(EDUCATION_DEPT, 2016, "bang-khen-thu-tuong", "1920/QĐ-TTg", D(2016, 10, 3), PRIME_MINISTER,
              occasion=OccasionType.CAMPAIGN),
]


def _recipient(text: str) -> Person | Unit:
    kind, _sep, rest = text.partition(":")
    if kind == "unit":
        return Unit.objects.get(code=rest)
    name, _at, unit_code = rest.partition("@")
    return Person.objects.get(full_name=name, unit__code=unit_code)


def seed_history() -> dict[str, int]:
    for spec in PAST_AWARDS:
        recipient = _recipient(spec.recipient)
        is_person = isinstance(recipient, Person)
        award_type = version_on({a.code: a for a in award_types_for_year(spec.year)}[spec.code], spec.decided_on)
        lookup = {
            "source": AwardSource.HISTORY, "award_code": spec.code, "achievement_year": spec.year,
            "decision_number": spec.number, "person" if is_person else "unit": recipient,
        }
        upsert(Award, lookup, {
            "award_type": award_type, "recipient_kind": RecipientKind.INDIVIDUAL if is_person
            else RecipientKind.COLLECTIVE,
            "recipient_name": recipient.full_name if is_person else recipient.name,
            "year": spec.decided_on.year, "occasion": spec.occasion, "authority": award_type.authority,
            "decided_on": spec.decided_on, "issuer": spec.issuer, "revoked": spec.revoked_on is not None,
            "revoked_on": spec.revoked_on, "revoke_reason": spec.revoke_reason,
        })
    return {label(Award): len(PAST_AWARDS)}
