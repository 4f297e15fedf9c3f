"""The Hội đồng Thi đua - Khen thưởng: sessions, the nominations on their agenda, and the members' votes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import SessionStatus, VoteChoice
from awards.models.dossiers import Dossier, Nomination
from units.text import nfc

MINUTES_SYMBOL = "BB-HĐTĐKT"  # the Hội đồng's own series of biên bản: "05/BB-HĐTĐKT"


class CouncilSession(models.Model):
    """A meeting (or written round) of the Hội đồng Thi đua - Khen thưởng tỉnh. Its chủ tọa and thư ký are
    chosen among the members or typed; its biên bản is numbered in the Hội đồng's yearly series when the session
    is closed."""

    title = models.CharField(_("tên phiên họp"), max_length=255)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=SessionStatus.choices,
                              default=SessionStatus.OPEN, editable=False)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("thành viên Hội đồng"),
                                     related_name="council_sessions")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True, editable=False)
    minutes_pdf = models.FileField(_("biên bản (PDF)"), upload_to="council/", blank=True, editable=False)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("chủ tọa (thành viên Hội đồng)"),
                              on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    chair_name = models.CharField(_("chủ tọa (họ tên, nếu không phải thành viên)"), max_length=150, blank=True)
    chair_position = models.CharField(_("chức vụ của chủ tọa"), max_length=255, blank=True)
    secretary = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("thư ký (thành viên Hội đồng)"),
                                  on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    secretary_name = models.CharField(_("thư ký (họ tên, nếu không phải thành viên)"), max_length=150, blank=True)
    secretary_position = models.CharField(_("chức vụ của thư ký"), max_length=255, blank=True)
    minutes_year = models.PositiveSmallIntegerField(_("năm của sổ biên bản"), null=True, blank=True, editable=False)
    minutes_number = models.PositiveIntegerField(_("số biên bản"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = pgettext_lazy("số nhiều", "phiên họp Hội đồng")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["minutes_year", "minutes_number"], name="council_minutes_number_unique",
                                    violation_error_message=_("Số biên bản này đã được dùng.")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def minutes_code(self) -> str:
        """"05/BB-HĐTĐKT" once numbered; numbers below 10 get a leading zero (NĐ 30/2020)."""
        return f"{self.minutes_number:02d}/{MINUTES_SYMBOL}" if self.minutes_number else ""

    @property
    def chair_display(self) -> str:
        return self.chair.display_name if self.chair_id else self.chair_name.strip()

    @property
    def secretary_display(self) -> str:
        return self.secretary.display_name if self.secretary_id else self.secretary_name.strip()


class CouncilMinutesSequence(models.Model):
    """The last biên bản number the Hội đồng gave in a year."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ số biên bản Hội đồng")
        verbose_name_plural = pgettext_lazy("số nhiều", "sổ số biên bản Hội đồng")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"



class AgendaItem(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="agenda_items")
    position = models.PositiveIntegerField(default=0)
    # Filled when the session closes: the tally as a share of ALL members, absent ones included.
    yes_count = models.PositiveIntegerField(null=True, blank=True)
    no_count = models.PositiveIntegerField(null=True, blank=True)
    member_count = models.PositiveIntegerField(null=True, blank=True)
    threshold_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("nội dung xét tại phiên họp")
        verbose_name_plural = pgettext_lazy("số nhiều", "nội dung xét tại phiên họp")
        ordering = ["session", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="agenda_item_unique")]

    def __str__(self) -> str:
        return f"{self.session} - {self.nomination}"



class Vote(models.Model):
    """One live vote per member per agenda item (a database constraint); changed or voided votes stay as
    voided rows with a reason, never deleted."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(_("ý kiến"), max_length=5, choices=VoteChoice.choices)
    written = models.BooleanField(_("phiếu bằng văn bản (vắng mặt)"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(auto_now_add=True)
    voided = models.BooleanField(default=False)
    void_reason = models.CharField(max_length=255, blank=True)
    voided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    voided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        verbose_name_plural = pgettext_lazy("số nhiều", "phiếu biểu quyết")
        ordering = ["item", "cast_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "member"], condition=Q(voided=False), name="one_live_vote_per_member",
                violation_error_message=_("Thành viên này đã bỏ phiếu cho nội dung này."),
            ),
            models.CheckConstraint(
                condition=Q(voided=False) | ~Q(void_reason=""), name="voided_vote_has_reason",
                violation_error_message=_("Hủy phiếu phải ghi rõ lý do."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} - {self.get_choice_display()}"


class UnitCouncilVote(models.Model):
    """The vote of a unit's own Hội đồng Thi đua - Khen thưởng on a round (its biên bản họp), recorded by the officer
    of the deciding body after the meeting: who sat, who chaired, who kept the minutes and, per nomination, how many
    members said yes. A nomination passes when yes × 100 / members reaches its award type's threshold: absent members
    count in the denominator, as at the province's council. Never edited: a round voted again gets a new row."""

    dossier = models.ForeignKey(Dossier, verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="unit_votes")
    held_on = models.DateField(_("ngày họp"))
    member_count = models.PositiveSmallIntegerField(_("số thành viên Hội đồng"))
    present_count = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    chair_name = models.CharField(_("chủ trì cuộc họp"), max_length=150)
    secretary_name = models.CharField(_("thư ký cuộc họp"), max_length=150)
    member_names = models.TextField(_("thành phần Hội đồng (mỗi dòng một người)"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("biên bản họp Hội đồng TĐKT của đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "biên bản họp Hội đồng TĐKT của đơn vị")
        ordering = ["dossier", "held_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(member_count__gte=1), name="unit_vote_has_members",
                                   violation_error_message=_("Hội đồng phải có ít nhất một thành viên.")),
            models.CheckConstraint(condition=Q(present_count__lte=models.F("member_count")),
                                   name="unit_vote_present_within_members",
                                   violation_error_message=_("Số thành viên có mặt không vượt quá số thành viên.")),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.held_on:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.chair_name = nfc(self.chair_name)
        self.secretary_name = nfc(self.secretary_name)
        self.member_names = nfc(self.member_names)
        super().save(*args, **kwargs)


class UnitVoteLine(models.Model):
    """One nomination's result in a unit council's vote."""

    vote = models.ForeignKey(UnitCouncilVote, on_delete=models.CASCADE, related_name="lines")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="unit_votes")
    yes_count = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    threshold_pct = models.DecimalField(_("tỷ lệ tối thiểu (%)"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("đạt"))

    class Meta:
        verbose_name = _("kết quả bỏ phiếu của Hội đồng đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "kết quả bỏ phiếu của Hội đồng đơn vị")
        ordering = ["vote", "nomination__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["vote", "nomination"], name="unit_vote_line_unique")]

    def __str__(self) -> str:
        return f"{self.nomination} {self.yes_count}"
