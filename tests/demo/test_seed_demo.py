"""``seed_demo``: the Lạng Sơn demo data is complete, exact and idempotent."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from awards.demo import seed_demo
from campaigns.models import Campaign, CampaignStatus, ContentGroup, Registration, Target
from units.models import (
    ClusterMembership,
    ClusterYear,
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

pytestmark = pytest.mark.django_db

DISTRICTS = [
    "Thành phố Lạng Sơn",
    "Huyện Tràng Định",
    "Huyện Văn Lãng",
    "Huyện Văn Quan",
    "Huyện Bình Gia",
    "Huyện Bắc Sơn",
    "Huyện Hữu Lũng",
    "Huyện Chi Lăng",
    "Huyện Cao Lộc",
    "Huyện Lộc Bình",
    "Huyện Đình Lập",
]
DISTRICTS_END = datetime.date(2025, 6, 30)


# A fast hasher: the loader checks and sets five passwords on every run.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[dict[str, int]]:
    """Seed once for the module, in a transaction rolled back at its end; each test runs in a savepoint
    inside it, so what a test changes is undone before the next one."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        counts = seed_demo()
        yield counts
        transaction.set_rollback(True)


def test_management_command(settings):
    """First in the module, before the module-scoped ``seeded`` transaction opens: the command loads into an
    empty database, and loading again adds nothing."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    assert not Campaign.objects.exists()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "Đơn vị: " in text and "Phong trào thi đua: 4 bản ghi mẫu." in text
    assert Campaign.objects.count() == 4
    call_command("seed_demo", stdout=io.StringIO())
    assert Campaign.objects.count() == 4


def snapshot() -> dict[str, list[dict]]:
    """Every row of the units, awards and campaigns apps (M2M tables included), plus auth groups."""
    models = [
        model
        for app_label in ("units", "awards", "campaigns")
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True)
    ]
    models += [Group, Group.permissions.through]
    return {model._meta.label: list(model._default_manager.order_by("pk").values()) for model in models}


def test_second_run_changes_nothing(seeded):
    first = snapshot()
    assert seed_demo() == seeded
    assert snapshot() == first
    assert first["units.Unit"] and first["units.User_groups"] and first["campaigns.Registration_target_titles"]


def test_counts_match_the_database(seeded):
    for model_label, count in seeded.items():
        assert apps.get_model(model_label)._default_manager.count() == count, model_label


def test_province_root_and_departments(seeded):
    root = Unit.objects.get(code="ubnd-tinh")
    assert (root.name, root.short_name, root.kind, root.parent) == (
        "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", UnitKind.PROVINCE, None,
    )
    departments = Unit.objects.filter(kind=UnitKind.DEPARTMENT)
    assert departments.count() >= 20
    assert set(departments.values_list("parent", flat=True)) == {root.pk}
    names = set(departments.values_list("name", flat=True))
    for name in [
        "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp",
        "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường", "Sở Xây dựng",
        "Sở Giao thông vận tải", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội", "Sở Ngoại vụ", "Thanh tra tỉnh",
        "Văn phòng UBND tỉnh", "Ban Dân tộc tỉnh", "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
    ]:
        assert name in names, name
    education = Unit.objects.get(code="so-giao-duc-dao-tao")
    assert (education.name, education.short_name) == ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT")
    assert Unit.objects.get(code="so-noi-vu").name == "Sở Nội vụ"
    board = Unit.objects.get(code="ban-tdkt")
    assert (board.name, board.parent.code) == ("Ban Thi đua - Khen thưởng", "so-noi-vu")


def test_2025_department_merges(seeded):
    planning = Unit.objects.get(code="so-ke-hoach-dau-tu")
    assert planning.valid_to == datetime.date(2025, 2, 28)
    assert list(Unit.objects.get(code="so-tai-chinh").predecessors.all()) == [planning]
    merged = Unit.objects.get(name="Sở Nông nghiệp và Môi trường")
    assert merged.valid_from == datetime.date(2025, 3, 1)
    assert set(merged.predecessors.values_list("name", flat=True)) == {
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường",
    }
    on_day = set(Unit.objects.active_on(datetime.date(2025, 3, 1)).values_list("code", flat=True))
    assert "so-nong-nghiep-moi-truong" in on_day and "so-ke-hoach-dau-tu" not in on_day


def test_mass_organisations_and_central_agencies(seeded):
    assert set(Unit.objects.filter(kind=UnitKind.MASS_ORGANISATION).values_list("name", flat=True)) == {
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn",
        "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh",
    }
    assert set(Unit.objects.filter(kind=UnitKind.CENTRAL_AGENCY).values_list("name", flat=True)) == {
        "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Cục Thuế tỉnh",
        "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh",
    }
    assert Unit.objects.filter(kind=UnitKind.ENTERPRISE, name="Công ty Điện lực Lạng Sơn").exists()


def test_the_eleven_districts_until_mid_2025(seeded):
    districts = Unit.objects.filter(kind=UnitKind.DISTRICT)
    assert sorted(districts.values_list("name", flat=True)) == sorted(DISTRICTS)
    assert set(districts.values_list("valid_to", flat=True)) == {DISTRICTS_END}
    assert not Unit.objects.active_on(datetime.date(2025, 7, 1)).filter(kind=UnitKind.DISTRICT).exists()


@pytest.mark.parametrize(
    ("commune", "district"),
    [
        ("Xã Đề Thám", "Huyện Tràng Định"),
        ("Xã Hiệp Hạ", "Huyện Lộc Bình"),
        ("Xã Bắc Lãng", "Huyện Đình Lập"),
        ("Phường Hoàng Văn Thụ", "Thành phố Lạng Sơn"),
        ("Phường Chi Lăng", "Thành phố Lạng Sơn"),
        ("Phường Vĩnh Trại", "Thành phố Lạng Sơn"),
        ("Phường Tam Thanh", "Thành phố Lạng Sơn"),
        ("Phường Đông Kinh", "Thành phố Lạng Sơn"),
    ],
)
def test_communes_under_their_district(seeded, commune, district):
    row = Unit.objects.get(name=commune, parent__name=district)
    assert (row.kind, row.valid_to) == (UnitKind.COMMUNE, DISTRICTS_END)


@pytest.mark.parametrize(
    ("village", "commune"),
    [("Thôn Nà Ao 2", "Xã Đề Thám"), ("Thôn Bản Đoóc", "Xã Hiệp Hạ"), ("Thôn Nà Pẻo", "Xã Bắc Lãng")],
)
def test_villages_under_their_commune(seeded, village, commune):
    assert Unit.objects.get(name=village, kind=UnitKind.VILLAGE).parent.name == commune


def test_post_2025_communes_name_their_predecessors(seeded):
    new = Unit.objects.filter(kind=UnitKind.COMMUNE, valid_from=datetime.date(2025, 7, 1))
    assert new.count() >= 3
    for row in new:
        assert row.parent.code == "ubnd-tinh"
        assert row.predecessors.exists()
        assert set(row.predecessors.values_list("valid_to", flat=True)) == {DISTRICTS_END}


@pytest.mark.parametrize(
    ("name", "kind", "parent"),
    [
        ("Bệnh viện Đa khoa tỉnh", UnitKind.PUBLIC_SERVICE, "Sở Y tế"),
        ("Trường THPT Chuyên Chu Văn An", UnitKind.PUBLIC_SERVICE, "Sở Giáo dục và Đào tạo"),
        ("Phòng Xây dựng chính quyền và Công tác thanh niên", UnitKind.DIVISION, "Sở Nội vụ"),
        ("Phòng Quản lý Văn hóa", UnitKind.DIVISION, "Sở Văn hóa, Thể thao và Du lịch"),
        ("Ban Thi đua - Khen thưởng", UnitKind.DIVISION, "Sở Nội vụ"),
    ],
)
def test_sub_units(seeded, name, kind, parent):
    row = Unit.objects.get(name=name)
    assert (row.kind, row.parent.name) == (kind, parent)


def test_unit_codes_and_sort_orders_are_distinct(seeded):
    orders = list(Unit.objects.values_list("sort_order", flat=True))
    assert len(set(orders)) == len(orders) == seeded["units.Unit"]


def test_clusters_have_members_and_leaders_each_year(seeded):
    clusters = EmulationCluster.objects.all()
    assert clusters.count() >= 4
    for cluster in clusters:
        leaders = []
        for year in (2019, 2020, 2021):
            members = set(ClusterMembership.objects.filter(cluster=cluster, year=year).values_list("unit", flat=True))
            assert len(members) >= 2, (cluster, year)
            cluster_year = ClusterYear.objects.get(cluster=cluster, year=year)
            assert cluster_year.leader_id in members and cluster_year.deputy_id in members
            assert cluster_year.leader_id != cluster_year.deputy_id
            cluster_year.full_clean()
            leaders.append(cluster_year.leader_id)
        assert len(set(leaders)) == 3, f"{cluster} does not rotate its leader"


def test_inland_and_border_district_clusters(seeded):
    inland = ClusterMembership.objects.filter(cluster__name="Cụm thi đua các huyện nội địa", year=2020)
    assert set(inland.values_list("unit__name", flat=True)) == {
        "Huyện Văn Quan", "Huyện Bình Gia", "Huyện Bắc Sơn", "Huyện Chi Lăng", "Huyện Hữu Lũng", "Thành phố Lạng Sơn",
    }
    border = ClusterMembership.objects.filter(cluster__name="Cụm thi đua các huyện biên giới", year=2021)
    assert set(border.values_list("unit__name", flat=True)) == {
        "Huyện Tràng Định", "Huyện Văn Lãng", "Huyện Cao Lộc", "Huyện Lộc Bình", "Huyện Đình Lập",
    }
    parties = ClusterMembership.objects.filter(cluster__name="Khối Đảng, đoàn thể", year=2019)
    assert set(parties.values_list("unit__kind", flat=True)) == {UnitKind.MASS_ORGANISATION}


def test_the_four_campaigns(seeded):
    assert dict(Campaign.objects.values_list("code", "kind")) == {
        "dac-biet-2019": "dac_biet",
        "cao-diem-60-ngay-dem-2019": "cao_diem",
        "dac-biet-2021": "dac_biet",
        "thuong-xuyen-2021": "thuong_xuyen",
    }
    for campaign in Campaign.objects.all():
        assert (campaign.launching_unit.code, campaign.launch_level, campaign.scope) == ("ubnd-tinh", "tinh", "dia_phuong")
    special = Campaign.objects.get(code="dac-biet-2019")
    assert special.theme == (
        "Đảng bộ, chính quyền, quân và dân các dân tộc tỉnh Lạng Sơn đoàn kết, sáng tạo, thi đua lập thành tích xuất "
        "sắc chào mừng kỷ niệm 110 năm ngày sinh đồng chí Hoàng Văn Thụ (04/11/1909 - 04/11/2019) và kỷ niệm 188 năm "
        "ngày thành lập tỉnh (04/11/1831 - 04/11/2019)"
    )
    assert (special.method, special.status, special.end_date) == (
        "chuyen_de", CampaignStatus.CLOSED, datetime.date(2019, 10, 31),
    )
    assert special.start_date.year == 2018
    peak = Campaign.objects.get(code="cao-diem-60-ngay-dem-2019")
    assert (peak.method, peak.status, peak.start_date) == ("chuyen_de", CampaignStatus.CLOSED, datetime.date(2019, 8, 19))
    assert peak.theme == (
        "60 ngày đêm ra sức thi đua đoàn kết, sáng tạo, quyết tâm lập thành tích chào mừng kỷ niệm 110 năm ngày sinh "
        "đồng chí Hoàng Văn Thụ và kỷ niệm 188 năm ngày thành lập tỉnh"
    )
    special_2021 = Campaign.objects.get(code="dac-biet-2021")
    assert special_2021.theme == (
        "Đảng bộ, chính quyền và nhân dân các dân tộc tỉnh Lạng Sơn phát huy truyền thống anh hùng, khát vọng xây "
        "dựng quê hương giàu đẹp, quyết tâm đoàn kết, dân chủ, kỷ cương, sáng tạo, trách nhiệm, thi đua thực hiện "
        "tốt cuộc bầu cử đại biểu Quốc hội khoá XV và đại biểu HĐND các cấp nhiệm kỳ 2021 – 2026, lập thành tích "
        "xuất sắc chào mừng Kỷ niệm 190 năm ngày thành lập tỉnh Lạng Sơn (04/11/1831 – 04/11/2021)"
    )
    assert (special_2021.launch_date, special_2021.end_date) == (datetime.date(2021, 2, 6), datetime.date(2021, 11, 4))
    assert "Dương Xuân Huyên" in special_2021.launched_by
    assert "06/02/2021" in special_2021.launch_event and "Trung tâm Hội nghị tỉnh" in special_2021.launch_event
    yearly = Campaign.objects.get(code="thuong-xuyen-2021")
    assert (yearly.method, yearly.start_date, yearly.end_date) == (
        "thuong_xuyen", datetime.date(2021, 1, 1), datetime.date(2021, 12, 31),
    )
    assert yearly.theme == "Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo bứt phá"


def test_peak_campaign_groups_and_quoted_results(seeded):
    peak = Campaign.objects.get(code="cao-diem-60-ngay-dem-2019")
    assert list(ContentGroup.objects.filter(campaign=peak).values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    targets = {t.code: t for t in Target.objects.filter(campaign=peak)}
    expected = {
        "chi-so-san-xuat-cong-nghiep": ("%", None, Decimal("6.86"), 2),
        "thu-ngan-sach-9-thang": ("tỷ đồng", None, Decimal("5027"), 2),
        "thu-ngan-sach-so-du-toan": ("%", Decimal("100"), Decimal("92.2"), 2),
        "thu-ngan-sach-so-cung-ky": ("%", None, Decimal("136.3"), 2),
        "ho-so-tiep-nhan-hcc": ("hồ sơ", None, Decimal("12537"), 3),
        "ty-le-ho-so-truoc-han-dung-han": ("%", None, Decimal("99.08"), 3),
    }
    assert set(targets) == set(expected)
    for code, (measure, target_value, result, group) in expected.items():
        target = targets[code]
        assert (target.unit_of_measure, target.target_value, target.result_value) == (measure, target_value, result)
        assert target.content_group.number == group
        assert target.unit is None
        target.full_clean()
    assert targets["thu-ngan-sach-so-du-toan"].achievement_pct == Decimal("92.20")


def test_2019_registrations_aim_at_catalogue_titles(seeded):
    registrations = Registration.objects.filter(campaign__code__endswith="-2019")
    assert registrations.count() >= 4
    titles = set()
    for registration in registrations:
        assert registration.commitments
        assert registration.target_titles.exists()
        for title in registration.target_titles.all():
            assert title.is_active_on(registration.registered_on)
            titles.add(title.code)
    assert titles == {"co-thi-dua-ubnd-tinh", "tap-the-lao-dong-xuat-sac"}


@pytest.mark.parametrize(
    ("name", "gender", "unit", "position", "category"),
    [
        ("Hồ Tiến Thiệu", Gender.MALE, "Ủy ban nhân dân tỉnh Lạng Sơn",
         "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
         PersonCategory.PROVINCIAL_LEADER),
        ("Dương Xuân Huyên", Gender.MALE, "Ủy ban nhân dân tỉnh Lạng Sơn",
         "Phó Chủ tịch UBND tỉnh, Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng tỉnh",
         PersonCategory.PROVINCIAL_LEADER),
        ("Hoàng Văn Nghiệm", Gender.MALE, None, "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
         PersonCategory.PROVINCIAL_LEADER),
        ("Phạm Ngọc Thưởng", Gender.MALE, "Ủy ban nhân dân tỉnh Lạng Sơn", "Chủ tịch UBND tỉnh (năm 2019)",
         PersonCategory.PROVINCIAL_LEADER),
        ("Hoàng Quốc Thịnh", Gender.MALE, "Ban Thi đua - Khen thưởng", "Chuyên viên Ban Thi đua - Khen thưởng",
         PersonCategory.DIRECT_WORKER),
        ("Trần Văn Ba", Gender.MALE, "Ban Thi đua - Khen thưởng", "Chuyên viên Ban Thi đua - Khen thưởng",
         PersonCategory.DIRECT_WORKER),
        ("Hoàng Mạnh Cương", Gender.MALE, "Bệnh viện Đa khoa tỉnh", "Trưởng Phòng Kế hoạch tổng hợp",
         PersonCategory.OTHER_LEADER),
        ("Nguyễn Khắc Phương", Gender.MALE, "Phòng Xây dựng chính quyền và Công tác thanh niên",
         "Trưởng phòng Xây dựng chính quyền và Công tác thanh niên", PersonCategory.OTHER_LEADER),
        ("Hà Thị Lư", Gender.FEMALE, "Phòng Quản lý Văn hóa", "Trưởng Phòng Quản lý Văn hóa",
         PersonCategory.OTHER_LEADER),
        ("Lương Thị Bình", Gender.FEMALE, "Thôn Nà Ao 2",
         "Bí thư Chi bộ, Trưởng Ban công tác mặt trận, Trưởng thôn Nà Ao 2", PersonCategory.DIRECT_WORKER),
    ],
)
def test_named_persons(seeded, name, gender, unit, position, category):
    person = Person.objects.get(full_name=name)
    assert (person.gender, person.position, person.category) == (gender, position, category)
    assert (person.unit.name if person.unit else None) == unit
    assert person.citizen_id == ""


def test_households(seeded):
    rows = {h.name: h for h in Household.objects.all()}
    assert set(rows) == {"Gia đình ông Vi Thanh Liêm", "Gia đình ông Lương Hồng Chắn"}
    liem, chan = rows["Gia đình ông Vi Thanh Liêm"], rows["Gia đình ông Lương Hồng Chắn"]
    assert (liem.head_name, liem.commune.name, liem.commune.parent.name) == ("Vi Thanh Liêm", "Xã Hiệp Hạ", "Huyện Lộc Bình")
    assert "Thôn Bản Đoóc" in liem.address
    assert (chan.head_name, chan.commune.name, chan.commune.parent.name) == (
        "Lương Hồng Chắn", "Xã Bắc Lãng", "Huyện Đình Lập",
    )
    assert "Thôn Nà Pẻo" in chan.address


@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("admin", Role.ADMINISTRATOR),
        ("bantdkt", Role.BOARD_STAFF),
        ("donvi", Role.UNIT_OFFICER),
        ("hoidong", Role.COUNCIL_MEMBER),
        ("lanhdao", Role.LEADERSHIP),
        ("ketoan", Role.ACCOUNTANT),
    ],
)
def test_demo_accounts_log_in_with_their_role(seeded, username, role):
    assert Client().login(username=username, password="thidua2021")
    user = User.objects.get(username=username)
    assert list(user.groups.values_list("name", flat=True)) == [role.value]
    assert user.primary_role == role
    assert user.full_name and user.position


def test_demo_account_flags_and_units(seeded):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    staff = User.objects.get(username="bantdkt")
    assert staff.is_staff and not staff.is_superuser and staff.unit.code == "ban-tdkt"
    assert User.objects.get(username="donvi").unit.name == "Sở Giáo dục và Đào tạo"
    assert not User.objects.filter(username__in=["donvi", "hoidong", "lanhdao"], is_staff=True).exists()


def test_a_changed_password_is_reset(seeded):
    user = User.objects.get(username="donvi")
    user.set_password("something-else")
    user.save()
    seed_demo()
    user.refresh_from_db()
    assert user.check_password("thidua2021")


# --- The award figures of the articles, made through the services (awards.demo.decisions) ----------------

HCLD_CODES = ["huan-chuong-lao-dong-hang-ba", "huan-chuong-lao-dong-hang-ba", "huan-chuong-lao-dong-hang-nhat",
              "huan-chuong-lao-dong-hang-nhi"]


def awards_of(year: int, **filters):
    from awards.models import Award

    return Award.objects.filter(year=year, revoked=False, **filters)


def kinds(rows) -> dict[str, int]:
    from collections import Counter

    return dict(Counter(rows.values_list("recipient_kind", flat=True)))


def test_2019_bang_khen_27_collectives_24_individuals_2_households(seeded):
    from awards.documents import wording

    rows = awards_of(2019, award_code="bang-khen-chu-tich-ubnd-tinh")
    assert kinds(rows) == {"tap_the": 27, "ca_nhan": 24, "ho_gia_dinh": 2}
    assert set(rows.values_list("occasion", "source", "decided_on")) == {
        ("chuyen_de", "province", datetime.date(2019, 10, 31))}
    assert set(rows.values_list("campaign__code", flat=True)) == {"dac-biet-2019", "cao-diem-60-ngay-dem-2019"}
    assert set(rows.filter(recipient_kind="ho_gia_dinh").values_list("household__name", flat=True)) == {
        "Gia đình ông Vi Thanh Liêm", "Gia đình ông Lương Hồng Chắn"}
    individuals = set(rows.filter(recipient_kind="ca_nhan").values_list("person__full_name", flat=True))
    assert {"Hoàng Mạnh Cương", "Nguyễn Khắc Phương", "Hà Thị Lư", "Lương Thị Bình"} <= individuals
    assert len(individuals) == 24
    decision = rows.first().decision
    assert set(rows.values_list("decision", flat=True)) == {decision.pk}
    assert (decision.signer.full_name, decision.signer.capacity) == ("Phạm Ngọc Thưởng", "chu_tich")
    assert "cho 27 tập thể, 24 cá nhân và 02 hộ gia đình" in wording.article_one(decision)


def test_2020_huan_chuong_lao_dong_for_4_collectives(seeded):
    rows = awards_of(2020, award_code__startswith="huan-chuong-lao-dong-hang-")
    assert kinds(rows) == {"tap_the": 4}
    assert sorted(rows.values_list("award_code", flat=True)) == HCLD_CODES
    assert set(rows.values_list("source", "authority", "occasion", "achievement_year", "issuer")) == {
        ("central", "chu_tich_nuoc", "cong_trang", 2019, "Chủ tịch nước")}


def test_2020_bang_khen_thu_tuong_for_16_collectives_and_individuals(seeded):
    rows = awards_of(2020, award_code="bang-khen-thu-tuong")
    assert kinds(rows) == {"tap_the": 9, "ca_nhan": 7}
    assert set(rows.values_list("source", "authority", "occasion")) == {("central", "thu_tuong", "chuyen_de")}


def test_2020_co_thi_dua_for_36_collectives(seeded):
    rows = awards_of(2020, award_code="co-thi-dua-ubnd-tinh")
    assert kinds(rows) == {"tap_the": 36}
    assert rows.values("unit").distinct().count() == 36
    assert set(rows.values_list("occasion", "decided_on", "decision__signer__full_name")) == {
        ("cong_trang", datetime.date(2020, 12, 30), "Hồ Tiến Thiệu")}
    assert "dẫn đầu phong trào thi đua yêu nước của tỉnh năm 2020" in rows.first().decision.reason


def test_2020_bang_khen_for_29_collectives_of_the_cluster_reviews(seeded):
    rows = awards_of(2020, award_code="bang-khen-chu-tich-ubnd-tinh", occasion="cong_trang")
    assert kinds(rows) == {"tap_the": 29}
    assert not awards_of(2020, award_code="bang-khen-chu-tich-ubnd-tinh").exclude(occasion="cong_trang").exists()
    decision = rows.first().decision
    assert set(rows.values_list("decision", flat=True)) == {decision.pk}
    assert (decision.signer.full_name, decision.signer.capacity) == ("Dương Xuân Huyên", "kt_chu_tich")
    assert "được bình xét trong các cụm thi đua năm 2020" in decision.reason
    # Every one of the 29 belongs to a cụm or khối in 2020 (one each), and each was proposed by its leader.
    members = dict(ClusterMembership.objects.filter(year=2020).values_list("unit", "cluster"))
    leaders = dict(ClusterYear.objects.filter(year=2020).values_list("cluster", "leader"))
    for unit_id, proposer_id in rows.values_list("unit", "proposing_unit"):
        assert unit_id in members
        assert leaders[members[unit_id]] == proposer_id


def test_every_cluster_of_2020_gives_one_flag(seeded):
    members = dict(ClusterMembership.objects.filter(year=2020).values_list("unit", "cluster"))
    flags = awards_of(2020, award_code="co-thi-dua-ubnd-tinh")
    flagged = [members[u] for u in flags.values_list("unit", flat=True) if u in members]
    assert sorted(flagged) == sorted(EmulationCluster.objects.values_list("pk", flat=True))


def test_provincial_awards_are_the_lines_of_published_decisions(seeded):
    from awards.models import Award, DecisionLine, DecisionState

    awards = Award.objects.filter(source="province", year__in=[2019, 2020])
    # The units' own rounds of 2019, decided in January 2020, are published decisions too (awards.demo.unit_rounds).
    assert awards.filter(body__kind__in=["so_ban_nganh", "xa_phuong"]).count() == 19
    rows = awards.filter(body__kind="tinh").select_related("decision", "nomination")
    assert rows.count() == 27 + 24 + 2 + 36 + 29
    for award in rows:
        decision = award.decision
        assert decision.state == DecisionState.PUBLISHED and decision.published_at is not None
        assert (award.decision_number, award.decided_on, award.year) == (
            decision.code, decision.decided_on, decision.decided_on.year)
        line = DecisionLine.objects.get(decision=decision, nomination=award.nomination, active=True)
        assert (line.recipient_kind, line.recipient_name, line.bonus_amount) == (
            award.recipient_kind, award.recipient_name, award.bonus_amount)
        assert award.nomination.dossier.state == "decided"
    for decision in {award.decision for award in rows}:
        assert decision.lines.filter(active=True).count() == Award.objects.filter(decision=decision).count()


def test_central_awards_carry_the_recorded_central_decisions(seeded):
    from awards.models import Award

    rows = Award.objects.filter(source="central").select_related("nomination__dossier")
    assert rows.count() == 4 + 16
    assert set(rows.values_list("decision_number", "decided_on")) == {
        ("2177/QĐ-CTN", datetime.date(2020, 12, 28)), ("1998/QĐ-TTg", datetime.date(2020, 12, 15))}
    for award in rows:
        nomination, dossier = award.nomination, award.nomination.dossier
        assert award.decision is None
        assert (nomination.central_outcome, nomination.central_decision_number, nomination.central_decision_date) == (
            "awarded", award.decision_number, award.decided_on)
        assert dossier.state == "decided" and dossier.forward_number and dossier.forward_date
        assert list(dossier.history.values_list("action", flat=True))[-2:] == ["forward", "record_central"]


def test_demo_dossiers_went_through_the_workflow_on_their_own_dates(seeded):
    from awards.models import Dossier, DossierTransition

    dossiers = Dossier.objects.filter(reference__startswith="DEMO")
    assert dossiers.count() == 57 and seeded["awards.Dossier"] == 57 + 6  # and the units' 6 rounds
    assert set(dossiers.values_list("state", flat=True)) == {"decided"}
    for dossier in dossiers.select_related("unit"):
        history = list(dossier.history.select_related("actor"))
        resent = ["return", "submit", "receive"] if dossier.reference == "DEMO20-H01" else []  # returned once
        assert [h.action for h in history[:3 + len(resent)]] == ["submit", "receive", *resent, "complete_review"]
        assert history[0].actor.unit_id == dossier.unit_id and history[0].actor.has_role(Role.UNIT_OFFICER)
        assert history[-1].action in {"decide", "record_central"}
        assert dossier.revisions.count() == (2 if resent else 1) and dossier.attachments.exists()
        assert dossier.submission_number and dossier.submission_date.year in {2019, 2020}
    # Stamped on the story's days, never on the day the loader runs.
    stamps = list(DossierTransition.objects.values_list("at", flat=True))
    assert min(stamps).date() >= datetime.date(2019, 10, 1) and max(stamps).date() <= datetime.date(2021, 1, 31)


def test_council_voted_the_36_flags_unanimously(seeded):
    from awards.models import AgendaItem, CouncilSession, Vote

    session = CouncilSession.objects.get()
    members = set(session.members.values_list("username", flat=True))
    assert members == {"hoidong", *(f"demo-council-{n}" for n in range(1, 10))}
    assert (session.status, session.held_on) == ("closed", datetime.date(2020, 12, 24))
    items = AgendaItem.objects.filter(session=session)
    assert items.count() == 36
    assert set(items.values_list("yes_count", "no_count", "member_count", "threshold_pct", "passed")) == {
        (10, 0, 10, Decimal("80.00"), True)}
    assert set(items.values_list("nomination__award_type__code", flat=True)) == {"co-thi-dua-ubnd-tinh"}
    assert Vote.objects.filter(item__session=session, voided=False, written=False, choice="yes").count() == 360
    assert session.minutes_code == "01/BB-HĐTĐKT"
    assert (session.chair.username, session.chair_display) == ("demo-council-1", "Dương Xuân Huyên")
    assert (session.secretary_display, session.secretary_position) == (
        "Trần Văn Ba", "Chuyên viên Ban Thi đua - Khen thưởng")


def test_signers_and_their_terms(seeded):
    from awards.decisions.services import signer_on

    assert signer_on(datetime.date(2019, 10, 31), "chu_tich").full_name == "Phạm Ngọc Thưởng"
    assert signer_on(datetime.date(2020, 12, 30), "chu_tich").full_name == "Hồ Tiến Thiệu"
    assert signer_on(datetime.date(2020, 12, 30), "kt_chu_tich").full_name == "Dương Xuân Huyên"


def test_demo_officers_and_council_members_cannot_log_in(seeded):
    officers = User.objects.filter(username__startswith="demo-officer-")
    council = User.objects.filter(username__startswith="demo-council-")
    assert council.count() == 9 and officers.count() == seeded["units.User"] - 6 - 9
    for user in [*officers, *council]:
        assert not user.has_usable_password()
    assert {u.primary_role for u in officers} == {Role.UNIT_OFFICER}
    assert {u.primary_role for u in council} == {Role.COUNCIL_MEMBER}
    assert all(u.unit_id for u in officers)
    assert len({u.unit_id for u in officers}) == officers.count()


def test_second_run_keeps_the_award_record(seeded):
    from awards.models import Award, Decision

    before = (list(Award.objects.order_by("pk").values()), sorted(d.code for d in Decision.objects.all()))
    assert seed_demo() == seeded
    assert (list(Award.objects.order_by("pk").values()), sorted(d.code for d in Decision.objects.all())) == before


def test_demo_units_are_found_by_the_names_people_write(seeded):
    """Aliases of the sở and communes (``awards.demo.units.alias_specs``), read by ``units.names``."""
    from units.models import UnitAlias
    from units.names import resolve_unit
    from units.scope import recipient_scope

    end_2019, end_2026 = datetime.date(2019, 12, 31), datetime.date(2026, 12, 31)
    assert seeded["units.UnitAlias"] == UnitAlias.objects.count() == 54
    code = {text: resolve_unit(text, end_2019).code for text in [
        "UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ, huyện Lộc Bình", "Sở GDĐT",
        "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "UBND tỉnh Lạng Sơn", "phuong chi lang, thanh pho lang son",
    ]}
    assert code == {
        "UBND xã Hiệp Hạ": "xa-hiep-ha", "Ủy ban nhân dân xã Hiệp Hạ, huyện Lộc Bình": "xa-hiep-ha",
        "Sở GDĐT": "so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn": "so-giao-duc-dao-tao",
        "UBND tỉnh Lạng Sơn": "ubnd-tinh", "phuong chi lang, thanh pho lang son": "phuong-chi-lang",
    }
    # After the 2025 merger the district's name is history: the commune formed from it.
    assert resolve_unit("UBND xã Hiệp Hạ, huyện Lộc Bình", end_2026).code == "xa-loc-binh-2025"
    # The demo officer of the Sở GD&ĐT names his schools, not another sở.
    scope = recipient_scope(User.objects.get(username="donvi"), Unit.objects.get(code="so-giao-duc-dao-tao"))
    assert resolve_unit("UBND Trường THPT Chuyên Chu Văn An", end_2019, scope.unit_ids).code == (
        "truong-thpt-chuyen-chu-van-an")
    assert resolve_unit("Sở Y tế tỉnh Lạng Sơn", end_2019, scope.unit_ids).reason == "outside"


def test_demo_decisions_answer_the_board_submission(seeded):
    from awards.documents import decision_pdf
    from awards.models import Decision
    from tests import pdf_tools

    rows = list(Decision.objects.filter(body__kind="tinh").order_by("decided_on", "number").values_list(
        "number", "decided_on", "submission_number", "submission_date"))
    assert [(decided, number, day) for _n, decided, number, day in rows] == [
        (datetime.date(2019, 10, 31), "412/TTr-SNV", datetime.date(2019, 10, 28)),
        (datetime.date(2020, 12, 30), "598/TTr-SNV", datetime.date(2020, 12, 26)),
        (datetime.date(2020, 12, 30), "599/TTr-SNV", datetime.date(2020, 12, 26)),
    ]
    flags = Decision.objects.get(submission_number="598/TTr-SNV")
    lines = [line.strip() for line in pdf_tools.text(decision_pdf.render(flags, "submission")[0]).splitlines()
             if line.strip()]
    assert lines[2].startswith("Số: 598/TTr-SNV") and lines[2].endswith("Lạng Sơn, ngày 26 tháng 12 năm 2020")
    assert lines[-1] == "Nông Văn Tiến"


def test_the_demo_officer_of_the_sở_addresses_its_rounds_to_the_giám_đốc(seeded):
    """Issue 13: the Sở GD&ĐT decides its own titles; ``donvi`` is offered its Giám đốc on the new-dossier form."""
    client = Client()
    client.force_login(User.objects.get(username="donvi"))
    page = client.get("/awards/dossiers/new/").content.decode()
    assert '<optgroup label="Thủ trưởng đơn vị">' in page
    assert ">Giám đốc Sở Giáo dục và Đào tạo</option>" in page


def test_the_unit_officer_finds_notices_of_the_real_events(seeded):
    """The workflows of the demo wrote donvi's notices (issue 17): received, returned with the reason, decided with
    the decision number, each on the story's day."""
    from awards.models import Notice

    notices = Notice.objects.filter(recipient__username="donvi").order_by("created_at", "pk")
    kinds = set(notices.values_list("kind", flat=True))
    assert {"dossier_received", "dossier_returned", "dossier_decided"} <= kinds
    returned = notices.get(kind="dossier_returned")
    assert returned.title == ("Hồ sơ DEMO20-H01 bị Ban Thi đua - Khen thưởng trả lại: Bổ sung biên bản họp Hội đồng "
                              "Thi đua - Khen thưởng của Sở xét đề nghị khen thưởng")
    assert returned.created_at.date() == datetime.date(2020, 3, 12)
    decided = [n.title for n in notices.filter(kind="dossier_decided")]
    assert decided and all(" đã có quyết định " in title for title in decided)
    assert any(title.endswith("/QĐ-UBND") for title in decided)
    assert notices.filter(read_at__isnull=True).count() == notices.count()
