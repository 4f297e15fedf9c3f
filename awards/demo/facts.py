"""Yearly facts for the eligibility checks: ratings, past titles, initiatives, a hold period and collective
figures, so that "Ai đủ điều kiện năm nay" shows real candidates for Lạng Sơn (open it with ?year=2019).

ILLUSTRATIVE ONLY: the persons below are fictional teachers of the Trường THPT Chuyên Chu Văn An (a real unit of
the demo tree); their titles, ratings, initiatives and decision numbers are invented. Titles are decided in
2015-2018 only, like the other records from before the product (``awards.demo.history``), so that the 2019 and
2020 figures of the articles, and the dashboard's default year, stay exact. The story, for the year 2019:

* Hoàng Thị Thu Hà: Chiến sĩ thi đua cơ sở 2016, 2017, 2018 and a sáng kiến recognised province-wide in 2018,
  so a candidate for Chiến sĩ thi đua cấp tỉnh in 2019 (and preferred at equal merit: a woman);
* Nông Văn Hải: Chiến sĩ thi đua cơ sở 2016 and 2018, but only Lao động tiên tiến in 2017: the chain is
  broken, he is not a candidate; his 2015 Giấy khen was đột xuất and does not count toward a ladder;
* Lăng Thị Mai: hoàn thành xuất sắc 2018 and 2019 with two sáng kiến, a Bằng khen candidate; a complaint
  about her was closed in 2019 (the hold has ended);
* the school itself: hoàn thành xuất sắc 2018 and 2019, figures for 2019 meeting the Tập thể lao động xuất sắc
  criteria, 71 % women.
"""

from __future__ import annotations

import datetime

from awards.catalogue.in_force import award_type_on
from awards.demo.base import upsert
from awards.models import Award, CollectiveFigures, HoldPeriod, Initiative, YearlyRating
from units.models import Gender, Person, PersonCategory, Unit

D = datetime.date
SCHOOL = "truong-thpt-chuyen-chu-van-an"
ISSUER = "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn"
CATALOGUE_START = D(2017, 7, 31)

# (full name, gender, position)
TEACHERS = [
    ("Hoàng Thị Thu Hà", Gender.FEMALE, "Giáo viên Địa lí, Tổ trưởng chuyên môn"),
    ("Nông Văn Hải", Gender.MALE, "Giáo viên Toán"),
    ("Lăng Thị Mai", Gender.FEMALE, "Giáo viên Ngữ văn"),
]
# (person, award code, achievement year, occasion, decision number, decided on)
TITLES = [
    ("Hoàng Thị Thu Hà", "chien-si-thi-dua-co-so", 2016, "cong_trang", "912/QĐ-SGDĐT", D(2016, 12, 16)),
    ("Hoàng Thị Thu Hà", "chien-si-thi-dua-co-so", 2017, "cong_trang", "1034/QĐ-SGDĐT", D(2017, 12, 15)),
    ("Hoàng Thị Thu Hà", "chien-si-thi-dua-co-so", 2018, "cong_trang", "1107/QĐ-SGDĐT", D(2018, 12, 14)),
    ("Nông Văn Hải", "chien-si-thi-dua-co-so", 2016, "cong_trang", "912/QĐ-SGDĐT", D(2016, 12, 16)),
    ("Nông Văn Hải", "lao-dong-tien-tien", 2017, "cong_trang", "1033/QĐ-SGDĐT", D(2017, 12, 15)),
    ("Nông Văn Hải", "chien-si-thi-dua-co-so", 2018, "cong_trang", "1107/QĐ-SGDĐT", D(2018, 12, 14)),
    ("Nông Văn Hải", "giay-khen", 2015, "dot_xuat", "455/QĐ-SGDĐT", D(2015, 5, 10)),
]
# (person or None for the school, year, rating)
RATINGS = [
    *[("Hoàng Thị Thu Hà", y, "htxs") for y in (2016, 2017, 2018)],
    ("Nông Văn Hải", 2017, "htt"), ("Nông Văn Hải", 2018, "htxs"),
    ("Lăng Thị Mai", 2018, "htxs"), ("Lăng Thị Mai", 2019, "htxs"),
    (None, 2018, "htxs"), (None, 2019, "htxs"),
]
# (person, title, year, scope, recognised by, decision number)
INITIATIVES = [
    ("Hoàng Thị Thu Hà", "Ứng dụng bản đồ số trong dạy học Địa lí trung học phổ thông", 2018, "tinh",
     "Chủ tịch UBND tỉnh", "1502/QĐ-UBND"),
    ("Lăng Thị Mai", "Dạy học Ngữ văn theo dự án gắn với di sản xứ Lạng", 2018, "co_so",
     "Giám đốc Sở Giáo dục và Đào tạo", "1110/QĐ-SGDĐT"),
    ("Lăng Thị Mai", "Câu lạc bộ đọc sách trực tuyến cho học sinh nội trú", 2019, "co_so",
     "Giám đốc Sở Giáo dục và Đào tạo", "1215/QĐ-SGDĐT"),
]


def seed_facts() -> dict[str, int]:
    """Upsert persons by (full_name, unit), awards by (person, award code, achievement year), ratings by
    (subject, year), initiatives by title, the hold by (person, start) and figures by (unit, year)."""
    school = Unit.objects.get(code=SCHOOL)
    persons = {}
    for name, gender, position in TEACHERS:
        persons[name] = upsert(Person, {"full_name": name, "unit": school},
                               {"gender": gender, "position": position, "category": PersonCategory.DIRECT_WORKER})
    for name, code, year, occasion, number, decided_on in TITLES:
        award_type = award_type_on(code, max(decided_on, CATALOGUE_START))  # the earliest version before 2017
        upsert(Award, {"person": persons[name], "award_code": code, "achievement_year": year}, {
            "source": "history", "award_type": award_type, "recipient_kind": "ca_nhan", "recipient_name": name,
            "proposing_unit": school, "year": decided_on.year, "occasion": occasion,
            "authority": award_type.authority, "decision_number": number, "decided_on": decided_on, "issuer": ISSUER,
        })
    for name, year, rating in RATINGS:
        subject = {"person": persons[name]} if name else {"unit": school}
        upsert(YearlyRating, {**subject, "year": year}, {"rating": rating})
    for name, title, year, scope, recognised_by, number in INITIATIVES:
        upsert(Initiative, {"title": title}, {"person": persons[name], "year": year, "scope": scope,
                                              "recognised_by": recognised_by, "decision_number": number})
    upsert(HoldPeriod, {"person": persons["Lăng Thị Mai"], "start": D(2019, 3, 2)},
           {"kind": "khieu_nai", "end": D(2019, 4, 15), "reference": "Kết luận xác minh số 21/KL-SGDĐT"})
    upsert(CollectiveFigures, {"unit": school, "year": 2019}, {
        "members": 62, "completed_tasks": 62, "with_ldtt": 51, "with_cstdcs": 9, "women": 44,
        "disciplined_canh_cao_or_above": 0})
    return {
        "units.Person": len(TEACHERS), "awards.Award": len(TITLES),
        "awards.YearlyRating": len(RATINGS), "awards.Initiative": len(INITIATIVES), "awards.HoldPeriod": 1,
        "awards.CollectiveFigures": 1,
    }
