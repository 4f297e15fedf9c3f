"""Persons and households named in the two articles (``/work/shared/seeds``).

Names, positions and units are as the articles give them. Birth dates are left empty (the articles give
none and these are real people); no citizen ID is ever seeded. Hoàng Quốc Thịnh and Trần Văn Ba appear
only as bylines of the Ban Thi đua - Khen thưởng: their position "Chuyên viên" is an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.demo.base import label, upsert
from units.models import Gender, Household, Person, PersonCategory, Unit

P = PersonCategory


@dataclass(frozen=True)
class PersonSpec:
    full_name: str
    gender: str
    position: str
    unit: str | None
    category: str


PERSONS: list[PersonSpec] = [
    # Provincial leaders.
    PersonSpec("Hồ Tiến Thiệu", Gender.MALE,
               "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
               "ubnd-tinh", P.PROVINCIAL_LEADER),
    PersonSpec("Dương Xuân Huyên", Gender.MALE,
               "Phó Chủ tịch UBND tỉnh, Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng tỉnh",
               "ubnd-tinh", P.PROVINCIAL_LEADER),
    # Chủ tịch HĐND tỉnh: the HĐND is not a unit of the tree.
    PersonSpec("Hoàng Văn Nghiệm", Gender.MALE, "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
               None, P.PROVINCIAL_LEADER),
    PersonSpec("Phạm Ngọc Thưởng", Gender.MALE, "Chủ tịch UBND tỉnh (năm 2019)", "ubnd-tinh", P.PROVINCIAL_LEADER),
    # Ban Thi đua - Khen thưởng (authors of the articles).
    PersonSpec("Hoàng Quốc Thịnh", Gender.MALE, "Chuyên viên Ban Thi đua - Khen thưởng", "ban-tdkt",
               P.DIRECT_WORKER),
    PersonSpec("Trần Văn Ba", Gender.MALE, "Chuyên viên Ban Thi đua - Khen thưởng", "ban-tdkt", P.DIRECT_WORKER),
    # Exemplary individuals of the 2019 campaigns.
    PersonSpec("Hoàng Mạnh Cương", Gender.MALE, "Trưởng Phòng Kế hoạch tổng hợp", "benh-vien-da-khoa-tinh",
               P.OTHER_LEADER),
    PersonSpec("Nguyễn Khắc Phương", Gender.MALE, "Trưởng phòng Xây dựng chính quyền và Công tác thanh niên",
               "phong-xdcq-cttn", P.OTHER_LEADER),
    PersonSpec("Hà Thị Lư", Gender.FEMALE, "Trưởng Phòng Quản lý Văn hóa", "phong-quan-ly-van-hoa",
               P.OTHER_LEADER),
    PersonSpec("Lương Thị Bình", Gender.FEMALE, "Bí thư Chi bộ, Trưởng Ban công tác mặt trận, Trưởng thôn Nà Ao 2",
               "thon-na-ao-2", P.DIRECT_WORKER),
]


@dataclass(frozen=True)
class HouseholdSpec:
    name: str
    head_name: str
    address: str
    commune: str


HOUSEHOLDS: list[HouseholdSpec] = [
    HouseholdSpec("Gia đình ông Vi Thanh Liêm", "Vi Thanh Liêm", "Thôn Bản Đoóc, xã Hiệp Hạ, huyện Lộc Bình",
                  "xa-hiep-ha"),
    HouseholdSpec("Gia đình ông Lương Hồng Chắn", "Lương Hồng Chắn", "Thôn Nà Pẻo, xã Bắc Lãng, huyện Đình Lập",
                  "xa-bac-lang"),
]


def seed_people() -> dict[str, int]:
    """Upsert persons by (full_name, unit) and households by (name, commune)."""
    units = {u.code: u for u in Unit.objects.all()}
    for spec in PERSONS:
        upsert(
            Person,
            {"full_name": spec.full_name, "unit": units[spec.unit] if spec.unit else None},
            {"gender": spec.gender, "position": spec.position, "category": spec.category},
        )
    for spec in HOUSEHOLDS:
        upsert(
            Household,
            {"name": spec.name, "commune": units[spec.commune]},
            {"head_name": spec.head_name, "address": spec.address},
        )
    return {label(Person): len(PERSONS), label(Household): len(HOUSEHOLDS)}
