"""The cast of the 2019-2020 story (``awards.demo.decisions``) beyond the base demo: the communes, schools, health
units, border posts and enterprises that propose or receive, the two khối thi đua added for the story, the persons
(ILLUSTRATIVE: fictional names in posts held by many people), the signers of the decisions, the unit officers who
build the dossiers and the council members who vote. Upserted by natural key on every run (``seed_cast``); sources
and what is assumed are in the docstring of ``awards.demo.decisions``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils import timezone

from awards.demo.base import D, differs, upsert
from awards.demo.clusters import CLUSTERS as PROVINCE_CLUSTERS
from awards.demo.clusters import YEARS, C
from awards.demo.people import PersonSpec
from awards.demo.units import DISTRICTS_END, U
from awards.models import Signer, SignerCapacity, province_body
from units.models import (
    ClusterKind,
    ClusterMembership,
    ClusterYear,
    EmulationCluster,
    Gender,
    Person,
    PersonCategory,
    Role,
    Unit,
    UnitKind,
    User,
)
from units.text import nfc

K = UnitKind
P = PersonCategory
DISTRICT_NAMED = {"valid_to": DISTRICTS_END}
COMMUNE = {"kind": K.COMMUNE, "valid_to": DISTRICTS_END}
SORT_ORDER_START = 5000  # after every unit of ``awards.demo.units``

# --- units -------------------------------------------------------------------------------------------

UNITS: list[U] = [
    # Communes and towns (until the districts were abolished).
    U("xa-hoang-dong", "Xã Hoàng Đồng", parent="tp-lang-son", **COMMUNE),
    U("xa-tan-my", "Xã Tân Mỹ", parent="huyen-van-lang", **COMMUNE),
    U("xa-trang-cac", "Xã Tràng Các", parent="huyen-van-quan", **COMMUNE),
    U("xa-hoa-tham", "Xã Hoa Thám", parent="huyen-binh-gia", **COMMUNE),
    U("xa-hong-phong", "Xã Hồng Phong", parent="huyen-binh-gia", **COMMUNE),
    U("xa-vu-le", "Xã Vũ Lễ", parent="huyen-bac-son", **COMMUNE),
    U("thi-tran-huu-lung", "Thị trấn Hữu Lũng", parent="huyen-huu-lung", **COMMUNE),
    U("xa-yen-thinh", "Xã Yên Thịnh", parent="huyen-huu-lung", **COMMUNE),
    U("xa-quang-lang", "Xã Quang Lang", parent="huyen-chi-lang", **COMMUNE),
    U("xa-tan-lien", "Xã Tân Liên", parent="huyen-cao-loc", **COMMUNE),
    U("thi-tran-na-duong", "Thị trấn Na Dương", parent="huyen-loc-binh", **COMMUNE),
    U("xa-kien-moc", "Xã Kiên Mộc", parent="huyen-dinh-lap", **COMMUNE),
    # Schools under the Sở Giáo dục và Đào tạo.
    U("truong-thpt-viet-bac", "Trường THPT Việt Bắc", K.PUBLIC_SERVICE, parent="so-giao-duc-dao-tao"),
    U("truong-thpt-dtnt-tinh", "Trường THPT Dân tộc nội trú tỉnh", K.PUBLIC_SERVICE, parent="so-giao-duc-dao-tao"),
    U("truong-thpt-loc-binh", "Trường THPT Lộc Bình", K.PUBLIC_SERVICE, parent="so-giao-duc-dao-tao"),
    U("truong-thpt-huu-lung", "Trường THPT Hữu Lũng", K.PUBLIC_SERVICE, parent="so-giao-duc-dao-tao"),
    U("truong-thpt-dong-dang", "Trường THPT Đồng Đăng", K.PUBLIC_SERVICE, parent="so-giao-duc-dao-tao"),
    # Health units under the Sở Y tế.
    U("trung-tam-kiem-soat-benh-tat", "Trung tâm Kiểm soát bệnh tật tỉnh", K.PUBLIC_SERVICE, parent="so-y-te",
      short_name="CDC Lạng Sơn"),
    U("benh-vien-phoi", "Bệnh viện Phổi tỉnh", K.PUBLIC_SERVICE, parent="so-y-te"),
    U("benh-vien-y-duoc-co-truyen", "Bệnh viện Y dược cổ truyền tỉnh", K.PUBLIC_SERVICE, parent="so-y-te"),
    U("trung-tam-y-te-tp-lang-son", "Trung tâm Y tế thành phố Lạng Sơn", K.PUBLIC_SERVICE, parent="so-y-te",
      **DISTRICT_NAMED),
    U("trung-tam-y-te-huyen-cao-loc", "Trung tâm Y tế huyện Cao Lộc", K.PUBLIC_SERVICE, parent="so-y-te",
      **DISTRICT_NAMED),
    # Other sub-units.
    U("bao-tang-tinh", "Bảo tàng tỉnh", K.PUBLIC_SERVICE, parent="so-van-hoa-the-thao-du-lich"),
    U("chi-cuc-kiem-lam", "Chi cục Kiểm lâm", K.DIVISION, parent="so-nong-nghiep-ptnt"),
    U("cong-an-tp-lang-son", "Công an thành phố Lạng Sơn", K.DIVISION, parent="cong-an-tinh", **DISTRICT_NAMED),
    U("cong-an-huyen-cao-loc", "Công an huyện Cao Lộc", K.DIVISION, parent="cong-an-tinh", **DISTRICT_NAMED),
    U("don-bien-phong-huu-nghi", "Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị", K.DIVISION,
      parent="bo-chi-huy-bien-phong-tinh"),
    U("don-bien-phong-tan-thanh", "Đồn Biên phòng Tân Thanh", K.DIVISION, parent="bo-chi-huy-bien-phong-tinh"),
    U("don-bien-phong-chi-ma", "Đồn Biên phòng Chi Ma", K.DIVISION, parent="bo-chi-huy-bien-phong-tinh"),
    U("don-bien-phong-coc-nam", "Đồn Biên phòng Cốc Nam", K.DIVISION, parent="bo-chi-huy-bien-phong-tinh"),
    U("chi-cuc-thue-tp-lang-son", "Chi cục Thuế thành phố Lạng Sơn", K.DIVISION, parent="cuc-thue-tinh",
      **DISTRICT_NAMED),
    U("bhxh-huyen-huu-lung", "Bảo hiểm xã hội huyện Hữu Lũng", K.DIVISION, parent="bao-hiem-xa-hoi-tinh",
      **DISTRICT_NAMED),
    # Enterprises (Khối các doanh nghiệp).
    U("cong-ty-cap-thoat-nuoc-lang-son", "Công ty Cổ phần Cấp thoát nước Lạng Sơn", K.ENTERPRISE),
    U("cong-ty-xo-so-kien-thiet-lang-son", "Công ty TNHH MTV Xổ số kiến thiết Lạng Sơn", K.ENTERPRISE),
    U("cong-ty-than-na-duong", "Công ty Than Na Dương - VVMI", K.ENTERPRISE),
    U("cong-ty-lam-nghiep-dinh-lap", "Công ty TNHH MTV Lâm nghiệp Đình Lập", K.ENTERPRISE),
    U("agribank-lang-son", "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam - Chi nhánh tỉnh Lạng Sơn",
      K.ENTERPRISE, short_name="Agribank Lạng Sơn"),
    # Public-service units directly under the province (Khối các đơn vị sự nghiệp).
    U("dai-phat-thanh-truyen-hinh-tinh", "Đài Phát thanh và Truyền hình tỉnh", K.PUBLIC_SERVICE,
      short_name="Đài PT-TH tỉnh"),
    U("truong-cao-dang-su-pham", "Trường Cao đẳng Sư phạm Lạng Sơn", K.PUBLIC_SERVICE),
    U("truong-cao-dang-nghe", "Trường Cao đẳng nghề Lạng Sơn", K.PUBLIC_SERVICE),
]

CLUSTERS: list[C] = [
    C(
        "khoi-doanh-nghiep",
        "Khối các doanh nghiệp",
        ClusterKind.BLOCK,
        ("cong-ty-dien-luc-lang-son", "vien-thong-lang-son", "cong-ty-cap-thoat-nuoc-lang-son",
         "cong-ty-xo-so-kien-thiet-lang-son", "cong-ty-than-na-duong", "cong-ty-lam-nghiep-dinh-lap",
         "agribank-lang-son"),
        ("vien-thong-lang-son", "cong-ty-dien-luc-lang-son", "agribank-lang-son", "cong-ty-cap-thoat-nuoc-lang-son"),
        "Các doanh nghiệp, ngân hàng trên địa bàn tỉnh (khối minh họa).",
    ),
    C(
        "khoi-don-vi-su-nghiep",
        "Khối các đơn vị sự nghiệp",
        ClusterKind.BLOCK,
        ("dai-phat-thanh-truyen-hinh-tinh", "truong-cao-dang-su-pham", "truong-cao-dang-nghe"),
        ("truong-cao-dang-su-pham", "dai-phat-thanh-truyen-hinh-tinh", "truong-cao-dang-nghe",
         "truong-cao-dang-su-pham"),
        "Các đơn vị sự nghiệp trực thuộc UBND tỉnh (khối minh họa).",
    ),
]

# --- persons (ILLUSTRATIVE: fictional names in posts held by many people) ---------------------------------

M, F = Gender.MALE, Gender.FEMALE
W = P.DIRECT_WORKER
PEOPLE: list[PersonSpec] = [
    PersonSpec("Nông Thị Thu Hà", F, "Điều dưỡng Khoa Hồi sức tích cực - Chống độc", "benh-vien-da-khoa-tinh", W),
    PersonSpec("Lăng Văn Hưng", M, "Chuyên viên Sở Nội vụ", "so-noi-vu", W),
    PersonSpec("Lộc Văn Tuấn", M, "Viên chức Bảo tàng tỉnh", "bao-tang-tinh", W),
    PersonSpec("Hoàng Văn Sơn", M, "Công chức Văn hóa - Xã hội xã Đề Thám", "xa-de-tham", W),
    PersonSpec("Hứa Văn Long", M, "Công chức Địa chính - Xây dựng xã Hiệp Hạ", "xa-hiep-ha", W),
    PersonSpec("Triệu Thị Hoa", F, "Hội viên Chi hội Nông dân thôn Nà Pẻo", "thon-na-peo", W),
    PersonSpec("Nguyễn Thị Thanh Hương", F, "Công chức Văn phòng - Thống kê phường Hoàng Văn Thụ",
               "phuong-hoang-van-thu", W),
    PersonSpec("Đinh Quang Huy", M, "Chuyên viên Phòng Quản lý đô thị thành phố Lạng Sơn", "tp-lang-son", W),
    PersonSpec("Chu Thị Ngọc Ánh", F, "Chuyên viên Trung tâm Phục vụ hành chính công tỉnh", "trung-tam-phuc-vu-hcc",
               W),
    PersonSpec("Mã Văn Toàn", M, "Chuyên viên Văn phòng UBND tỉnh", "van-phong-ubnd-tinh", W),
    PersonSpec("Lương Thị Thu Trang", F, "Giáo viên", "truong-thpt-chuyen-chu-van-an", W),
    PersonSpec("Hoàng Thị Minh Nguyệt", F, "Giáo viên", "truong-thpt-viet-bac", W),
    PersonSpec("Đặng Văn Khánh", M, "Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính", "so-tai-chinh", W),
    PersonSpec("Lành Thị Thu", F, "Công chức Cục Thuế tỉnh", "cuc-thue-tinh", W),
    PersonSpec("Nông Văn Quyết", M, "Cán bộ Phòng Cảnh sát giao thông, Công an tỉnh", "cong-an-tinh", W),
    PersonSpec("Hoàng Văn Dũng", M, "Công chức Văn hóa - Xã hội thị trấn Đồng Đăng", "thi-tran-dong-dang", W),
    PersonSpec("Phùng Thị Hồng", F, "Chuyên viên Sở Kế hoạch và Đầu tư", "so-ke-hoach-dau-tu", W),
    PersonSpec("Dương Thị Lan", F, "Chuyên viên Ủy ban MTTQ Việt Nam tỉnh", "uy-ban-mttq-tinh", W),
    PersonSpec("Hà Văn Nam", M, "Nông dân sản xuất, kinh doanh giỏi", "xa-hoang-dong", W),
    PersonSpec("Lộc Văn Định", M, "Cán bộ Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị", "don-bien-phong-huu-nghi", W),
    PersonSpec("Hoàng Thị Hạnh", F, "Bác sĩ Trung tâm Kiểm soát bệnh tật tỉnh", "trung-tam-kiem-soat-benh-tat", W),
    PersonSpec("Lưu Văn Tâm", M, "Bác sĩ Khoa Truyền nhiễm, Bệnh viện Đa khoa tỉnh", "benh-vien-da-khoa-tinh", W),
    PersonSpec("Hoàng Văn Tú", M, "Cán bộ Đồn Biên phòng Tân Thanh", "don-bien-phong-tan-thanh", W),
    PersonSpec("Chu Văn Lợi", M, "Công chức Lao động - Thương binh và Xã hội xã Hồng Phong", "xa-hong-phong", W),
    PersonSpec("Vi Thị Hường", F, "Chuyên viên Sở Lao động - Thương binh và Xã hội", "so-lao-dong-tbxh", W),
    PersonSpec("Lý Thị Mai", F, "Công chức Văn hóa - Xã hội xã Hoàng Đồng", "xa-hoang-dong", W),
    PersonSpec("Tô Văn Hiếu", M, "Thành viên Ban công tác Mặt trận khu dân cư, phường Vĩnh Trại", "phuong-vinh-trai",
               W),
]

# --- signers ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignerSpec:
    full_name: str
    position: str
    capacity: str
    valid_from: D
    valid_to: D | None


PHAM_NGOC_THUONG = SignerSpec("Phạm Ngọc Thưởng", "Chủ tịch UBND tỉnh", SignerCapacity.CHAIR,
                              D(2016, 4, 22), D(2020, 2, 10))
HO_TIEN_THIEU = SignerSpec("Hồ Tiến Thiệu", "Chủ tịch UBND tỉnh", SignerCapacity.CHAIR,
                           D(2020, 7, 17), D(2025, 10, 19))
DUONG_XUAN_HUYEN = SignerSpec("Dương Xuân Huyên", "Phó Chủ tịch UBND tỉnh", SignerCapacity.ON_BEHALF,
                              D(2019, 1, 17), D(2025, 10, 20))
SIGNERS = [PHAM_NGOC_THUONG, HO_TIEN_THIEU, DUONG_XUAN_HUYEN]

# --- accounts -----------------------------------------------------------------------------------------

STAFF = "bantdkt"
UNIT_ACCOUNTS = {"so-giao-duc-dao-tao": "donvi"}  # existing demo officer; other units get demo-officer-<code>
COUNCIL_MEMBERS = [
    # (username, full name, position): Dương Xuân Huyên is named in the article; the others are fictional.
    ("demo-council-1", "Dương Xuân Huyên", "Phó Chủ tịch UBND tỉnh, Phó Chủ tịch thứ nhất Hội đồng Thi đua - "
                                           "Khen thưởng tỉnh"),
    ("demo-council-2", "Nguyễn Văn Hòa", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-3", "Hoàng Thị Thanh", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-4", "Lương Văn Đức", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-5", "Vi Văn Quang", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-6", "Nông Thị Hằng", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-7", "Trần Minh Tuấn", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-8", "Lộc Thị Nga", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("demo-council-9", "Đinh Văn Thắng", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh"),
]
ACCOUNTS_JOINED = D(2019, 9, 3)

# --- reference rows (upserted on every run) ----------------------------------------------------------


def _seed_units() -> None:
    by_code = {u.code: u for u in Unit.objects.all()}
    for index, spec in enumerate(UNITS, start=1):
        by_code[spec.code] = upsert(
            Unit,
            {"code": spec.code},
            {
                "name": spec.name, "short_name": spec.short_name, "kind": spec.kind,
                "parent": by_code[spec.parent] if spec.parent else None,
                "valid_from": spec.valid_from, "valid_to": spec.valid_to,
                "sort_order": SORT_ORDER_START + index * 10,
            },
        )


def _seed_clusters() -> None:
    units = {u.code: u for u in Unit.objects.all()}
    for index, spec in enumerate(CLUSTERS, start=len(PROVINCE_CLUSTERS) + 1):
        cluster = upsert(
            EmulationCluster,
            {"code": spec.code},
            {"name": spec.name, "kind": spec.kind, "description": spec.description, "valid_to": spec.valid_to,
             "sort_order": index * 10},
        )
        for offset, year in enumerate(YEARS):
            for code in spec.members:
                upsert(ClusterMembership, {"unit": units[code], "year": year}, {"cluster": cluster})
            upsert(
                ClusterYear,
                {"cluster": cluster, "year": year},
                {"leader": units[spec.rotation[offset]], "deputy": units[spec.rotation[offset + 1]],
                 "note": "Trưởng, phó cụm/khối luân phiên theo năm (dữ liệu minh họa)."},
            )


def _seed_people() -> None:
    units = {u.code: u for u in Unit.objects.all()}
    for spec in PEOPLE:
        upsert(
            Person,
            {"full_name": spec.full_name, "unit": units[spec.unit]},
            {"gender": spec.gender, "position": spec.position, "category": spec.category},
        )


def _seed_signers() -> dict[str, Signer]:
    province = province_body()
    return {
        spec.full_name: upsert(
            Signer,
            {"full_name": spec.full_name, "capacity": spec.capacity},
            {"position": spec.position, "body": province, "valid_from": spec.valid_from,
             "valid_to": spec.valid_to},
        )
        for spec in SIGNERS
    }


def _account(username: str, full_name: str, position: str, role: str, unit: Unit | None = None) -> User:
    """Upsert a demo account that cannot log in (unusable password, set once)."""
    values = {"full_name": nfc(full_name), "position": nfc(position), "unit": unit, "is_active": True,
              "is_staff": False, "is_superuser": False}
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, date_joined=timezone.make_aware(
            datetime.datetime.combine(ACCOUNTS_JOINED, datetime.time(8))), **values)
        user.set_unusable_password()
        changed = True
    else:
        changed = False
        for name, value in values.items():
            if differs(user, name, value):
                setattr(user, name, value)
                changed = True
        if user.has_usable_password():
            user.set_unusable_password()
            changed = True
    if changed:
        user.full_clean()
        user.save()
    user.groups.set([Group.objects.get(name=role)])
    return User.objects.get(pk=user.pk)  # fresh: roles are cached on the instance


def _seed_users(proposers: list[str]) -> dict[str, User]:
    units = {u.code: u for u in Unit.objects.all()}
    officers = {code: User.objects.get(username=username) for code, username in UNIT_ACCOUNTS.items()}
    for code in proposers:
        unit = units[code]
        officers[code] = _account(
            f"demo-officer-{code}", f"Cán bộ thi đua - khen thưởng ({unit.display_short})",
            f"Phụ trách công tác thi đua - khen thưởng, {unit.name} (tài khoản minh họa)", Role.UNIT_OFFICER, unit)
    for username, full_name, position in COUNCIL_MEMBERS:
        _account(username, full_name, position, Role.COUNCIL_MEMBER)
    return officers



def seed_cast(proposers: list[str]) -> tuple[dict[str, Signer], dict[str, User]]:
    """Upsert the extra units, clusters, persons, signers and accounts (``proposers``: codes of the units whose
    officer gets a demo account); return the signers by full name and the unit officers by unit code."""
    _seed_units()
    _seed_clusters()
    _seed_people()
    signers = _seed_signers()
    return signers, _seed_users(proposers)
