"""Cụm and khối thi đua of the province, their members and their rotating leaders, 2019-2021.

"Cụm thi đua các huyện nội địa" and its six members are real (Báo Lạng Sơn, conference of 18/01/2013,
see domain.md 3.5). The border-district cluster follows the remaining five districts. The khối of
departments, central agencies and mass organisations, and every trưởng/phó of every year, are
ILLUSTRATIVE: the leadership rotates down each ``rotation`` list, one step a year.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.demo.base import D, label, upsert
from units.models import ClusterKind, ClusterMembership, ClusterYear, EmulationCluster, Unit

YEARS = (2019, 2020, 2021)


@dataclass(frozen=True)
class C:
    code: str
    name: str
    kind: str
    members: tuple[str, ...]
    rotation: tuple[str, ...]  # leader of year i is rotation[i], deputy rotation[i + 1]
    description: str = ""
    valid_to: D | None = None


DISTRICT_CLUSTER_NOTE = "Giải thể khi bỏ cấp huyện (01/7/2025)."

CLUSTERS: list[C] = [
    C(
        "cum-huyen-noi-dia",
        "Cụm thi đua các huyện nội địa",
        ClusterKind.CLUSTER,
        ("huyen-van-quan", "huyen-binh-gia", "huyen-bac-son", "huyen-chi-lang", "huyen-huu-lung", "tp-lang-son"),
        ("huyen-bac-son", "huyen-huu-lung", "tp-lang-son", "huyen-chi-lang"),
        "Các huyện Văn Quan, Bình Gia, Bắc Sơn, Chi Lăng, Hữu Lũng và thành phố Lạng Sơn. " + DISTRICT_CLUSTER_NOTE,
        D(2025, 6, 30),
    ),
    C(
        "cum-huyen-bien-gioi",
        "Cụm thi đua các huyện biên giới",
        ClusterKind.CLUSTER,
        ("huyen-trang-dinh", "huyen-van-lang", "huyen-cao-loc", "huyen-loc-binh", "huyen-dinh-lap"),
        ("huyen-cao-loc", "huyen-van-lang", "huyen-trang-dinh", "huyen-loc-binh"),
        "Các huyện Tràng Định, Văn Lãng, Cao Lộc, Lộc Bình, Đình Lập. " + DISTRICT_CLUSTER_NOTE,
        D(2025, 6, 30),
    ),
    C(
        "khoi-co-quan-tong-hop",
        "Khối các cơ quan tổng hợp",
        ClusterKind.BLOCK,
        ("van-phong-ubnd-tinh", "so-noi-vu", "so-tu-phap", "so-tai-chinh", "so-ke-hoach-dau-tu", "thanh-tra-tinh",
         "so-ngoai-vu", "ban-dan-toc"),
        ("so-noi-vu", "so-tai-chinh", "so-tu-phap", "thanh-tra-tinh"),
    ),
    C(
        "khoi-co-quan-kinh-te",
        "Khối các cơ quan kinh tế",
        ClusterKind.BLOCK,
        ("so-cong-thuong", "so-nong-nghiep-ptnt", "so-tai-nguyen-moi-truong", "so-xay-dung", "so-giao-thong-van-tai",
         "so-khoa-hoc-cong-nghe", "ban-quan-ly-kkt-cua-khau"),
        ("so-cong-thuong", "so-xay-dung", "so-nong-nghiep-ptnt", "so-giao-thong-van-tai"),
    ),
    C(
        "khoi-co-quan-van-hoa-xa-hoi",
        "Khối các cơ quan văn hóa - xã hội",
        ClusterKind.BLOCK,
        ("so-giao-duc-dao-tao", "so-y-te", "so-van-hoa-the-thao-du-lich", "so-thong-tin-truyen-thong",
         "so-lao-dong-tbxh"),
        ("so-giao-duc-dao-tao", "so-y-te", "so-van-hoa-the-thao-du-lich", "so-lao-dong-tbxh"),
    ),
    C(
        "khoi-co-quan-trung-uong",
        "Khối các cơ quan Trung ương",
        ClusterKind.BLOCK,
        ("cong-an-tinh", "bo-chi-huy-quan-su-tinh", "bo-chi-huy-bien-phong-tinh", "cuc-thue-tinh",
         "kho-bac-nha-nuoc-tinh", "bao-hiem-xa-hoi-tinh"),
        ("cong-an-tinh", "bo-chi-huy-quan-su-tinh", "bo-chi-huy-bien-phong-tinh", "cuc-thue-tinh"),
        "Các cơ quan Trung ương đóng trên địa bàn tỉnh.",
    ),
    C(
        "khoi-dang-doan-the",
        "Khối Đảng, đoàn thể",
        ClusterKind.BLOCK,
        ("uy-ban-mttq-tinh", "lien-doan-lao-dong-tinh", "tinh-doan", "hoi-lien-hiep-phu-nu-tinh", "hoi-nong-dan-tinh",
         "hoi-cuu-chien-binh-tinh"),
        ("uy-ban-mttq-tinh", "lien-doan-lao-dong-tinh", "tinh-doan", "hoi-lien-hiep-phu-nu-tinh"),
        "Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh.",
    ),
]


def seed_clusters() -> dict[str, int]:
    """Upsert clusters by code, memberships by (unit, year) and ClusterYear by (cluster, year)."""
    units = {u.code: u for u in Unit.objects.all()}
    memberships = years = 0
    for index, spec in enumerate(CLUSTERS, start=1):
        cluster = upsert(
            EmulationCluster,
            {"code": spec.code},
            {"name": spec.name, "kind": spec.kind, "description": spec.description, "valid_to": spec.valid_to,
             "sort_order": index * 10},
        )
        for offset, year in enumerate(YEARS):
            for code in spec.members:
                upsert(ClusterMembership, {"unit": units[code], "year": year}, {"cluster": cluster})
                memberships += 1
            upsert(
                ClusterYear,
                {"cluster": cluster, "year": year},
                {
                    "leader": units[spec.rotation[offset]],
                    "deputy": units[spec.rotation[offset + 1]],
                    "note": "Trưởng, phó cụm/khối luân phiên theo năm (dữ liệu minh họa).",
                },
            )
            years += 1
    return {
        label(EmulationCluster): len(CLUSTERS),
        label(ClusterMembership): memberships,
        label(ClusterYear): years,
    }
