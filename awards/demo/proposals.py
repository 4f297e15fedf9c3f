"""The dossiers of the 2019-2020 story as data: who proposes which award for whom, in which batch, on which days;
the cụm, khối reviews of 2020; the council session; the decisions and the central decisions. ``awards.demo.decisions``
plays them through the services.

ILLUSTRATIVE (the articles give counts only): which collectives and individuals received each award, the units
proposing them, every tờ trình number and date, the province's tờ trình to the central level, the central decision
numbers 2177/QĐ-CTN and 1998/QĐ-TTg and the council session of 24/12/2020.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.demo.base import D
from awards.demo.cast import CLUSTERS, DUONG_XUAN_HUYEN, HO_TIEN_THIEU, PHAM_NGOC_THUONG, UNIT_ACCOUNTS, SignerSpec
from awards.demo.clusters import CLUSTERS as PROVINCE_CLUSTERS
from awards.enums import Authority, OccasionType

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
    submission: tuple[str, D]  # the Sở Nội vụ's tờ trình the decision answers (ILLUSTRATIVE number and date)


DECISIONS = [
    DecisionSpec(BATCH_2019, BK_TINH, PHAM_NGOC_THUONG, D(2019, 10, 28), D(2019, 10, 31),
                 "đã có thành tích xuất sắc trong phong trào thi đua đặc biệt và đợt thi đua cao điểm 60 ngày đêm chào "
                 "mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ (04/11/1909 - 04/11/2019) và 188 năm ngày "
                 "thành lập tỉnh Lạng Sơn (04/11/1831 - 04/11/2019)", ("412/TTr-SNV", D(2019, 10, 28))),
    DecisionSpec(BATCH_2020, CO_TINH, HO_TIEN_THIEU, D(2020, 12, 28), D(2020, 12, 30),
                 "đã hoàn thành xuất sắc nhiệm vụ công tác, dẫn đầu phong trào thi đua yêu nước của tỉnh năm 2020",
                 ("598/TTr-SNV", D(2020, 12, 26))),
    DecisionSpec(BATCH_2020, BK_TINH, DUONG_XUAN_HUYEN, D(2020, 12, 28), D(2020, 12, 30),
                 "đã có thành tích xuất sắc, được bình xét trong các cụm thi đua năm 2020",
                 ("599/TTr-SNV", D(2020, 12, 26))),
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



def proposers() -> list[str]:
    """Codes of the units that propose a dossier of the story and have no demo officer yet."""
    return sorted({proposal.unit for batch in BATCHES for proposal in batch.proposals} - set(UNIT_ACCOUNTS))
