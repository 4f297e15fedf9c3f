"""The four provincial campaigns of the articles, with the 2019 content groups, targets and registrations.

Quoted exactly from the articles: the themes, the 2019 peak start date (19/8/2019), the tổng kết of
31/10/2019, the launch of 06/02/2021 and every figure of the 2019 targets.

ASSUMED (the articles are silent): the special campaign of 2019 starting on 04/11/2018 ("từ cuối năm
2018"); the peak campaign ending on 17/10/2019 (60 days from 19/8); the results reported on 30/9/2019
("9 tháng đầu năm"); the titles of the six content groups (the article says "6 nhóm nội dung thi đua"
without naming them; they are paraphrased from the fields the article reports on); the registrations
and their commitments, which are ILLUSTRATIVE.

Lifecycle (ASSUMED, ILLUSTRATIVE): every campaign is launched to all members of the province's cụm and khối in
the campaign's year (2019 for the two 2019 campaigns) and its status history is recorded (phát động on the
launch day, tổng kết of the 2019 campaigns on 31/10/2019). The reporting deadlines, the units' own targets on
the special campaign and their figures are ILLUSTRATIVE; the figures the units report on the peak campaign's
province-wide targets are the article's (5.027 tỷ đồng, 12.537 hồ sơ, 99,08%). In 2019 the dossiers were filed
before the tổng kết conference, so the demo's nomination round is recorded as 01/10 - 08/10/2019.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from awards.catalogue.in_force import award_type_on
from awards.demo.base import D, label, upsert
from campaigns import selectors
from campaigns.models import (
    Campaign,
    CampaignAudience,
    CampaignKind,
    CampaignMethod,
    CampaignScope,
    CampaignStatus,
    CampaignTransition,
    ContentGroup,
    LaunchLevel,
    Registration,
    ReportPeriod,
    Target,
    TargetReport,
)
from units.models import ClusterMembership, Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")

CONFERENCE_2021 = (
    "Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2020, triển khai nhiệm vụ công tác năm 2021, "
    "ngày 06/02/2021 tại Trung tâm Hội nghị tỉnh Lạng Sơn"
)
HO_TIEN_THIEU = "Hồ Tiến Thiệu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"
DUONG_XUAN_HUYEN = "Dương Xuân Huyên, Phó Chủ tịch UBND tỉnh, Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng tỉnh"
CRITERIA_2019 = (
    "Hoàn thành và hoàn thành vượt mức các chỉ tiêu thi đua, nhiệm vụ kế hoạch năm 2019 trên các lĩnh vực kinh tế, "
    "văn hóa - xã hội, quốc phòng - an ninh, xây dựng hệ thống chính trị. Tổng kết ngày 31/10/2019."
)

CAMPAIGNS: dict[str, dict] = {
    "dac-biet-2019": {
        "name": "Phong trào thi đua đặc biệt chào mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ "
                "và 188 năm ngày thành lập tỉnh Lạng Sơn",
        "kind": CampaignKind.SPECIAL,
        "method": CampaignMethod.THEMATIC,
        "theme": "Đảng bộ, chính quyền, quân và dân các dân tộc tỉnh Lạng Sơn đoàn kết, sáng tạo, thi đua lập thành "
                 "tích xuất sắc chào mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ (04/11/1909 - 04/11/2019) "
                 "và kỷ niệm 188 năm ngày thành lập tỉnh (04/11/1831 - 04/11/2019)",
        "start_date": D(2018, 11, 4),
        "end_date": D(2019, 10, 31),
        "launch_date": D(2018, 11, 4),
        "criteria": CRITERIA_2019,
        "status": CampaignStatus.CLOSED,
        "interim_report_deadline": D(2019, 6, 30),
        "final_report_deadline": D(2019, 10, 5),
        "nomination_open_from": D(2019, 10, 1),
        "nomination_open_until": D(2019, 10, 8),
    },
    "cao-diem-60-ngay-dem-2019": {
        "name": "Đợt thi đua cao điểm 60 ngày đêm chào mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ "
                "và 188 năm ngày thành lập tỉnh",
        "kind": CampaignKind.PEAK,
        "method": CampaignMethod.THEMATIC,
        "theme": "60 ngày đêm ra sức thi đua đoàn kết, sáng tạo, quyết tâm lập thành tích chào mừng kỷ niệm 110 năm "
                 "ngày sinh đồng chí Hoàng Văn Thụ và kỷ niệm 188 năm ngày thành lập tỉnh",
        "start_date": D(2019, 8, 19),
        "end_date": D(2019, 10, 17),
        "launch_date": D(2019, 8, 19),
        "criteria": CRITERIA_2019,
        "status": CampaignStatus.CLOSED,
        "final_report_deadline": D(2019, 10, 5),
        "nomination_open_from": D(2019, 10, 1),
        "nomination_open_until": D(2019, 10, 8),
    },
    "dac-biet-2021": {
        "name": "Phong trào thi đua đặc biệt chào mừng bầu cử đại biểu Quốc hội khóa XV, đại biểu HĐND các cấp "
                "nhiệm kỳ 2021 - 2026 và kỷ niệm 190 năm ngày thành lập tỉnh Lạng Sơn",
        "kind": CampaignKind.SPECIAL,
        "method": CampaignMethod.THEMATIC,
        "theme": "Đảng bộ, chính quyền và nhân dân các dân tộc tỉnh Lạng Sơn phát huy truyền thống anh hùng, khát "
                 "vọng xây dựng quê hương giàu đẹp, quyết tâm đoàn kết, dân chủ, kỷ cương, sáng tạo, trách nhiệm, "
                 "thi đua thực hiện tốt cuộc bầu cử đại biểu Quốc hội khoá XV và đại biểu HĐND các cấp nhiệm kỳ "
                 "2021 – 2026, lập thành tích xuất sắc chào mừng Kỷ niệm 190 năm ngày thành lập tỉnh Lạng Sơn "
                 "(04/11/1831 – 04/11/2021)",
        "start_date": D(2021, 2, 6),
        "end_date": D(2021, 11, 4),
        "launch_date": D(2021, 2, 6),
        "launch_event": CONFERENCE_2021,
        "launched_by": DUONG_XUAN_HUYEN,
        "status": CampaignStatus.IN_PROGRESS,
        "interim_report_deadline": D(2021, 6, 30),
        "final_report_deadline": D(2021, 10, 31),
    },
    "thuong-xuyen-2021": {
        "name": "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
                "năm 2021",
        "kind": CampaignKind.YEARLY,
        "method": CampaignMethod.YEARLY,
        "theme": "Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo bứt phá",
        "start_date": D(2021, 1, 1),
        "end_date": D(2021, 12, 31),
        "launch_date": D(2021, 2, 6),
        "launch_event": CONFERENCE_2021,
        "launched_by": HO_TIEN_THIEU,
        "criteria": "Hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2021.",
        "status": CampaignStatus.IN_PROGRESS,
        "interim_report_deadline": D(2021, 6, 30),
        "final_report_deadline": D(2021, 12, 15),
    },
}

PARAPHRASED = "Tên nhóm diễn đạt lại từ bài viết (bài viết chỉ nêu có 6 nhóm nội dung thi đua, không nêu tên)."

# The six content groups of the 2019 peak campaign: (number, title, description).
PEAK_GROUPS: list[tuple[int, str, str]] = [
    (1, "Phát triển kinh tế, sản xuất nông, lâm nghiệp gắn với xây dựng nông thôn mới",
     "Sản xuất nông, lâm nghiệp hiệu quả; vận động nhân dân hiến đất, đóng góp làm đường giao thông nông thôn, "
     "xây dựng nông thôn mới."),
    (2, "Phát triển công nghiệp, thu ngân sách nhà nước và các dự án trọng điểm",
     "Chỉ số sản xuất công nghiệp, thu ngân sách trên địa bàn; dự án cao tốc Bắc Giang - Lạng Sơn."),
    (3, "Cải cách hành chính, kỷ luật, kỷ cương hành chính",
     "Sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019 - 2021; giải quyết hồ sơ tại Trung tâm Phục vụ "
     "hành chính công."),
    (4, "Văn hóa - xã hội, xây dựng mô hình thôn xanh - sạch - đẹp",
     "Gắn biển các công trình chào mừng; xây dựng mô hình điểm, cụm dân cư điểm thôn xanh - sạch - đẹp."),
    (5, "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội, giữ vững chủ quyền biên giới quốc gia",
     "Bảo đảm an toàn tuyệt đối các sự kiện chính trị lớn của tỉnh."),
    (6, "Xây dựng Đảng và hệ thống chính trị",
     "Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng; chuẩn bị Đại hội Đảng bộ các cấp."),
]

NINE_MONTHS = D(2019, 9, 30)

# Targets of the peak campaign with the results the article quotes: code -> values.
PEAK_TARGETS: dict[str, dict] = {
    "chi-so-san-xuat-cong-nghiep": {
        "group": 2,
        "indicator": "Chỉ số sản xuất công nghiệp 9 tháng đầu năm 2019 tăng so với cùng kỳ",
        "unit_of_measure": "%",
        "target_value": None,
        "result_value": Decimal("6.86"),
        "result_note": "Tăng 6,86% so với cùng kỳ.",
    },
    "thu-ngan-sach-9-thang": {
        "group": 2,
        "indicator": "Tổng thu ngân sách trên địa bàn 9 tháng đầu năm 2019",
        "unit_of_measure": "tỷ đồng",
        "target_value": None,
        "result_value": Decimal("5027"),
        "result_note": "5.027 tỷ đồng.",
    },
    "thu-ngan-sach-so-du-toan": {
        "group": 2,
        "indicator": "Thu ngân sách 9 tháng đầu năm 2019 so với dự toán",
        "unit_of_measure": "%",
        "target_value": Decimal("100"),
        "result_value": Decimal("92.2"),
        "result_note": "Đạt 92,2% so với dự toán.",
    },
    "thu-ngan-sach-so-cung-ky": {
        "group": 2,
        "indicator": "Thu ngân sách 9 tháng đầu năm 2019 so với cùng kỳ năm 2018",
        "unit_of_measure": "%",
        "target_value": None,
        "result_value": Decimal("136.3"),
        "result_note": "Bằng 136,3% so với cùng kỳ năm 2018.",
    },
    "ho-so-tiep-nhan-hcc": {
        "group": 3,
        "indicator": "Số hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công từ đầu năm 2019",
        "unit_of_measure": "hồ sơ",
        "target_value": None,
        "result_value": Decimal("12537"),
        "result_note": "Tiếp nhận 12.537 hồ sơ.",
    },
    "ty-le-ho-so-truoc-han-dung-han": {
        "group": 3,
        "indicator": "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn tại Trung tâm Phục vụ hành chính công",
        "unit_of_measure": "%",
        "target_value": None,
        "result_value": Decimal("99.08"),
        "result_note": "Đạt 99,08% hồ sơ giải quyết trước hạn và đúng hạn.",
    },
}

COLLECTIVE_FLAG = "co-thi-dua-ubnd-tinh"
EXCELLENT_COLLECTIVE = "tap-the-lao-dong-xuat-sac"

# Registrations (đăng ký thi đua), illustrative: campaign -> [(unit, date, commitments, title codes)].
REGISTRATIONS: dict[str, list[tuple[str, D, str, tuple[str, ...]]]] = {
    "dac-biet-2019": [
        ("tp-lang-son", D(2018, 11, 20),
         "Hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2019; chỉnh trang đô thị, gắn biển các công trình "
         "chào mừng 110 năm ngày sinh đồng chí Hoàng Văn Thụ.",
         (COLLECTIVE_FLAG,)),
        ("huyen-trang-dinh", D(2018, 11, 20),
         "Vận động nhân dân hiến đất, đóng góp làm đường giao thông nông thôn; xây dựng mô hình thôn xanh - sạch - "
         "đẹp tại các xã.",
         (COLLECTIVE_FLAG,)),
        ("so-noi-vu", D(2018, 11, 22),
         "Tham mưu hoàn thành Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019 - 2021; tổ chức "
         "tổng kết các phong trào thi đua đúng tiến độ.",
         (EXCELLENT_COLLECTIVE, COLLECTIVE_FLAG)),
        ("so-giao-duc-dao-tao", D(2018, 11, 22),
         "Tổ chức cuộc thi tìm hiểu về cuộc đời hoạt động cách mạng của đồng chí Hoàng Văn Thụ trong học sinh; "
         "hoàn thành các chỉ tiêu năm học.",
         (EXCELLENT_COLLECTIVE,)),
    ],
    "cao-diem-60-ngay-dem-2019": [
        ("huyen-loc-binh", D(2019, 8, 26),
         "Hoàn thành các tiêu chí nông thôn mới theo kế hoạch; vận động hiến đất làm đường giao thông nông thôn.",
         (COLLECTIVE_FLAG,)),
        ("huyen-dinh-lap", D(2019, 8, 26),
         "Đẩy nhanh xây dựng nông thôn mới; bảo đảm an ninh trật tự trên địa bàn.",
         (COLLECTIVE_FLAG,)),
        ("so-tai-chinh", D(2019, 8, 27),
         "Phối hợp đôn đốc thu ngân sách, phấn đấu hoàn thành dự toán thu năm 2019.",
         (EXCELLENT_COLLECTIVE,)),
        ("van-phong-ubnd-tinh", D(2019, 8, 27),
         "Giải quyết trước hạn và đúng hạn trên 99% hồ sơ tại Trung tâm Phục vụ hành chính công.",
         (EXCELLENT_COLLECTIVE,)),
    ],
}


# Own targets (chỉ tiêu riêng) registered on the special campaign, ILLUSTRATIVE:
# unit -> [(number, indicator, unit of measure, target, interim result, final result)].
OWN_TARGETS: dict[str, list[tuple[int, str, str, Decimal, Decimal, Decimal]]] = {
    "so-noi-vu": [(1, "Trình Chính phủ Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019 - 2021",
                   "đề án", Decimal("1"), Decimal("0"), Decimal("1"))],
    "huyen-trang-dinh": [(1, "Thôn đạt mô hình thôn xanh - sạch - đẹp", "thôn", Decimal("5"), Decimal("3"),
                          Decimal("6"))],
    "tp-lang-son": [(1, "Công trình gắn biển chào mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ",
                     "công trình", Decimal("10"), Decimal("6"), Decimal("12"))],
    "so-giao-duc-dao-tao": [(1, "Lượt học sinh tham gia cuộc thi tìm hiểu về cuộc đời hoạt động cách mạng của "
                             "đồng chí Hoàng Văn Thụ", "lượt", Decimal("20000"), Decimal("9500"),
                             Decimal("18500"))],
}
INTERIM_SUBMITTED = datetime.datetime(2019, 6, 28, 9, 0, tzinfo=VN)
FINAL_SUBMITTED = datetime.datetime(2019, 10, 3, 9, 0, tzinfo=VN)
LATE_SUBMITTED = datetime.datetime(2019, 10, 7, 15, 0, tzinfo=VN)  # after the 05/10 deadline: flagged late

# Reports on the peak campaign's province-wide targets, with the article's figures:
# (unit, target code, value, note, submitted at).
PEAK_REPORTS: list[tuple[str, str, Decimal, str, datetime.datetime]] = [
    ("so-tai-chinh", "thu-ngan-sach-9-thang", Decimal("5027"), "Thu ngân sách trên địa bàn 9 tháng đạt 5.027 tỷ "
     "đồng.", FINAL_SUBMITTED),
    ("so-tai-chinh", "thu-ngan-sach-so-du-toan", Decimal("92.2"), "Đạt 92,2% so với dự toán.", FINAL_SUBMITTED),
    ("van-phong-ubnd-tinh", "ho-so-tiep-nhan-hcc", Decimal("12537"), "Tiếp nhận 12.537 hồ sơ.", LATE_SUBMITTED),
    ("van-phong-ubnd-tinh", "ty-le-ho-so-truoc-han-dung-han", Decimal("99.08"),
     "99,08% hồ sơ giải quyết trước hạn và đúng hạn.", LATE_SUBMITTED),
]
CLOSED_ON = D(2019, 10, 31)
DEMO_NOTE = "Dữ liệu mẫu."


def _at(day: datetime.date, hour: int = 8) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=VN)


def _seed_audience(campaign: Campaign, year: int) -> int:
    """Every member in ``year`` of the cụm and khối seeded by ``awards.demo.clusters``, with its cluster (the
    decisions' loader adds memberships of its own later: they are not part of the audience)."""
    from awards.demo.clusters import CLUSTERS

    codes = {code for spec in CLUSTERS for code in spec.members}
    count = 0
    memberships = ClusterMembership.objects.filter(year=year, unit__code__in=codes, cluster__code__in=[
        spec.code for spec in CLUSTERS]).select_related("unit", "cluster").order_by("pk")
    for membership in memberships:
        upsert(CampaignAudience, {"campaign": campaign, "unit": membership.unit},
               {"via_cluster": membership.cluster, "added_on": campaign.launch_date})
        count += 1
    return count


def _seed_history(campaign: Campaign) -> int:
    moves = [("launch", CampaignStatus.DRAFT, CampaignStatus.LAUNCHED, _at(campaign.launch_date)),
             ("start", CampaignStatus.LAUNCHED, CampaignStatus.IN_PROGRESS, _at(campaign.launch_date, 9))]
    if campaign.status == CampaignStatus.CLOSED:
        moves.append(("close", CampaignStatus.IN_PROGRESS, CampaignStatus.CLOSED, _at(CLOSED_ON, 10)))
    for action, source, target, at in moves:
        upsert(CampaignTransition, {"campaign": campaign, "action": action},
               {"from_status": source, "to_status": target, "at": at, "note": DEMO_NOTE, "actor": None})
    upsert(Campaign, {"pk": campaign.pk}, {"status_changed_at": moves[-1][3]})
    return len(moves)


def _report(campaign: Campaign, unit: Unit, target: Target, period: str, as_of: D, value: Decimal, note: str,
            submitted_at: datetime.datetime) -> None:
    deadline = campaign.interim_report_deadline if period == ReportPeriod.INTERIM else campaign.final_report_deadline
    upsert(TargetReport, {"unit": unit, "target": target, "period": period},
           {"campaign": campaign, "as_of": as_of, "value": value, "note": note, "submitted_at": submitted_at,
            "is_late": deadline is not None and submitted_at.astimezone(VN).date() > deadline})


def seed_campaigns() -> dict[str, int]:
    """Upsert campaigns by code, content groups by (campaign, number), targets by (campaign, code) and
    registrations by (campaign, unit); the registered titles are set exactly."""
    root = Unit.objects.get(code="ubnd-tinh")
    campaigns: dict[str, Campaign] = {}
    for code, values in CAMPAIGNS.items():
        campaigns[code] = upsert(
            Campaign,
            {"code": code},
            {
                "scope": CampaignScope.PROVINCE,
                "launch_level": LaunchLevel.PROVINCE,
                "launching_unit": root,
                "launch_event": "",
                "launched_by": "",
                "criteria": "",
                **values,
            },
        )

    peak = campaigns["cao-diem-60-ngay-dem-2019"]
    groups = {
        number: upsert(
            ContentGroup,
            {"campaign": peak, "number": number},
            {"title": title, "description": f"{description} {PARAPHRASED}"},
        )
        for number, title, description in PEAK_GROUPS
    }
    for code, values in PEAK_TARGETS.items():
        values = dict(values)
        upsert(
            Target,
            {"campaign": peak, "code": code},
            {"content_group": groups[values.pop("group")], "unit": None, "reported_on": NINE_MONTHS, **values},
        )

    registrations = 0
    for campaign_code, rows in REGISTRATIONS.items():
        for unit_code, registered_on, commitments, titles in rows:
            registration = upsert(
                Registration,
                {"campaign": campaigns[campaign_code], "unit": Unit.objects.get(code=unit_code)},
                {"registered_on": registered_on, "commitments": commitments},
            )
            registration.target_titles.set([award_type_on(title, registered_on) for title in titles])
            registrations += 1

    audience = sum(_seed_audience(campaign, 2019 if campaign.start_date.year <= 2019 else campaign.start_date.year)
                   for campaign in campaigns.values())
    history = sum(_seed_history(campaign) for campaign in campaigns.values())

    special = campaigns["dac-biet-2019"]
    own_targets = reports = 0
    for unit_code, rows in OWN_TARGETS.items():
        unit = Unit.objects.get(code=unit_code)
        for number, indicator, measure, target_value, interim, final in rows:
            target = upsert(Target, {"campaign": special, "code": f"{unit_code}-{number}"},
                            {"unit": unit, "indicator": indicator, "unit_of_measure": measure,
                             "target_value": target_value})
            own_targets += 1
            _report(special, unit, target, ReportPeriod.INTERIM, D(2019, 6, 15), interim, "", INTERIM_SUBMITTED)
            _report(special, unit, target, ReportPeriod.FINAL, NINE_MONTHS, final, "", FINAL_SUBMITTED)
            reports += 2
    for unit_code, target_code, value, note, submitted_at in PEAK_REPORTS:
        _report(peak, Unit.objects.get(code=unit_code), Target.objects.get(campaign=peak, code=target_code),
                ReportPeriod.FINAL, NINE_MONTHS, value, note, submitted_at)
        reports += 1

    for campaign in (special, peak):  # the tổng kết figures and sentence, as close_campaign() writes them
        figures = selectors.summary_figures(campaign, CLOSED_ON)
        upsert(Campaign, {"pk": campaign.pk},
               {"summary": selectors.summary_sentence(campaign, figures, CLOSED_ON), "summary_figures": figures})

    return {
        label(Campaign): len(campaigns),
        label(ContentGroup): len(groups),
        label(Target): len(PEAK_TARGETS) + own_targets,
        label(Registration): registrations,
        label(CampaignAudience): audience,
        label(CampaignTransition): history,
        label(TargetReport): reports,
    }
