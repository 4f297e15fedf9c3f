"""The award figures of the two articles, as real records made by the product's own services.

Every dossier is built by a unit officer, submitted, received and appraised by ``bantdkt``; Cờ thi đua goes
through a council session; provincial awards are written by drafted and published decisions, central ones by
forwarded dossiers whose central decisions are recorded. Counts reproduced (``Award`` rows):

* 2019 (tổng kết 31/10/2019): Bằng khen of the Chủ tịch UBND tỉnh for 27 tập thể, 24 cá nhân and 02 hộ gia
  đình, one decision dated 31/10/2019 signed by Chủ tịch Phạm Ngọc Thưởng (he handed the Bằng khen).
* 2020 (conference of 06/02/2021): 04 tập thể with Huân chương Lao động (1 Nhất, 1 Nhì, 2 Ba; thành tích
  2015 - 2019, so the dossiers are of achievement year 2019); 16 tập thể, cá nhân (9 + 7) with Bằng khen of
  the Thủ tướng; 36 tập thể with Cờ thi đua of the UBND tỉnh (signed by Chủ tịch Hồ Tiến Thiệu, who handed
  them); 29 tập thể with Bằng khen of the UBND tỉnh from the cụm, khối reviews (signed KT. Chủ tịch by Phó
  Chủ tịch Dương Xuân Huyên, who handed them). Every decision is dated in 2020, so they count as year 2020.

Sources and certainty:

* From the articles: the counts, the reasons, who handed what, the named persons and households, the 2019
  themes and figures quoted in the achievements.
* Signers: Phạm Ngọc Thưởng, Chủ tịch from 22/4/2016 until his appointment as Thứ trưởng Bộ GD&ĐT
  (QĐ 242/QĐ-TTg, February 2020; the end day is ASSUMED); Hồ Tiến Thiệu, Chủ tịch from 17/7/2020 (his end
  day is ASSUMED: his successor was elected on 20/10/2025); Dương Xuân Huyên, Phó Chủ tịch from 17/01/2019
  until 20/10/2025 (press reports of the HĐND sessions).
* ILLUSTRATIVE (the articles give counts only): which collectives and individuals received each award,
  the 27 individuals other than the four named ones (fictional names holding non-unique posts), the units
  proposing them, every tờ trình number and date, the province's tờ trình to the central level, the central
  decision numbers 2177/QĐ-CTN and 1998/QĐ-TTg, the council session of 24/12/2020 and its members other
  than ``hoidong`` and Dương Xuân Huyên, the two khối thi đua added here (doanh nghiệp, đơn vị sự nghiệp)
  and their rotating leaders. Units named after a district end with the districts (30/6/2025), ASSUMED.
* Attachments are small generated PDFs saying they are demo data: one stored file per kind of document
  (``attachments/demo/``), shared by the demo dossiers, so reloading writes no new files.

Timestamps: the services stamp ``timezone.now()``; the story runs on a demo clock set to its historical
days (``clock``), so nothing depends on the day the loader runs. Decision numbers come from the product's
number sequence (the first demo decisions of 2019 and 2020 get 01, 02, ...).

Idempotence: the records are made once. When the demo dossiers (references ``DEMO19-…``/``DEMO20-…``)
exist, only the reference rows (units, clusters, persons, signers, users) are upserted again.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from awards.catalogue import in_force
from awards.core import uploads
from awards.council import services as council
from awards.decisions import central as central_decisions
from awards.decisions import services as decisions
from awards.demo import cluster_reviews
from awards.demo.base import D, differs, label, upsert
from awards.demo.clusters import CLUSTERS as PROVINCE_CLUSTERS
from awards.demo.clusters import YEARS, C
from awards.demo.people import HOUSEHOLDS, PERSONS, PersonSpec
from awards.demo.units import DISTRICTS_END, U
from awards.dossiers import services, workflow
from awards.enums import AttachmentKind, Authority, CentralOutcome, OccasionType, RecipientKind, Verdict, VoteChoice
from awards.models import (
    AgendaItem,
    Attachment,
    Award,
    CouncilSession,
    Decision,
    DecisionLine,
    Dossier,
    DossierRevision,
    DossierTransition,
    Nomination,
    Signer,
    SignerCapacity,
    Vote,
)
from campaigns.models import Campaign
from units.models import (
    ClusterCriterion,
    ClusterKind,
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearState,
    EmulationCluster,
    Gender,
    Household,
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

# --- the story ------------------------------------------------------------------------------------------

BK_TINH = "bang-khen-chu-tich-ubnd-tinh"
CO_TINH = "co-thi-dua-ubnd-tinh"
BK_TTG = "bang-khen-thu-tuong"
HCLD = {1: "huan-chuong-lao-dong-hang-nhat", 2: "huan-chuong-lao-dong-hang-nhi", 3: "huan-chuong-lao-dong-hang-ba"}


@dataclass(frozen=True)
class Nom:
    """One nomination: exactly one of ``unit`` (code), ``name`` (a collective outside the tree), ``person``
    (full name) or ``household`` (name)."""

    award: str
    unit: str = ""
    name: str = ""
    person: str = ""
    household: str = ""
    achievement: str = ""


@dataclass(frozen=True)
class Proposal:
    """One dossier: the proposing unit and its nominations."""

    reference: str
    unit: str
    title: str
    nominations: tuple[Nom, ...]
    campaign: str | None = None
    minutes_vote: str = ""


@dataclass(frozen=True)
class Batch:
    """Dossiers handled together, with the days of each step."""

    year: int
    occasion: str
    authority: str
    period: str
    achievement: str
    proposed_on: D
    submitted_on: D
    received_on: D
    reviewed_on: D
    proposals: tuple[Proposal, ...]


@dataclass(frozen=True)
class Central:
    """Forwarding a batch upward and the central decision that came back."""

    forward_number: str
    forward_on: D
    decision_number: str
    decided_on: D
    recorded_on: D


def _units(award: str, *codes: str, achievement: str = "") -> tuple[Nom, ...]:
    return tuple(Nom(award, unit=code, achievement=achievement) for code in codes)


def _persons(award: str, *names: str, achievement: str = "") -> tuple[Nom, ...]:
    return tuple(Nom(award, person=name, achievement=achievement) for name in names)


# 2019: Bằng khen of the Chủ tịch UBND tỉnh, tổng kết of the special and peak campaigns.
SPECIAL, PEAK = "dac-biet-2019", "cao-diem-60-ngay-dem-2019"
EXEMPLARY = "Cá nhân tiêu biểu, bám sát cơ sở, có nhiều sáng kiến, giải pháp trong thực hiện nhiệm vụ."
LAND_GIFT = "Hiến đất xây dựng nông thôn mới, làm đường giao thông nông thôn."
GREEN_VILLAGE = "Xây dựng mô hình thôn xanh - sạch - đẹp, vận động nhân dân hiến đất làm đường giao thông nông thôn."
BUDGET = "Thu ngân sách trên địa bàn 9 tháng đầu năm 2019 đạt 5.027 tỷ đồng, bằng 136,3% so với cùng kỳ năm 2018."
EXPRESSWAY = "Góp phần thông xe kỹ thuật dự án cao tốc Bắc Giang - Lạng Sơn (đoạn Bắc Giang - Chi Lăng)."
HVT_CONTEST = "Tổ chức cuộc thi tìm hiểu về cuộc đời hoạt động cách mạng của đồng chí Hoàng Văn Thụ trong học sinh."
TITLE_2019 = "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh tổng kết phong trào thi đua đặc biệt, đợt thi đua cao điểm"


def _p19(number: int, unit: str, *nominations: Nom, campaign: str = SPECIAL) -> Proposal:
    return Proposal(f"DEMO19-{number:03d}", unit, f"{TITLE_2019} năm 2019", tuple(nominations), campaign)


BATCH_2019 = Batch(
    year=2019, occasion=OccasionType.CAMPAIGN, authority=Authority.PROVINCE_CHAIR, period="11/2018 - 10/2019",
    achievement="Có thành tích xuất sắc trong phong trào thi đua đặc biệt và đợt thi đua cao điểm 60 ngày đêm chào "
                "mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ và 188 năm ngày thành lập tỉnh Lạng Sơn.",
    proposed_on=D(2019, 10, 7), submitted_on=D(2019, 10, 8), received_on=D(2019, 10, 9), reviewed_on=D(2019, 10, 18),
    proposals=(
        _p19(1, "so-y-te", *_units(BK_TINH, "benh-vien-da-khoa-tinh"),
             *_persons(BK_TINH, "Hoàng Mạnh Cương", achievement=EXEMPLARY), *_persons(BK_TINH, "Nông Thị Thu Hà")),
        _p19(2, "so-noi-vu", *_units(BK_TINH, "phong-xdcq-cttn"),
             *_persons(BK_TINH, "Nguyễn Khắc Phương", achievement=EXEMPLARY), *_persons(BK_TINH, "Lăng Văn Hưng")),
        _p19(3, "so-van-hoa-the-thao-du-lich", *_units(BK_TINH, "phong-quan-ly-van-hoa", "bao-tang-tinh"),
             *_persons(BK_TINH, "Hà Thị Lư", achievement=EXEMPLARY), *_persons(BK_TINH, "Lộc Văn Tuấn")),
        _p19(4, "huyen-trang-dinh", *_units(BK_TINH, "xa-de-tham"),
             *_units(BK_TINH, "thon-na-ao-2", achievement=GREEN_VILLAGE),
             *_persons(BK_TINH, "Lương Thị Bình", achievement=EXEMPLARY), *_persons(BK_TINH, "Hoàng Văn Sơn")),
        _p19(5, "huyen-loc-binh", *_units(BK_TINH, "xa-hiep-ha"),
             *_units(BK_TINH, "thon-ban-dooc", achievement=GREEN_VILLAGE), *_persons(BK_TINH, "Hứa Văn Long"),
             Nom(BK_TINH, household="Gia đình ông Vi Thanh Liêm", achievement=LAND_GIFT), campaign=PEAK),
        _p19(6, "huyen-dinh-lap", *_units(BK_TINH, "xa-bac-lang"),
             *_units(BK_TINH, "thon-na-peo", achievement=GREEN_VILLAGE), *_persons(BK_TINH, "Triệu Thị Hoa"),
             Nom(BK_TINH, household="Gia đình ông Lương Hồng Chắn", achievement=LAND_GIFT), campaign=PEAK),
        _p19(7, "tp-lang-son", *_units(BK_TINH, "phuong-hoang-van-thu", "phuong-chi-lang"),
             *_persons(BK_TINH, "Nguyễn Thị Thanh Hương", "Đinh Quang Huy")),
        _p19(8, "van-phong-ubnd-tinh",
             *_units(BK_TINH, "trung-tam-phuc-vu-hcc", achievement="Từ đầu năm 2019 tiếp nhận 12.537 hồ sơ, giải "
                     "quyết trước hạn và đúng hạn đạt 99,08%."),
             *_persons(BK_TINH, "Chu Thị Ngọc Ánh", "Mã Văn Toàn"), campaign=PEAK),
        _p19(9, "so-giao-duc-dao-tao",
             *_units(BK_TINH, "truong-thpt-chuyen-chu-van-an", "truong-thpt-viet-bac", achievement=HVT_CONTEST),
             *_persons(BK_TINH, "Lương Thị Thu Trang", "Hoàng Thị Minh Nguyệt")),
        _p19(10, "so-tai-chinh", Nom(BK_TINH, name="Phòng Quản lý ngân sách", achievement=BUDGET),
             *_persons(BK_TINH, "Đặng Văn Khánh"), campaign=PEAK),
        _p19(11, "cuc-thue-tinh", *_units(BK_TINH, "cuc-thue-tinh", achievement=BUDGET),
             *_persons(BK_TINH, "Lành Thị Thu")),
        _p19(12, "cong-an-tinh", Nom(BK_TINH, name="Phòng Cảnh sát giao thông", achievement="Bảo đảm an toàn tuyệt "
                                     "đối các sự kiện chính trị lớn của tỉnh năm 2019."),
             *_persons(BK_TINH, "Nông Văn Quyết")),
        _p19(13, "huyen-cao-loc",
             *_units(BK_TINH, "thi-tran-dong-dang", achievement="Phục vụ tốt việc đón, tiễn Đoàn Chủ tịch Đảng Lao "
                     "động Triều Tiên qua ga Đồng Đăng."),
             *_persons(BK_TINH, "Hoàng Văn Dũng")),
        _p19(14, "so-ke-hoach-dau-tu",
             *_units(BK_TINH, "so-ke-hoach-dau-tu", achievement="Tổ chức thành công Hội nghị xúc tiến đầu tư tỉnh "
                     "Lạng Sơn năm 2019."),
             *_persons(BK_TINH, "Phùng Thị Hồng")),
        _p19(15, "so-khoa-hoc-cong-nghe",
             *_units(BK_TINH, "so-khoa-hoc-cong-nghe", achievement="Tổ chức thành công Ngày hội khởi nghiệp đổi mới "
                     "sáng tạo tỉnh Lạng Sơn năm 2019.")),
        _p19(16, "huyen-chi-lang", *_units(BK_TINH, "thi-tran-dong-mo", achievement=EXPRESSWAY)),
        _p19(17, "uy-ban-mttq-tinh",
             *_units(BK_TINH, "uy-ban-mttq-tinh", achievement="Vận động quyên góp làm đường giao thông nông thôn, "
                     "xây dựng nông thôn mới được trên 20 tỷ đồng."),
             *_persons(BK_TINH, "Dương Thị Lan")),
        _p19(18, "so-giao-thong-van-tai", *_units(BK_TINH, "so-giao-thong-van-tai", achievement=EXPRESSWAY)),
        _p19(19, "bo-chi-huy-bien-phong-tinh", *_units(BK_TINH, "don-bien-phong-huu-nghi"),
             *_persons(BK_TINH, "Lộc Văn Định")),
        _p19(20, "huyen-huu-lung", *_units(BK_TINH, "thi-tran-huu-lung", achievement=EXPRESSWAY)),
        _p19(21, "huyen-van-lang", *_units(BK_TINH, "thi-tran-na-sam")),
        _p19(22, "hoi-nong-dan-tinh", *_persons(BK_TINH, "Hà Văn Nam")),
    ),
)

# 2020, central: Huân chương Lao động (thành tích 2015 - 2019) and Bằng khen of the Thủ tướng.
MERIT_2015_2019 = ("Có thành tích xuất sắc trong công tác từ năm 2015 đến năm 2019, góp phần vào sự nghiệp xây dựng "
                   "chủ nghĩa xã hội và bảo vệ Tổ quốc.")
BATCH_ORDERS = Batch(
    year=2019, occasion=OccasionType.MERIT, authority=Authority.PRESIDENT, period="2015 - 2019",
    achievement=MERIT_2015_2019,
    proposed_on=D(2020, 3, 10), submitted_on=D(2020, 3, 11), received_on=D(2020, 3, 12), reviewed_on=D(2020, 3, 20),
    proposals=(
        Proposal("DEMO20-H01", "so-giao-duc-dao-tao", "Đề nghị Chủ tịch nước tặng Huân chương Lao động",
                 (*_units(HCLD[1], "so-giao-duc-dao-tao"), *_units(HCLD[3], "truong-thpt-chuyen-chu-van-an"))),
        Proposal("DEMO20-H02", "so-y-te", "Đề nghị Chủ tịch nước tặng Huân chương Lao động",
                 _units(HCLD[2], "benh-vien-da-khoa-tinh")),
        Proposal("DEMO20-H03", "ban-quan-ly-kkt-cua-khau", "Đề nghị Chủ tịch nước tặng Huân chương Lao động",
                 _units(HCLD[3], "ban-quan-ly-kkt-cua-khau")),
    ),
)
ORDERS_CENTRAL = Central("45/TTr-UBND", D(2020, 5, 14), "2177/QĐ-CTN", D(2020, 12, 28), D(2021, 1, 8))

COVID = "Có thành tích xuất sắc trong công tác phòng, chống dịch Covid-19."
POVERTY = ("Có thành tích xuất sắc trong phong trào thi đua \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại "
           "phía sau\" giai đoạn 2016 - 2020.")
CULTURE = ("Có thành tích xuất sắc trong phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\".")
TITLE_TTG = "Đề nghị Thủ tướng Chính phủ tặng Bằng khen"
BATCH_PM = Batch(
    year=2020, occasion=OccasionType.CAMPAIGN, authority=Authority.PRIME_MINISTER, period="Năm 2020",
    achievement=COVID,
    proposed_on=D(2020, 9, 21), submitted_on=D(2020, 9, 22), received_on=D(2020, 9, 23), reviewed_on=D(2020, 10, 5),
    proposals=(
        Proposal("DEMO20-T01", "so-y-te", f"{TITLE_TTG} (phòng, chống dịch Covid-19)",
                 (*_units(BK_TTG, "trung-tam-kiem-soat-benh-tat", "benh-vien-phoi", "trung-tam-y-te-tp-lang-son"),
                  *_persons(BK_TTG, "Hoàng Thị Hạnh", "Lưu Văn Tâm"))),
        Proposal("DEMO20-T02", "bo-chi-huy-bien-phong-tinh", f"{TITLE_TTG} (phòng, chống dịch Covid-19)",
                 (*_units(BK_TTG, "don-bien-phong-huu-nghi", "don-bien-phong-tan-thanh"),
                  *_persons(BK_TTG, "Hoàng Văn Tú"))),
        Proposal("DEMO20-T03", "so-lao-dong-tbxh", f"{TITLE_TTG} (Cả nước chung tay vì người nghèo)",
                 (*_units(BK_TTG, "xa-hong-phong", "huyen-dinh-lap", achievement=POVERTY),
                  *_persons(BK_TTG, "Chu Văn Lợi", "Vi Thị Hường", achievement=POVERTY))),
        Proposal("DEMO20-T04", "uy-ban-mttq-tinh", f"{TITLE_TTG} (Toàn dân đoàn kết xây dựng đời sống văn hóa)",
                 (*_units(BK_TTG, "xa-hoang-dong", "thon-na-ao-2", achievement=CULTURE),
                  *_persons(BK_TTG, "Lý Thị Mai", "Tô Văn Hiếu", achievement=CULTURE))),
    ),
)
PM_CENTRAL = Central("152/TTr-UBND", D(2020, 10, 20), "1998/QĐ-TTg", D(2020, 12, 15), D(2020, 12, 21))

# 2020, provincial: the cụm, khối reviews (one Cờ and Bằng khen each) and the Cờ proposed by districts and sectors.
LEADING = "Hoàn thành xuất sắc nhiệm vụ công tác, dẫn đầu phong trào thi đua yêu nước của tỉnh năm 2020."


@dataclass(frozen=True)
class Review:
    """The 2020 review of one cụm or khối: its 2020 leader proposes the flag and the Bằng khen."""

    cluster: str
    proposer: str
    flag: str
    merit: tuple[str, ...]


REVIEWS: list[Review] = [
    Review("cum-huyen-noi-dia", "huyen-huu-lung", "huyen-huu-lung", ("tp-lang-son", "huyen-chi-lang", "huyen-bac-son")),
    Review("cum-huyen-bien-gioi", "huyen-van-lang", "huyen-cao-loc",
           ("huyen-van-lang", "huyen-loc-binh", "huyen-trang-dinh")),
    Review("khoi-co-quan-tong-hop", "so-tai-chinh", "so-tai-chinh",
           ("van-phong-ubnd-tinh", "so-tu-phap", "thanh-tra-tinh", "ban-dan-toc")),
    Review("khoi-co-quan-kinh-te", "so-xay-dung", "ban-quan-ly-kkt-cua-khau",
           ("so-cong-thuong", "so-nong-nghiep-ptnt", "so-xay-dung", "so-tai-nguyen-moi-truong")),
    Review("khoi-co-quan-van-hoa-xa-hoi", "so-y-te", "so-y-te", ("so-van-hoa-the-thao-du-lich", "so-lao-dong-tbxh")),
    Review("khoi-co-quan-trung-uong", "bo-chi-huy-quan-su-tinh", "bo-chi-huy-bien-phong-tinh",
           ("cong-an-tinh", "kho-bac-nha-nuoc-tinh", "bao-hiem-xa-hoi-tinh")),
    Review("khoi-dang-doan-the", "lien-doan-lao-dong-tinh", "lien-doan-lao-dong-tinh",
           ("tinh-doan", "hoi-lien-hiep-phu-nu-tinh", "hoi-cuu-chien-binh-tinh", "hoi-nong-dan-tinh")),
    Review("khoi-doanh-nghiep", "cong-ty-dien-luc-lang-son", "cong-ty-dien-luc-lang-son",
           ("vien-thong-lang-son", "cong-ty-cap-thoat-nuoc-lang-son", "cong-ty-than-na-duong", "agribank-lang-son")),
    Review("khoi-don-vi-su-nghiep", "dai-phat-thanh-truyen-hinh-tinh", "dai-phat-thanh-truyen-hinh-tinh",
           ("truong-cao-dang-su-pham", "truong-cao-dang-nghe")),
]

# Cờ thi đua proposed by districts (one commune each) and by sectors for their own units.
FLAGS: list[tuple[str, tuple[str, ...]]] = [
    ("tp-lang-son", ("phuong-vinh-trai",)),
    ("huyen-trang-dinh", ("thi-tran-that-khe",)),
    ("huyen-van-lang", ("xa-tan-my",)),
    ("huyen-van-quan", ("xa-trang-cac",)),
    ("huyen-binh-gia", ("xa-hoa-tham",)),
    ("huyen-bac-son", ("xa-vu-le",)),
    ("huyen-huu-lung", ("xa-yen-thinh",)),
    ("huyen-chi-lang", ("xa-quang-lang",)),
    ("huyen-cao-loc", ("xa-tan-lien",)),
    ("huyen-loc-binh", ("thi-tran-na-duong",)),
    ("huyen-dinh-lap", ("xa-kien-moc",)),
    ("so-giao-duc-dao-tao", ("truong-thpt-viet-bac", "truong-thpt-dtnt-tinh", "truong-thpt-loc-binh",
                             "truong-thpt-huu-lung", "truong-thpt-dong-dang")),
    ("so-y-te", ("trung-tam-kiem-soat-benh-tat", "benh-vien-y-duoc-co-truyen", "trung-tam-y-te-huyen-cao-loc")),
    ("cong-an-tinh", ("cong-an-tp-lang-son", "cong-an-huyen-cao-loc")),
    ("bo-chi-huy-bien-phong-tinh", ("don-bien-phong-chi-ma", "don-bien-phong-coc-nam")),
    ("so-nong-nghiep-ptnt", ("chi-cuc-kiem-lam",)),
    ("cuc-thue-tinh", ("chi-cuc-thue-tp-lang-son",)),
    ("bao-hiem-xa-hoi-tinh", ("bhxh-huyen-huu-lung",)),
    ("so-van-hoa-the-thao-du-lich", ("bao-tang-tinh",)),
]

CLUSTER_NAMES = {
    "cum-huyen-noi-dia": "Cụm thi đua các huyện nội địa",
    "cum-huyen-bien-gioi": "Cụm thi đua các huyện biên giới",
    "khoi-co-quan-tong-hop": "Khối các cơ quan tổng hợp",
    "khoi-co-quan-kinh-te": "Khối các cơ quan kinh tế",
    "khoi-co-quan-van-hoa-xa-hoi": "Khối các cơ quan văn hóa - xã hội",
    "khoi-co-quan-trung-uong": "Khối các cơ quan Trung ương",
    "khoi-dang-doan-the": "Khối Đảng, đoàn thể",
    "khoi-doanh-nghiep": "Khối các doanh nghiệp",
    "khoi-don-vi-su-nghiep": "Khối các đơn vị sự nghiệp",
}


def _provincial_2020() -> tuple[Proposal, ...]:
    proposals = []
    for number, review in enumerate(REVIEWS, start=1):
        name = CLUSTER_NAMES[review.cluster]
        proposals.append(Proposal(
            f"DEMO20-{number:03d}", review.proposer, f"Đề nghị khen thưởng tổng kết {name} năm 2020",
            (*_units(CO_TINH, review.flag, achievement=f"Dẫn đầu {name} năm 2020."),
             *_units(BK_TINH, *review.merit, achievement=f"Có thành tích xuất sắc, được bình xét trong {name} năm "
                                                          "2020.")),
            minutes_vote=f"Biên bản họp tổng kết {name}: các đơn vị thành viên thống nhất 100 %",
        ))
    for number, (proposer, codes) in enumerate(FLAGS, start=len(REVIEWS) + 1):
        proposals.append(Proposal(
            f"DEMO20-{number:03d}", proposer, "Đề nghị tặng Cờ thi đua của UBND tỉnh năm 2020",
            _units(CO_TINH, *codes), minutes_vote="Hội đồng Thi đua - Khen thưởng đơn vị: 100 % thành viên đồng ý",
        ))
    return tuple(proposals)


REVIEW_OF = {f"DEMO20-{number:03d}": review for number, review in enumerate(REVIEWS, start=1)}
ROTATIONS = {spec.code: spec.rotation for spec in [*PROVINCE_CLUSTERS, *CLUSTERS]}
CLUSTER_SIZES = {spec.code: len(spec.members) for spec in [*PROVINCE_CLUSTERS, *CLUSTERS]}

BATCH_2020 = Batch(
    year=2020, occasion=OccasionType.MERIT, authority=Authority.PROVINCE_CHAIR, period="Năm 2020", achievement=LEADING,
    proposed_on=D(2020, 12, 7), submitted_on=D(2020, 12, 8), received_on=D(2020, 12, 9), reviewed_on=D(2020, 12, 17),
    proposals=_provincial_2020(),
)

COUNCIL_TITLE = "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét tặng Cờ thi đua của UBND tỉnh năm 2020"
COUNCIL_PLACE = "Trụ sở UBND tỉnh Lạng Sơn"
COUNCIL_CREATED, COUNCIL_HELD = D(2020, 12, 21), D(2020, 12, 24)


@dataclass(frozen=True)
class DecisionSpec:
    batch: Batch
    award: str
    signer: SignerSpec
    drafted_on: D
    decided_on: D
    reason: str


DECISIONS = [
    DecisionSpec(BATCH_2019, BK_TINH, PHAM_NGOC_THUONG, D(2019, 10, 28), D(2019, 10, 31),
                 "đã có thành tích xuất sắc trong phong trào thi đua đặc biệt và đợt thi đua cao điểm 60 ngày đêm chào "
                 "mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ (04/11/1909 - 04/11/2019) và 188 năm ngày "
                 "thành lập tỉnh Lạng Sơn (04/11/1831 - 04/11/2019)"),
    DecisionSpec(BATCH_2020, CO_TINH, HO_TIEN_THIEU, D(2020, 12, 28), D(2020, 12, 30),
                 "đã hoàn thành xuất sắc nhiệm vụ công tác, dẫn đầu phong trào thi đua yêu nước của tỉnh năm 2020"),
    DecisionSpec(BATCH_2020, BK_TINH, DUONG_XUAN_HUYEN, D(2020, 12, 28), D(2020, 12, 30),
                 "đã có thành tích xuất sắc, được bình xét trong các cụm thi đua năm 2020"),
]

BATCHES = [BATCH_2019, BATCH_ORDERS, BATCH_PM, BATCH_2020]
REFERENCES = [proposal.reference for batch in BATCHES for proposal in batch.proposals]

# Tờ trình symbols of the proposing units ("12/TTr-SYT"); districts sign as UBND.
SYMBOLS = {
    "so-y-te": "SYT", "so-noi-vu": "SNV", "so-van-hoa-the-thao-du-lich": "SVHTTDL", "van-phong-ubnd-tinh": "VP",
    "so-giao-duc-dao-tao": "SGDĐT", "so-tai-chinh": "STC", "cuc-thue-tinh": "CT", "cong-an-tinh": "CAT",
    "so-ke-hoach-dau-tu": "SKHĐT", "so-khoa-hoc-cong-nghe": "SKHCN", "uy-ban-mttq-tinh": "MTTQ",
    "so-giao-thong-van-tai": "SGTVT", "bo-chi-huy-bien-phong-tinh": "BCH", "hoi-nong-dan-tinh": "HND",
    "ban-quan-ly-kkt-cua-khau": "BQLKKT", "so-lao-dong-tbxh": "SLĐTBXH", "so-xay-dung": "SXD",
    "bo-chi-huy-quan-su-tinh": "BCH", "lien-doan-lao-dong-tinh": "LĐLĐ", "cong-ty-dien-luc-lang-son": "PCLS",
    "dai-phat-thanh-truyen-hinh-tinh": "ĐPTTH", "so-nong-nghiep-ptnt": "SNN", "bao-hiem-xa-hoi-tinh": "BHXH",
}


# --- the demo clock ---------------------------------------------------------------------------------


@contextlib.contextmanager
def clock(day: D, hour: int = 8, minute: int = 0) -> Iterator[None]:
    """Make ``timezone.now()`` read ``day`` at ``hour:minute`` (local time), one second later at each call, so
    every stamp the services write (history, votes, publication) falls on the story's own days, in order."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    ticks = itertools.count()
    with mock.patch("django.utils.timezone.now", lambda: start + datetime.timedelta(seconds=next(ticks))):
        yield


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
    return {
        spec.full_name: upsert(
            Signer,
            {"full_name": spec.full_name, "capacity": spec.capacity},
            {"position": spec.position, "authority": Authority.PROVINCE_CHAIR, "valid_from": spec.valid_from,
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


def _proposers() -> list[str]:
    return sorted({proposal.unit for batch in BATCHES for proposal in batch.proposals} - set(UNIT_ACCOUNTS))


def _seed_users() -> dict[str, User]:
    units = {u.code: u for u in Unit.objects.all()}
    officers = {code: User.objects.get(username=username) for code, username in UNIT_ACCOUNTS.items()}
    for code in _proposers():
        unit = units[code]
        officers[code] = _account(
            f"demo-officer-{code}", f"Cán bộ thi đua - khen thưởng ({unit.display_short})",
            f"Phụ trách công tác thi đua - khen thưởng, {unit.name} (tài khoản minh họa)", Role.UNIT_OFFICER, unit)
    for username, full_name, position in COUNCIL_MEMBERS:
        _account(username, full_name, position, Role.COUNCIL_MEMBER)
    return officers


# --- attachments --------------------------------------------------------------------------------------

ATTACHMENT_NAMES = {
    AttachmentKind.SUBMISSION: ("to-trinh", "Tờ trình đề nghị khen thưởng"),
    AttachmentKind.ACHIEVEMENT_REPORT: ("bao-cao-thanh-tich", "Báo cáo thành tích"),
    AttachmentKind.REVIEW_MINUTES: ("bien-ban-binh-xet", "Biên bản họp bình xét"),
    AttachmentKind.INITIATIVE: ("chung-nhan-sang-kien", "Chứng nhận sáng kiến"),
    AttachmentKind.CONSULTATION: ("van-ban-hiep-y", "Văn bản hiệp y"),
    AttachmentKind.OTHER: ("tai-lieu-khac", "Tài liệu khác"),
}


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode()
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` (accents dropped: the built-in Helvetica font has none)."""
    text = " ".join(f"({_ascii(line)[:95]}) '" for line in lines)
    stream = f"BT /F1 11 Tf 56 800 Td 16 TL {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return out


def demo_file(kind: str) -> tuple[str, uploads.InspectedUpload]:
    """The stored demo PDF of an attachment kind: one generic file per kind, named by its content, written
    once and shared by every demo dossier (a reload writes nothing; the files never change)."""
    slug, heading = ATTACHMENT_NAMES[AttachmentKind(kind)]
    data = demo_pdf(["DU LIEU MAU - KHONG CO GIA TRI PHAP LY", heading, "Tai lieu minh hoa cua ho so de nghi khen "
                     "thuong (du lieu mau tinh Lang Son)."])
    upload = ContentFile(data, name=f"{slug}.pdf")
    inspected = uploads.inspect_upload(upload, settings.ATTACHMENT_MAX_BYTES)
    name = f"attachments/demo/{slug}-{inspected.sha256[:16]}.pdf"
    if not default_storage.exists(name):
        name = default_storage.save(name, upload)
    return name, inspected


def _attach(dossier: Dossier, kind: str, proposal: Proposal, officer: User) -> None:
    name, inspected = demo_file(kind)
    slug = ATTACHMENT_NAMES[AttachmentKind(kind)][0]
    Attachment.objects.create(
        dossier=dossier, kind=kind, file=name, original_name=f"{slug}-{dossier.reference.lower()}.pdf",
        content_type=inspected.content_type, size=inspected.size, sha256=inspected.sha256,
        vote_result=proposal.minutes_vote if kind == AttachmentKind.REVIEW_MINUTES else "",
        uploaded_by=officer,
    )


# --- playing the story ----------------------------------------------------------------------------------


class Story:
    """The demo records, made once through the services, on the demo clock."""

    def __init__(self, officers: dict[str, User], signers: dict[str, Signer]):
        self.officers = officers
        self.signers = signers
        self.staff = User.objects.get(username=STAFF)
        self.units = {u.code: u for u in Unit.objects.all()}
        self.campaigns = {c.code: c for c in Campaign.objects.all()}
        self.person_units = {spec.full_name: spec.unit for spec in [*PERSONS, *PEOPLE] if spec.unit}
        self.households = {spec.name: Household.objects.get(name=spec.name, commune__code=spec.commune)
                           for spec in HOUSEHOLDS}
        self.dossiers: dict[str, Dossier] = {}
        self.cluster_years: dict = {}

    def play(self) -> None:
        self.prepare(BATCH_2019)
        self.decide(DECISIONS[0])
        self.prepare(BATCH_ORDERS)
        self.forward(BATCH_ORDERS, ORDERS_CENTRAL)
        self.prepare(BATCH_PM)
        self.forward(BATCH_PM, PM_CENTRAL)
        self.cluster_years = cluster_reviews.prepare(REVIEWS, self.officers, clock)
        self.prepare(BATCH_2020)
        cluster_reviews.close(self.cluster_years, self.officers, REVIEWS, ROTATIONS, clock)
        self.record_central(BATCH_PM, PM_CENTRAL)
        self.vote(BATCH_2020)
        for spec in DECISIONS[1:]:
            self.decide(spec)
        self.record_central(BATCH_ORDERS, ORDERS_CENTRAL)

    # Unit officers build and send; staff receive and appraise.
    def prepare(self, batch: Batch) -> None:
        for index, proposal in enumerate(batch.proposals):
            officer = self.officers[proposal.unit]
            with clock(batch.proposed_on, 9, index):
                dossier = self.build(batch, proposal, index, officer)
            with clock(batch.submitted_on, 9, index):
                dossier = workflow.transition(dossier, "submit", officer)
            self.dossiers[proposal.reference] = dossier
        for index, proposal in enumerate(batch.proposals):
            with clock(batch.received_on, 8, index):
                self.dossiers[proposal.reference] = workflow.transition(
                    self.dossiers[proposal.reference], "receive", self.staff)
        for index, proposal in enumerate(batch.proposals):
            dossier = self.dossiers[proposal.reference]
            with clock(batch.reviewed_on, 8, index):
                for nomination in dossier.nominations.all():
                    services.set_verdict(nomination, Verdict.ELIGIBLE, "", self.staff)
                dossier = workflow.transition(dossier, "complete_review", self.staff)
                if not services.nominations_needing_vote(dossier).exists():
                    dossier = workflow.transition(dossier, "mark_ready", self.staff)
            self.dossiers[proposal.reference] = dossier

    def build(self, batch: Batch, proposal: Proposal, index: int, officer: User) -> Dossier:
        unit = self.units[proposal.unit]
        symbol = "UBND" if unit.kind == UnitKind.DISTRICT else SYMBOLS.get(proposal.unit, "")
        number = 10 + (batch.proposed_on.toordinal() + index * 37) % 190
        submission_number = f"{number}/TTr-{symbol}" if symbol else f"{number}/TTr"
        review = REVIEW_OF.get(proposal.reference)
        if review is not None:
            # The cụm/khối's proposal is generated from its ranking and quota by units.clusters.services.
            dossier = cluster_reviews.generate(self.cluster_years[review.cluster], officer, proposal.reference,
                                               submission_number, batch.proposed_on)
            generated = list(dossier.nominations.order_by("position").values_list("unit__code", "award_type__code",
                                                                                   "achievement"))
            assert generated == [(n.unit, n.award, n.achievement) for n in proposal.nominations], proposal.reference
            kinds = [k for n in dossier.nominations.all() for k in n.award_type.required_attachments]
            for kind in AttachmentKind.values:
                if kind in kinds:
                    _attach(dossier, kind, proposal, officer)
            return dossier
        dossier = Dossier.objects.create(
            reference=proposal.reference, unit=unit, title=proposal.title, occasion=batch.occasion,
            year=batch.year, campaign=self.campaigns[proposal.campaign] if proposal.campaign else None,
            authority=batch.authority, submission_number=submission_number,
            submission_date=batch.proposed_on, created_by=officer,
        )
        day = D(batch.year, 12, 31)
        kinds: list[str] = []
        for position, spec in enumerate(proposal.nominations, start=1):
            award = in_force.award_type_on(spec.award, day)
            recipient = self.recipient(spec)
            nomination = Nomination(
                dossier=dossier, award_type=award, achievement=spec.achievement or batch.achievement,
                period=batch.period, position=position, **recipient,
            )
            nomination.recipient_key = nomination.compute_recipient_key()
            nomination.full_clean()
            nomination.save()
            kinds += [kind for kind in award.required_attachments if kind not in kinds]
        for kind in AttachmentKind.values:
            if kind in kinds:
                _attach(dossier, kind, proposal, officer)
        return dossier

    def recipient(self, spec: Nom) -> dict:
        if spec.person:
            person = Person.objects.get(full_name=spec.person, unit__code=self.person_units[spec.person])
            return {"recipient_kind": RecipientKind.INDIVIDUAL, "person": person}
        if spec.household:
            return {"recipient_kind": RecipientKind.HOUSEHOLD, "household": self.households[spec.household]}
        if spec.name:
            return {"recipient_kind": RecipientKind.COLLECTIVE, "collective_name": spec.name}
        return {"recipient_kind": RecipientKind.COLLECTIVE, "unit": self.units[spec.unit]}

    # Awards the province decides.
    def vote(self, batch: Batch) -> None:
        members = [User.objects.get(username="hoidong"),
                   *User.objects.filter(username__in=[m[0] for m in COUNCIL_MEMBERS]).order_by("username")]
        refs = [p.reference for p in batch.proposals]
        with clock(COUNCIL_CREATED, 10):
            session = council.create_session(COUNCIL_TITLE, COUNCIL_HELD, COUNCIL_PLACE, members, self.staff)
            agenda = [n for n in council.candidates() if n.dossier.reference in refs]
            council.add_to_agenda(session, agenda, self.staff)
        with clock(COUNCIL_HELD, 14):
            for item in AgendaItem.objects.filter(session=session).order_by("position"):
                for member in members:
                    council.cast_vote(item, member, VoteChoice.YES)
        with clock(COUNCIL_HELD, 16, 30):
            council.close_session(session, self.staff)

    def decide(self, spec: DecisionSpec) -> Decision:
        refs = [p.reference for p in spec.batch.proposals]
        ready = list(decisions.ready_nominations().filter(dossier__reference__in=refs, award_type__code=spec.award))
        with clock(spec.drafted_on, 15):
            decision = decisions.draft_decision(ready, self.staff, spec.decided_on,
                                                self.signers[spec.signer.full_name], spec.reason)
        with clock(spec.decided_on, 7, 30):
            decisions.publish(decision, self.staff)
        return decision

    # Awards decided above the province.
    def forward(self, batch: Batch, central: Central) -> None:
        with clock(central.forward_on, 10):
            for proposal in batch.proposals:
                dossier = Dossier.objects.get(reference=proposal.reference)
                central_decisions.forward_dossier(dossier, central.forward_number, central.forward_on, self.staff)

    def record_central(self, batch: Batch, central: Central) -> None:
        with clock(central.recorded_on, 9):
            for proposal in batch.proposals:
                for nomination in Nomination.objects.filter(dossier__reference=proposal.reference).order_by("position"):
                    central_decisions.record_central_decision(
                        nomination, CentralOutcome.AWARDED, central.decision_number, central.decided_on, self.staff)


# --- entry point --------------------------------------------------------------------------------------------


def seed_decisions() -> dict[str, int]:
    """Upsert the extra units, clusters, persons, signers and accounts; make the award records once."""
    with clock(ACCOUNTS_JOINED):
        _seed_units()
        _seed_clusters()
        _seed_people()
        signers = _seed_signers()
        officers = _seed_users()
    if not Dossier.objects.filter(reference__in=REFERENCES).exists():
        Story(officers, signers).play()
    else:
        _adopt_cluster_reviews(officers)
    return _counts()


def _adopt_cluster_reviews(officers: dict[str, User]) -> None:
    """A database seeded before cluster years had reviews: play the 2020 reviews now and link each to its
    existing dossier (checked to be exactly what the ranking and quota propose)."""
    pending = [review for review in REVIEWS if ClusterYear.objects.filter(
        cluster__code=review.cluster, year=cluster_reviews.YEAR, state=ClusterYearState.OPEN,
        criteria__isnull=True, dossier__isnull=True).exists()]
    if not pending:
        return
    years = cluster_reviews.prepare(pending, officers, clock)
    references = {review.cluster: reference for reference, review in REVIEW_OF.items()}
    for review in pending:
        cluster_reviews.adopt(years[review.cluster], Dossier.objects.get(reference=references[review.cluster]))
    cluster_reviews.close(years, officers, pending, ROTATIONS, clock)


def _counts() -> dict[str, int]:
    in_demo = {"dossier__reference__in": REFERENCES}
    of_nominations = {"nomination__dossier__reference__in": REFERENCES}
    sessions = CouncilSession.objects.filter(title=COUNCIL_TITLE, held_on=COUNCIL_HELD)
    return {
        label(Unit): len(UNITS),
        label(EmulationCluster): len(CLUSTERS),
        label(ClusterMembership): sum(len(spec.members) for spec in CLUSTERS) * len(YEARS),
        label(ClusterYear): len(CLUSTERS) * len(YEARS),
        label(Person): len(PEOPLE),
        label(User): len(_proposers()) + len(COUNCIL_MEMBERS),
        label(Signer): len(SIGNERS),
        label(Dossier): len(REFERENCES),
        label(Nomination): sum(len(p.nominations) for batch in BATCHES for p in batch.proposals),
        label(Attachment): Attachment.objects.filter(**in_demo).count(),
        label(DossierRevision): DossierRevision.objects.filter(**in_demo).count(),
        label(DossierTransition): DossierTransition.objects.filter(**in_demo).count(),
        label(CouncilSession): sessions.count(),
        label(AgendaItem): AgendaItem.objects.filter(session__in=sessions).count(),
        label(Vote): Vote.objects.filter(item__session__in=sessions).count(),
        label(Decision): Decision.objects.filter(lines__nomination__dossier__reference__in=REFERENCES)
        .distinct().count(),
        label(DecisionLine): DecisionLine.objects.filter(**of_nominations).count(),
        label(Award): Award.objects.filter(**of_nominations).count(),
        label(ClusterCriterion): len(REVIEWS) * len(cluster_reviews.CRITERIA),
        label(ClusterScore): sum(CLUSTER_SIZES[r.cluster] for r in REVIEWS) * len(cluster_reviews.CRITERIA),
    }
