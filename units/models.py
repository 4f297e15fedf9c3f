"""Who takes part: users and their roles, the unit tree, emulation clusters, persons and households."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.models_aliases import UnitAlias  # noqa: F401  (same app, own module)
from units.models_audit import PersonalDataRead, ReadKind  # noqa: F401  (same app, own module)
from units.models_clusters import (  # noqa: F401  (same app, own module)
    ClusterCriterion,
    ClusterScore,
    ClusterYearState,
    ClusterYearTransition,
)
from units.text import nfc

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class Role(models.TextChoices):
    """Each role is a Django group of the same name (created after migrate, see ``units.roles``)."""

    BOARD_STAFF = "board_staff", _("Cán bộ Ban Thi đua - Khen thưởng")
    UNIT_OFFICER = "unit_officer", _("Cán bộ thi đua - khen thưởng của đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng Thi đua - Khen thưởng")
    LEADERSHIP = "leadership", _("Lãnh đạo")
    ACCOUNTANT = "accountant", _("Kế toán quỹ thi đua, khen thưởng (Sở Nội vụ)")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")


# When a user holds several roles, the landing page follows the first of these.
ROLE_PRECEDENCE = [
    Role.ADMINISTRATOR,
    Role.BOARD_STAFF,
    Role.LEADERSHIP,
    Role.COUNCIL_MEMBER,
    Role.UNIT_OFFICER,
    Role.ACCOUNTANT,
]


class ValidityQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date) -> models.QuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class UnitKind(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    DEPARTMENT = "so_ban_nganh", _("Sở, ban, ngành")
    MASS_ORGANISATION = "doan_the", _("Tổ chức chính trị - xã hội, đoàn thể")
    DISTRICT = "huyen", _("Huyện, thành phố")
    COMMUNE = "xa_phuong", _("Xã, phường")
    PUBLIC_SERVICE = "su_nghiep", _("Đơn vị sự nghiệp")
    ENTERPRISE = "doanh_nghiep", _("Doanh nghiệp")
    CENTRAL_AGENCY = "trung_uong", _("Cơ quan Trung ương trên địa bàn")
    DIVISION = "phong_ban", _("Phòng, ban, bộ phận trực thuộc")
    VILLAGE = "thon", _("Thôn, tổ dân phố")


class Unit(models.Model):
    """A node of the unit tree. Units merge and split: old ones keep ``valid_to``, new ones name
    their predecessors (the 2025 reorganisation abolished districts on 2025-07-01)."""

    code = models.SlugField(_("mã đơn vị"), max_length=80, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    predecessors = models.ManyToManyField(
        "self",
        verbose_name=_("hình thành từ các đơn vị"),
        symmetrical=False,
        blank=True,
        related_name="successors",
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "đơn vị")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        node, seen = self.parent, set()
        while node is not None:
            if node.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("Đơn vị cấp trên không được là chính nó hoặc đơn vị con.")})
            if node.pk in seen:
                break
            seen.add(node.pk)
            node = node.parent

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def display_short(self) -> str:
        return self.short_name or self.name


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Bắt buộc với cán bộ thi đua của đơn vị: họ chỉ làm việc với hồ sơ của đơn vị này."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = pgettext_lazy("số nhiều", "người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        self.position = nfc(self.position)
        super().save(*args, **kwargs)

    @cached_property
    def roles(self) -> frozenset[str]:
        if not self.is_authenticated or not self.is_active:
            return frozenset()
        names = self.__dict__.get("group_names")  # read with the user by units.security.backend (PostgreSQL)
        names = set(self.groups.values_list("name", flat=True) if names is None else names) & set(Role.values)
        if self.is_superuser:
            names.add(Role.ADMINISTRATOR)
        return frozenset(names)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    def roles_labels(self) -> list[str]:
        return [Role(role).label for role in ROLE_PRECEDENCE if role in self.roles]

    @property
    def primary_role(self) -> Role | None:
        for role in ROLE_PRECEDENCE:
            if role in self.roles:
                return role
        return None

    @cached_property
    def is_province_leader(self) -> bool:
        """A leader of no unit or of the UBND tỉnh; a leader of a sở, xã or school reads his own unit only."""
        if not self.has_role(Role.LEADERSHIP):
            return False
        return self.unit_id is None or self.unit.kind == UnitKind.PROVINCE

    @property
    def reads_own_unit(self) -> bool:
        """Reads the work of his own unit only: its officers, and the leaders of a unit below the province."""
        return self.unit_id is not None and (
            self.has_role(Role.UNIT_OFFICER) or (self.has_role(Role.LEADERSHIP) and not self.is_province_leader))

    @property
    def is_board(self) -> bool:
        """Board staff and administrators see and manage every unit's work."""
        return self.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username


class Gender(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class PersonCategory(models.TextChoices):
    """Phân loại đối tượng cá nhân, as in the rows of statistics forms 0602/0603 (TT 02/2023)."""

    PROVINCIAL_LEADER = "lanh_dao_tinh", _("Lãnh đạo cấp bộ, cấp tỉnh trở lên")
    DEPARTMENT_LEADER = "lanh_dao_so", _("Lãnh đạo cấp vụ, sở, ngành")
    ENTREPRENEUR = "doanh_nhan", _("Doanh nhân")
    OTHER_LEADER = "lanh_dao_khac", _("Các cấp lãnh đạo khác từ phó phòng trở lên")
    DIRECT_WORKER = "truc_tiep", _("Người trực tiếp công tác, lao động, học tập, chiến đấu")
    OTHER = "khac", _("Khác")


citizen_id_validator = RegexValidator(
    r"^\d{12}$", _("Số căn cước công dân gồm đúng 12 chữ số.")
)


class Person(models.Model):
    """A natural person who can be nominated. ``citizen_id`` is personal data: it is never listed
    and never exported by default."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị công tác"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="persons",
    )
    category = models.CharField(
        _("phân loại đối tượng"), max_length=20, choices=PersonCategory.choices,
        default=PersonCategory.DIRECT_WORKER,
    )
    citizen_id = models.CharField(
        _("số căn cước công dân"), max_length=12, blank=True, validators=[citizen_id_validator],
        help_text=_("Dữ liệu cá nhân: không hiển thị trong danh sách, không xuất ra tệp."),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = pgettext_lazy("số nhiều", "cá nhân")
        ordering = ["full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["citizen_id"],
                condition=~Q(citizen_id=""),
                name="person_citizen_id_unique",
                violation_error_message=_("Đã có một cá nhân với số căn cước công dân này."),
            ),
        ]
        indexes = [models.Index(fields=["unit", "full_name"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        self.position = nfc(self.position)
        super().save(*args, **kwargs)

    @property
    def honorific(self) -> str:
        """"Ông" or "Bà", as in the annex of a decision."""
        return "Bà" if self.gender == Gender.FEMALE else "Ông"


class Household(models.Model):
    """A household (hộ gia đình) recipient, e.g. "Gia đình ông Vi Thanh Liêm"."""

    name = models.CharField(_("tên hộ gia đình"), max_length=255)
    head_name = models.CharField(_("chủ hộ"), max_length=150)
    address = models.CharField(_("địa chỉ (thôn, xã)"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="households",
    )

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = pgettext_lazy("số nhiều", "hộ gia đình")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.head_name = nfc(self.head_name)
        self.address = nfc(self.address)
        super().save(*args, **kwargs)


class ClusterKind(models.TextChoices):
    CLUSTER = "cum", _("Cụm thi đua")
    BLOCK = "khoi", _("Khối thi đua")


class EmulationCluster(models.Model):
    """A cụm or khối thi đua organised by the province; membership and leaders change yearly."""

    code = models.SlugField(_("mã cụm, khối"), max_length=80, unique=True)
    name = models.CharField(_("tên cụm, khối"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại"), max_length=10, choices=ClusterKind.choices)
    description = models.TextField(_("ghi chú"), blank=True)
    valid_from = models.DateField(_("thành lập ngày"), null=True, blank=True)
    valid_to = models.DateField(_("giải thể ngày"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = pgettext_lazy("số nhiều", "cụm, khối thi đua")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        super().save(*args, **kwargs)


class TieBreak(models.TextChoices):
    """After the trưởng cụm's total; at equal merit the law's rule comes last (NĐ 152/2025 Điều 4: a collective
    with at least 70 % women is preferred)."""

    CRITERION_THEN_VOTES = "criterion_votes", _("Tổng điểm, rồi điểm tiêu chí ưu tiên, rồi số phiếu suy tôn")
    VOTES_THEN_CRITERION = "votes_criterion", _("Tổng điểm, rồi số phiếu suy tôn, rồi điểm tiêu chí ưu tiên")
    VOTES = "votes", _("Tổng điểm, rồi số phiếu suy tôn")


class ClusterMembership(models.Model):
    """A unit belongs to at most one cụm or khối in a given year."""

    cluster = models.ForeignKey(
        EmulationCluster, verbose_name=_("cụm, khối"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị thành viên"), on_delete=models.PROTECT,
        related_name="cluster_memberships",
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    # The member's year in its cluster's review (units.clusters.scoring): totals are computed, never typed.
    women_percent = models.DecimalField(
        _("tỷ lệ nữ (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Dùng khi bằng thành tích: ưu tiên tập thể có từ 70 % nữ trở lên (NĐ 152/2025, Điều 4)."),
    )
    self_total = models.DecimalField(_("tổng điểm tự chấm"), max_digits=7, decimal_places=2, default=0,
                                     editable=False)
    checked_total = models.DecimalField(_("tổng điểm trưởng cụm chấm"), max_digits=7, decimal_places=2, null=True,
                                        blank=True, editable=False)
    self_submitted_at = models.DateTimeField(_("gửi tự chấm lúc"), null=True, blank=True, editable=False)
    votes = models.PositiveSmallIntegerField(_("số phiếu suy tôn"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("thứ hạng"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("thành viên cụm, khối")
        verbose_name_plural = pgettext_lazy("số nhiều", "thành viên cụm, khối")
        ordering = ["-year", "cluster", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="cluster_membership_one_per_unit_year",
                violation_error_message=_("Đơn vị này đã thuộc một cụm, khối thi đua khác trong năm."),
            ),
        ]
        indexes = [models.Index(fields=["cluster", "year"])]

    def __str__(self) -> str:
        return f"{self.unit} - {self.cluster} ({self.year})"


class ClusterYear(models.Model):
    """A cluster's year: its trưởng cụm and phó cụm (elected at the previous year's review)."""

    cluster = models.ForeignKey(
        EmulationCluster, verbose_name=_("cụm, khối"), on_delete=models.CASCADE, related_name="years",
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    leader = models.ForeignKey(
        Unit, verbose_name=_("trưởng cụm, khối"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    deputy = models.ForeignKey(
        Unit, verbose_name=_("phó cụm, khối"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    # The year's review (chấm điểm, suy tôn, đề nghị khen thưởng): every change goes through units.clusters;
    # state moves through units.clusters.workflow, recorded in ClusterYearTransition.
    state = models.CharField(_("trạng thái bình xét"), max_length=20, choices=ClusterYearState.choices,
                             default=ClusterYearState.OPEN, editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    flag_quota = models.PositiveSmallIntegerField(
        _("số Cờ thi đua được đề nghị"), default=1,
        help_text=_("Các đơn vị xếp đầu được đề nghị tặng Cờ thi đua của UBND tỉnh."))
    merit_quota = models.PositiveSmallIntegerField(
        _("số Bằng khen được đề nghị"), default=1,
        help_text=_("Các đơn vị xếp tiếp theo được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh."))
    tie_break = models.CharField(_("quy tắc xếp hạng khi bằng điểm"), max_length=20, choices=TieBreak.choices,
                                 default=TieBreak.CRITERION_THEN_VOTES)
    tie_break_criterion = models.ForeignKey(
        "units.ClusterCriterion", verbose_name=_("tiêu chí ưu tiên khi bằng điểm"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    meeting_date = models.DateField(_("ngày họp suy tôn"), null=True, blank=True)
    meeting_place = models.CharField(_("địa điểm họp"), max_length=255, blank=True)
    attendance = models.TextField(_("thành phần dự họp"), blank=True)
    voters = models.PositiveSmallIntegerField(_("số đại biểu bỏ phiếu"), null=True, blank=True)
    submission_number = models.CharField(_("số tờ trình của trưởng cụm"), max_length=60, blank=True)
    submission_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    # Who signs the cluster's papers: a person, never the leader unit (else the head signing for the leader body).
    signer_name = models.CharField(_("họ tên người ký (trưởng cụm)"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True,
                                    help_text=_('Ví dụ "Giám đốc Sở Tài chính", "Chủ tịch UBND huyện Hữu Lũng".'))
    secretary_name = models.CharField(_("thư ký cuộc họp suy tôn"), max_length=150, blank=True)
    dossier = models.ForeignKey(
        "awards.Dossier", verbose_name=_("hồ sơ đề nghị khen thưởng của cụm"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="cluster_years", editable=False,
    )
    next_leader = models.ForeignKey(
        Unit, verbose_name=_("trưởng cụm năm sau"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    next_deputy = models.ForeignKey(
        Unit, verbose_name=_("phó cụm năm sau"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    covenant = models.TextField(_("giao ước thi đua năm sau"), blank=True)
    covenant_signatories = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị ký giao ước"), blank=True, related_name="+",
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("năm hoạt động của cụm, khối")
        verbose_name_plural = pgettext_lazy("số nhiều", "năm hoạt động của cụm, khối")
        ordering = ["-year", "cluster"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year"], name="cluster_year_unique"),
            models.CheckConstraint(
                condition=Q(leader__isnull=True) | Q(deputy__isnull=True) | ~Q(leader=models.F("deputy")),
                name="cluster_year_leader_not_deputy",
                violation_error_message=_("Trưởng cụm và phó cụm phải là hai đơn vị khác nhau."),
            ),
            models.CheckConstraint(
                condition=Q(next_leader__isnull=True) | Q(next_deputy__isnull=True)
                | ~Q(next_leader=models.F("next_deputy")),
                name="cluster_year_next_leader_not_deputy",
                violation_error_message=_("Trưởng cụm và phó cụm phải là hai đơn vị khác nhau."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} - {self.year}"

    def clean(self) -> None:
        if self.cluster_id is None or self.year is None:
            return
        members = set(
            ClusterMembership.objects.filter(cluster_id=self.cluster_id, year=self.year).values_list(
                "unit_id", flat=True
            )
        )
        errors = {}
        for field in ("leader", "deputy"):
            unit_id = getattr(self, f"{field}_id")
            if unit_id is not None and unit_id not in members:
                errors[field] = _("Đơn vị này không phải thành viên của cụm, khối trong năm %(year)s.") % {
                    "year": self.year
                }
        if errors:
            raise ValidationError(errors)

