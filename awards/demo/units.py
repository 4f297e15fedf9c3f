"""The unit tree of Lạng Sơn province as it stood in 2019-2021, with the 2025 reorganisation.

Sources and certainty:

* The 11 district-level units are those of 2019-2021; districts were abolished on 2025-07-01, so each
  (and each commune under it) holds until 2025-06-30.
* The communes, villages and sub-units named in the two articles (``/work/shared/seeds``) are real:
  xã Đề Thám (Tràng Định) with thôn Nà Ao 2, xã Hiệp Hạ (Lộc Bình) with thôn Bản Đoóc, xã Bắc Lãng
  (Đình Lập) with thôn Nà Pẻo, Bệnh viện Đa khoa tỉnh, Phòng Xây dựng chính quyền và Công tác thanh niên
  (Sở Nội vụ), Phòng Quản lý Văn hóa (Sở VHTTDL), Trung tâm Phục vụ hành chính công.
* Merges of departments on 2025-03-01 follow the national pattern of that reorganisation: Kế hoạch và
  Đầu tư into Tài chính; Nông nghiệp và PTNT + Tài nguyên và Môi trường into the new Sở Nông nghiệp và
  Môi trường; Giao thông vận tải into Xây dựng; Thông tin và Truyền thông into Khoa học và Công nghệ;
  Lao động - Thương binh và Xã hội into Nội vụ; Ban Dân tộc into the new Sở Dân tộc và Tôn giáo. A
  department that absorbed another keeps its row and lists the absorbed one in ``predecessors``.
* Other names (``UnitAlias``, read by ``units.names``), as lists and letters write them: every sở "... tỉnh Lạng
  Sơn" and its short name without "&" ("Sở GDĐT"); every commune with its district ("Xã Hiệp Hạ, huyện Lộc
  Bình"), valid only until the districts ended, so after 2025-07-01 it names the commune formed from it.
* ILLUSTRATIVE ONLY: the post-2025 xã/phường directly under the province (codes ending ``-2025``) and
  which old communes formed each. They show how ``predecessors`` works; they are not the official list
  of the Nghị quyết of the Ủy ban Thường vụ Quốc hội on Lạng Sơn's communes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from awards.demo.base import D, label, upsert
from awards.enums import BodyKind
from awards.models import IssuingBody
from units.models import Unit, UnitAlias, UnitKind

ROOT = "ubnd-tinh"
MERGED_DEPARTMENTS_END = D(2025, 2, 28)
NEW_DEPARTMENTS_START = D(2025, 3, 1)
DISTRICTS_END = D(2025, 6, 30)
NEW_COMMUNES_START = D(2025, 7, 1)


@dataclass(frozen=True)
class U:
    code: str
    name: str
    kind: str
    parent: str | None = ROOT
    short_name: str = ""
    valid_from: D | None = None
    valid_to: D | None = None
    predecessors: tuple[str, ...] = field(default=())


K = UnitKind
OLD = {"valid_to": MERGED_DEPARTMENTS_END}
NEW = {"valid_from": NEW_DEPARTMENTS_START}
DISTRICT = {"kind": K.DISTRICT, "valid_to": DISTRICTS_END}
COMMUNE = {"kind": K.COMMUNE, "valid_to": DISTRICTS_END}
NEW_COMMUNE = {"kind": K.COMMUNE, "valid_from": NEW_COMMUNES_START}

UNITS: list[U] = [
    U(ROOT, "Ủy ban nhân dân tỉnh Lạng Sơn", K.PROVINCE, parent=None, short_name="UBND tỉnh"),
    # Sở, ban, ngành.
    U("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", K.DEPARTMENT, short_name="VP UBND tỉnh"),
    U("so-noi-vu", "Sở Nội vụ", K.DEPARTMENT, predecessors=("so-lao-dong-tbxh",)),
    U("so-tu-phap", "Sở Tư pháp", K.DEPARTMENT),
    U("so-tai-chinh", "Sở Tài chính", K.DEPARTMENT, predecessors=("so-ke-hoach-dau-tu",)),
    U("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", K.DEPARTMENT, short_name="Sở KH&ĐT", **OLD),
    U("so-cong-thuong", "Sở Công Thương", K.DEPARTMENT),
    U("so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", K.DEPARTMENT, short_name="Sở NN&PTNT",
      **OLD),
    U("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", K.DEPARTMENT, short_name="Sở TN&MT", **OLD),
    U("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", K.DEPARTMENT, short_name="Sở NN&MT",
      predecessors=("so-nong-nghiep-ptnt", "so-tai-nguyen-moi-truong"), **NEW),
    U("so-xay-dung", "Sở Xây dựng", K.DEPARTMENT, predecessors=("so-giao-thong-van-tai",)),
    U("so-giao-thong-van-tai", "Sở Giao thông vận tải", K.DEPARTMENT, short_name="Sở GTVT", **OLD),
    U("so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", K.DEPARTMENT, short_name="Sở VHTTDL"),
    U("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", K.DEPARTMENT, short_name="Sở KH&CN",
      predecessors=("so-thong-tin-truyen-thong",)),
    U("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", K.DEPARTMENT, short_name="Sở TT&TT", **OLD),
    U("so-lao-dong-tbxh", "Sở Lao động - Thương binh và Xã hội", K.DEPARTMENT, short_name="Sở LĐ-TB&XH", **OLD),
    U("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", K.DEPARTMENT, short_name="Sở GD&ĐT"),
    U("so-y-te", "Sở Y tế", K.DEPARTMENT),
    U("so-ngoai-vu", "Sở Ngoại vụ", K.DEPARTMENT),
    U("thanh-tra-tinh", "Thanh tra tỉnh", K.DEPARTMENT),
    U("ban-dan-toc", "Ban Dân tộc tỉnh", K.DEPARTMENT, **OLD),
    U("so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", K.DEPARTMENT, short_name="Sở DT&TG",
      predecessors=("ban-dan-toc",), **NEW),
    U("ban-quan-ly-kkt-cua-khau", "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", K.DEPARTMENT,
      short_name="BQL Khu KTCK Đồng Đăng - Lạng Sơn"),
    # Mặt trận and mass organisations.
    U("uy-ban-mttq-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", K.MASS_ORGANISATION,
      short_name="Ủy ban MTTQ Việt Nam tỉnh"),
    U("lien-doan-lao-dong-tinh", "Liên đoàn Lao động tỉnh", K.MASS_ORGANISATION, short_name="LĐLĐ tỉnh"),
    U("tinh-doan", "Tỉnh đoàn", K.MASS_ORGANISATION),
    U("hoi-lien-hiep-phu-nu-tinh", "Hội Liên hiệp Phụ nữ tỉnh", K.MASS_ORGANISATION, short_name="Hội LHPN tỉnh"),
    U("hoi-nong-dan-tinh", "Hội Nông dân tỉnh", K.MASS_ORGANISATION),
    U("hoi-cuu-chien-binh-tinh", "Hội Cựu chiến binh tỉnh", K.MASS_ORGANISATION, short_name="Hội CCB tỉnh"),
    # Central agencies on the territory.
    U("cong-an-tinh", "Công an tỉnh", K.CENTRAL_AGENCY),
    U("bo-chi-huy-quan-su-tinh", "Bộ Chỉ huy Quân sự tỉnh", K.CENTRAL_AGENCY, short_name="Bộ CHQS tỉnh"),
    U("bo-chi-huy-bien-phong-tinh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", K.CENTRAL_AGENCY,
      short_name="Bộ CH BĐBP tỉnh"),
    U("cuc-thue-tinh", "Cục Thuế tỉnh", K.CENTRAL_AGENCY),
    U("kho-bac-nha-nuoc-tinh", "Kho bạc Nhà nước tỉnh", K.CENTRAL_AGENCY, short_name="KBNN tỉnh"),
    U("bao-hiem-xa-hoi-tinh", "Bảo hiểm xã hội tỉnh", K.CENTRAL_AGENCY, short_name="BHXH tỉnh"),
    # The 11 district-level units of 2019-2021.
    U("tp-lang-son", "Thành phố Lạng Sơn", short_name="TP Lạng Sơn", **DISTRICT),
    U("huyen-trang-dinh", "Huyện Tràng Định", **DISTRICT),
    U("huyen-van-lang", "Huyện Văn Lãng", **DISTRICT),
    U("huyen-van-quan", "Huyện Văn Quan", **DISTRICT),
    U("huyen-binh-gia", "Huyện Bình Gia", **DISTRICT),
    U("huyen-bac-son", "Huyện Bắc Sơn", **DISTRICT),
    U("huyen-huu-lung", "Huyện Hữu Lũng", **DISTRICT),
    U("huyen-chi-lang", "Huyện Chi Lăng", **DISTRICT),
    U("huyen-cao-loc", "Huyện Cao Lộc", **DISTRICT),
    U("huyen-loc-binh", "Huyện Lộc Bình", **DISTRICT),
    U("huyen-dinh-lap", "Huyện Đình Lập", **DISTRICT),
    # Communes, wards and towns under their districts (until 2025-06-30).
    U("phuong-hoang-van-thu", "Phường Hoàng Văn Thụ", parent="tp-lang-son", **COMMUNE),
    U("phuong-chi-lang", "Phường Chi Lăng", parent="tp-lang-son", **COMMUNE),
    U("phuong-vinh-trai", "Phường Vĩnh Trại", parent="tp-lang-son", **COMMUNE),
    U("phuong-tam-thanh", "Phường Tam Thanh", parent="tp-lang-son", **COMMUNE),
    U("phuong-dong-kinh", "Phường Đông Kinh", parent="tp-lang-son", **COMMUNE),
    U("thi-tran-that-khe", "Thị trấn Thất Khê", parent="huyen-trang-dinh", **COMMUNE),
    U("xa-de-tham", "Xã Đề Thám", parent="huyen-trang-dinh", **COMMUNE),
    U("thi-tran-na-sam", "Thị trấn Na Sầm", parent="huyen-van-lang", **COMMUNE),
    U("thi-tran-bac-son", "Thị trấn Bắc Sơn", parent="huyen-bac-son", **COMMUNE),
    U("thi-tran-dong-mo", "Thị trấn Đồng Mỏ", parent="huyen-chi-lang", **COMMUNE),
    U("thi-tran-dong-dang", "Thị trấn Đồng Đăng", parent="huyen-cao-loc", **COMMUNE),
    U("thi-tran-loc-binh", "Thị trấn Lộc Bình", parent="huyen-loc-binh", **COMMUNE),
    U("xa-hiep-ha", "Xã Hiệp Hạ", parent="huyen-loc-binh", **COMMUNE),
    U("thi-tran-dinh-lap", "Thị trấn Đình Lập", parent="huyen-dinh-lap", **COMMUNE),
    U("xa-bac-lang", "Xã Bắc Lãng", parent="huyen-dinh-lap", **COMMUNE),
    # Villages named in the articles.
    U("thon-na-ao-2", "Thôn Nà Ao 2", K.VILLAGE, parent="xa-de-tham"),
    U("thon-ban-dooc", "Thôn Bản Đoóc", K.VILLAGE, parent="xa-hiep-ha"),
    U("thon-na-peo", "Thôn Nà Pẻo", K.VILLAGE, parent="xa-bac-lang"),
    # Illustrative post-2025 communes and wards directly under the province.
    U("phuong-tam-thanh-2025", "Phường Tam Thanh", predecessors=("phuong-tam-thanh", "phuong-hoang-van-thu"),
      **NEW_COMMUNE),
    U("phuong-luong-van-tri-2025", "Phường Lương Văn Tri", predecessors=("phuong-chi-lang",), **NEW_COMMUNE),
    U("phuong-dong-kinh-2025", "Phường Đông Kinh", predecessors=("phuong-dong-kinh", "phuong-vinh-trai"),
      **NEW_COMMUNE),
    U("xa-that-khe-2025", "Xã Thất Khê", predecessors=("thi-tran-that-khe", "xa-de-tham"), **NEW_COMMUNE),
    U("xa-loc-binh-2025", "Xã Lộc Bình", predecessors=("thi-tran-loc-binh", "xa-hiep-ha"), **NEW_COMMUNE),
    U("xa-dinh-lap-2025", "Xã Đình Lập", predecessors=("thi-tran-dinh-lap", "xa-bac-lang"), **NEW_COMMUNE),
    # Public-service units and divisions.
    U("trung-tam-phuc-vu-hcc", "Trung tâm Phục vụ hành chính công tỉnh", K.DIVISION, parent="van-phong-ubnd-tinh",
      short_name="Trung tâm PVHCC"),
    U("ban-tdkt", "Ban Thi đua - Khen thưởng", K.DIVISION, parent="so-noi-vu", short_name="Ban TĐKT"),
    U("phong-xdcq-cttn", "Phòng Xây dựng chính quyền và Công tác thanh niên", K.DIVISION, parent="so-noi-vu",
      short_name="Phòng XDCQ&CTTN"),
    U("phong-quan-ly-van-hoa", "Phòng Quản lý Văn hóa", K.DIVISION, parent="so-van-hoa-the-thao-du-lich"),
    U("benh-vien-da-khoa-tinh", "Bệnh viện Đa khoa tỉnh", K.PUBLIC_SERVICE, parent="so-y-te",
      short_name="BVĐK tỉnh"),
    U("truong-thpt-chuyen-chu-van-an", "Trường THPT Chuyên Chu Văn An", K.PUBLIC_SERVICE,
      parent="so-giao-duc-dao-tao"),
    # Enterprises on the territory.
    U("cong-ty-dien-luc-lang-son", "Công ty Điện lực Lạng Sơn", K.ENTERPRISE, short_name="PC Lạng Sơn"),
    U("vien-thong-lang-son", "Viễn thông Lạng Sơn", K.ENTERPRISE, short_name="VNPT Lạng Sơn"),
]


def seed_units() -> dict[str, int]:
    """Upsert every unit by ``code`` (parents first), then make each ``predecessors`` set exact."""
    by_code: dict[str, Unit] = {}
    for index, spec in enumerate(UNITS, start=1):
        by_code[spec.code] = upsert(
            Unit,
            {"code": spec.code},
            {
                "name": spec.name,
                "short_name": spec.short_name,
                "kind": spec.kind,
                "parent": by_code[spec.parent] if spec.parent else None,
                "valid_from": spec.valid_from,
                "valid_to": spec.valid_to,
                "sort_order": index * 10,
            },
        )
    for spec in UNITS:
        by_code[spec.code].predecessors.set([by_code[code] for code in spec.predecessors])
    # The province's body (made by migration 0012 before the tree existed) belongs to the root.
    IssuingBody.objects.filter(kind=BodyKind.PROVINCE, unit__isnull=True).update(unit=by_code[ROOT])
    return {label(Unit): len(UNITS)}


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


PROVINCE_SUFFIX = "tỉnh Lạng Sơn"


def alias_specs(specs: list[U]) -> list[tuple[str, str, D | None]]:
    """(unit code, alias, valid until) for the sở and the communes under a district among ``specs``."""
    by_code = {spec.code: spec for spec in specs}
    aliases: list[tuple[str, str, D | None]] = []
    for spec in specs:
        parent = by_code.get(spec.parent or "")
        if spec.kind == K.DEPARTMENT and spec.name.startswith("Sở "):
            aliases.append((spec.code, f"{spec.name} {PROVINCE_SUFFIX}", None))
            plain = spec.short_name.replace("&", "").replace("-", "")
            if plain != spec.short_name:
                aliases.append((spec.code, plain, None))
        elif spec.kind == K.COMMUNE and parent is not None and parent.kind == K.DISTRICT:
            district = parent.name[0].lower() + parent.name[1:]
            aliases.append((spec.code, f"{spec.name}, {district}", DISTRICTS_END))
    return aliases


def seed_unit_aliases(specs: list[U]) -> dict[str, int]:
    """Upsert the aliases of ``specs`` (their units must exist) by (unit, name)."""
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=[spec.code for spec in specs])}
    aliases = alias_specs(specs)
    for code, name, valid_to in aliases:
        upsert(UnitAlias, {"unit": units[code], "name": name}, {"valid_to": valid_to})
    return {label(UnitAlias): len(aliases)}
