"""Forms of the dossier workflow. A rejected form is re-rendered with everything the user typed."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.catalogue.bodies import bodies_for_proposer
from awards.dossiers import services
from awards.dossiers.importing.columns import award_day
from awards.dossiers.rounds import citable_decisions
from awards.enums import AttachmentKind, Authority, OccasionType, RecipientKind, Verdict
from awards.models import Attachment, Dossier, IssuingBody, Nomination
from campaigns.models import Campaign
from units.hygiene import CleanTextMixin
from units.models import Gender, Household, Person, PersonCategory, Unit, User
from units.names import Miss, UnitNames
from units.scope import MSG_CHOICE_OUTSIDE, recipient_scope
from units.text import nfc

DOSSIER_AUTHORITIES = [Authority.PROVINCE_CHAIR, Authority.PRIME_MINISTER, Authority.PRESIDENT]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


BODY_PREFIX = "body-"


def body_label(body: IssuingBody) -> str:
    """A head as the form names it: "Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch UBND huyện Tràng Định (đến
    30/06/2025)"."""
    return f"{body.head_title} (đến {body.valid_to:%d/%m/%Y})" if body.valid_to else body.head_title


class DossierForm(CleanTextMixin, forms.ModelForm):
    """A dossier's particulars. Whom it is addressed to (the ``authority`` field) is one choice: the Chủ tịch UBND
    tỉnh, the Thủ tướng, the Chủ tịch nước, or the head of the officer's unit or of a unit above it (a unit's own
    round). The field keeps the name of the model's ``authority``; ``save`` writes both ``authority`` and ``body``."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    nomination_round = forms.ModelChoiceField(
        label=_("Đợt nhận hồ sơ khen thưởng tổng kết phong trào"), queryset=Campaign.objects.none(), required=False,
        to_field_name="code",
        help_text=_("Chọn khi đề nghị khen thưởng tổng kết một phong trào: hồ sơ tự gắn với phong trào đó, loại hình "
                    "khen thưởng chuyên đề, theo đợt (không tính là khen thưởng công trạng)."),
    )
    authority = forms.ChoiceField(
        label=_("Trình ai quyết định"),
        help_text=_("Chủ tịch UBND tỉnh (và cấp trên) do Ban Thi đua - Khen thưởng thẩm định; thủ trưởng đơn vị (Lao "
                    "động tiên tiến, Chiến sĩ thi đua cơ sở, Giấy khen...) do cán bộ thi đua của đơn vị đó xét."),
    )
    copy_previous = forms.BooleanField(
        label=_("Bắt đầu từ danh sách năm trước"), required=False,
        help_text=_("Chép các tập thể, cá nhân năm trước đã đề nghị cùng thủ trưởng, cùng danh hiệu (không chép thành "
                    "tích). Chỉ dùng khi trình thủ trưởng đơn vị."),
    )
    field_order = ["nomination_round", "title", "authority", "copy_previous", "occasion", "year"]

    class Meta:
        model = Dossier
        fields = ["title", "occasion", "year", "campaign", "submission_number", "submission_date", "basis_decisions"]
        widgets = {"submission_date": DATE_WIDGET, "title": forms.TextInput(),
                   "basis_decisions": forms.CheckboxSelectMultiple}

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.bodies = {f"{BODY_PREFIX}{body.pk}": body for body in bodies_for_proposer(unit)}
        choices: list = [(str(_("Cấp tỉnh và cấp trên")), [(a.value, a.label) for a in DOSSIER_AUTHORITIES])]
        if self.bodies:
            choices.append((str(_("Thủ trưởng đơn vị")), [(key, body_label(b)) for key, b in self.bodies.items()]))
        self.fields["authority"].choices = choices
        self.fields["authority"].initial = (f"{BODY_PREFIX}{self.instance.body_id}" if self.instance.body_id
                                            else self.instance.authority or Authority.PROVINCE_CHAIR)
        self.fields["campaign"].queryset = Campaign.objects.order_by("-start_date")
        citable = citable_decisions(unit)
        if citable.exists() or (self.instance.pk and self.instance.basis_decisions.exists()):
            self.fields["basis_decisions"].queryset = citable
            self.fields["basis_decisions"].label_from_instance = lambda d: (
                f"{d.code} ngày {d.decided_on:%d/%m/%Y} của {d.body.head_title}: {d.award_type.name}")
        else:  # nothing the unit could cite: no empty field on the page
            del self.fields["basis_decisions"]
        from django.utils import timezone

        from campaigns.services import open_rounds

        self.fields["nomination_round"].queryset = open_rounds(timezone.localdate())
        self.fields["occasion"].required = False  # set by the nomination round when one is chosen
        self.fields["submission_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["title"].widget.attrs["placeholder"] = _("Ví dụ: Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh "
                                                             "năm 2020")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            del self.fields["copy_previous"]

    def clean(self):
        data = super().clean()
        if data.get("nomination_round"):
            data["campaign"], data["occasion"] = data["nomination_round"], OccasionType.CAMPAIGN
        elif not data.get("occasion"):
            self.add_error("occasion", _("Cần chọn loại hình khen thưởng (hoặc chọn một đợt nhận hồ sơ của phong "
                                         "trào)."))
        if data.get("occasion") == OccasionType.CAMPAIGN and not data.get("campaign"):
            self.add_error("campaign", _("Khen thưởng theo chuyên đề, đợt thi đua phải gắn với một phong trào."))
        self._check_audience(data)
        body = self.bodies.get(data.get("authority", ""))
        data["body"] = body
        if body is not None:
            data["authority"] = body.authority
        year = data.get("year")
        if body is not None and year and not body.is_active_on(datetime.date(year, 12, 31)):
            self.add_error("authority", _("%(body)s không ban hành quyết định khen thưởng cho năm %(year)s (hiệu lực "
                                          "từ %(start)s%(end)s).") % {
                "body": body.head_title, "year": year, "start": f"{body.valid_from:%d/%m/%Y}",
                "end": f" đến {body.valid_to:%d/%m/%Y}" if body.valid_to else ""})
        if body is not None and data.get("basis_decisions"):
            self.add_error("basis_decisions", _("Chỉ hồ sơ trình Chủ tịch UBND tỉnh hoặc cấp trên mới ghi quyết định "
                                                "của đơn vị làm căn cứ."))
        if body is None and data.get("copy_previous"):
            self.add_error("copy_previous", _("Chỉ bắt đầu từ danh sách năm trước khi trình thủ trưởng đơn vị."))
        return data

    def _check_audience(self, data: dict) -> None:
        """A dossier is tied only to a campaign launched to its unit (or a unit above it); the campaign it is
        already tied to stays."""
        from campaigns.services import launched_to

        campaign = data.get("campaign")
        if campaign is None or campaign.pk == self.instance.campaign_id or launched_to(campaign, self.unit):
            return
        field = "nomination_round" if data.get("nomination_round") else "campaign"
        self.add_error(field, _("Phong trào \"%(campaign)s\" không được phát động đến %(unit)s hoặc đơn vị cấp trên "
                                "của đơn vị này: không gắn hồ sơ với phong trào này được.") % {
            "campaign": campaign.name, "unit": self.unit.name})

    def save(self, commit: bool = True) -> Dossier:
        self.instance.body = self.cleaned_data["body"]
        self.instance.authority = self.cleaned_data["authority"]
        return super().save(commit)

    @property
    def wants_previous_list(self) -> bool:
        return bool(self.cleaned_data.get("copy_previous"))


class NominationForm(CleanTextMixin, forms.Form):
    """One recipient (a unit or named collective, a person from the registry or new, a household) x one
    award type the dossier's authority decides.

    What may be chosen is the dossier's ``recipient_scope`` for ``user``, the rule the nominee import follows: the
    pickers list only units, persons and households in it, a posted id outside it is refused with the same words
    whether it exists or not, and a typed collective name is read as the import reads it (``units.names``)."""

    recipient_kind = forms.ChoiceField(label=_("Đối tượng"), choices=RecipientKind.choices,
                                       widget=forms.RadioSelect, initial=RecipientKind.COLLECTIVE)
    unit = forms.ModelChoiceField(label=_("Tập thể trong danh mục đơn vị"), queryset=Unit.objects.none(),
                                  required=False)
    collective_name = forms.CharField(label=_("hoặc tên tập thể khác"), max_length=255, required=False)
    person = forms.ModelChoiceField(label=_("Cá nhân đã có trong danh bạ"), queryset=Person.objects.none(),
                                    required=False)
    new_person_name = forms.CharField(label=_("hoặc họ và tên cá nhân mới"), max_length=150, required=False)
    new_person_gender = forms.ChoiceField(label=_("Giới tính"), choices=[("", "---"), *Gender.choices],
                                          required=False)
    new_person_birth_date = forms.DateField(label=_("Ngày sinh"), required=False, widget=DATE_WIDGET,
                                            input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    new_person_position = forms.CharField(label=_("Chức vụ, đơn vị công tác"), max_length=255, required=False)
    new_person_category = forms.ChoiceField(label=_("Phân loại đối tượng"), choices=PersonCategory.choices,
                                            initial=PersonCategory.DIRECT_WORKER, required=False)
    household = forms.ModelChoiceField(label=_("Hộ gia đình đã có"), queryset=Household.objects.none(),
                                       required=False)
    new_household_name = forms.CharField(label=_("hoặc tên hộ gia đình mới"), max_length=255, required=False,
                                         help_text=_('Ví dụ "Gia đình ông Vi Thanh Liêm"'))
    new_household_address = forms.CharField(label=_("Địa chỉ hộ gia đình"), max_length=255, required=False)
    award_type = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức đề nghị"), queryset=None,
        error_messages={"invalid_choice": _("Danh hiệu, hình thức này không tặng cho đối tượng đã chọn, hoặc không "
                                            "thuộc thẩm quyền của cấp quyết định của hồ sơ.")},
    )
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False)
    period = forms.CharField(label=_("Thời gian lập thành tích"), max_length=100, required=False,
                             help_text=_('Ví dụ "Năm 2020" hoặc "2015 - 2019"'))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, dossier: Dossier, user: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.scope = recipient_scope(user, dossier.unit)
        self.fields["unit"].queryset = self.scope.units().order_by("sort_order", "name")
        self.fields["person"].queryset = self.scope.persons().select_related("unit")
        self.fields["household"].queryset = services.nameable_households(dossier, self.scope)
        for name in ("unit", "person", "household"):
            self.fields[name].error_messages["invalid_choice"] = MSG_CHOICE_OUTSIDE
        kind = self.data.get("recipient_kind") or self.initial.get("recipient_kind") or RecipientKind.COLLECTIVE
        self.fields["award_type"].queryset = services.eligible_award_types(dossier, kind)
        self.fields["version"].initial = dossier.version

    def clean(self):
        data = super().clean()
        kind = data.get("recipient_kind")
        award = data.get("award_type")
        # A picker already refused (outside the scope) needs no second "choose one" message.
        chosen = {name for name in ("unit", "person", "household") if data.get(name) or name in self.errors}
        if kind == RecipientKind.COLLECTIVE and "unit" not in chosen and not nfc(data.get("collective_name")):
            self.add_error("unit", _("Chọn một tập thể trong danh mục hoặc ghi tên tập thể."))
        if kind == RecipientKind.COLLECTIVE and nfc(data.get("collective_name")):
            names = UnitNames(award_day(self.dossier), self.scope.unit_ids)
            found = names.resolve_collective(nfc(data["collective_name"]))
            if isinstance(found, Miss):
                self.add_error("collective_name", found.message)
            elif found is not None:  # a unit's name as people write it: the unit itself
                data["unit"], data["collective_name"] = found, ""
        if kind == RecipientKind.INDIVIDUAL:
            if "person" not in chosen and not nfc(data.get("new_person_name")):
                self.add_error("person", _("Chọn một cá nhân trong danh bạ hoặc ghi họ tên cá nhân mới."))
            if not data.get("person") and nfc(data.get("new_person_name")) and not data.get("new_person_gender"):
                self.add_error("new_person_gender", _("Ghi giới tính của cá nhân mới."))
        if kind == RecipientKind.HOUSEHOLD and "household" not in chosen and not nfc(data.get("new_household_name")):
            self.add_error("household", _("Chọn một hộ gia đình hoặc ghi tên hộ gia đình mới."))
        if award and kind and not award.allows(kind):
            self.add_error("award_type", _("%(award)s không tặng cho %(kind)s.") % {
                "award": award.name, "kind": RecipientKind(kind).label.lower()})
        return data

    def recipient(self) -> dict:
        """Fields of a Nomination for the chosen recipient, creating a person or household if asked."""
        data = self.cleaned_data
        kind = data["recipient_kind"]
        if kind == RecipientKind.COLLECTIVE:
            name = nfc(data.get("collective_name"))
            return {"unit": None if name else data["unit"], "collective_name": name}
        if kind == RecipientKind.INDIVIDUAL:
            person = data.get("person") or Person.objects.create(
                full_name=nfc(data["new_person_name"]), gender=data["new_person_gender"],
                birth_date=data.get("new_person_birth_date"), position=nfc(data.get("new_person_position")),
                category=data.get("new_person_category") or PersonCategory.DIRECT_WORKER, unit=self.dossier.unit,
            )
            return {"person": person}
        household = data.get("household") or Household.objects.create(
            name=nfc(data["new_household_name"]), head_name=nfc(data["new_household_name"]),
            address=nfc(data.get("new_household_address")), commune=self.dossier.unit,
        )
        return {"household": household}

    @classmethod
    def initial_for(cls, nomination: Nomination) -> dict:
        return {
            "recipient_kind": nomination.recipient_kind, "unit": nomination.unit_id,
            "collective_name": nomination.collective_name, "person": nomination.person_id,
            "household": nomination.household_id, "award_type": nomination.award_type_id,
            "achievement": nomination.achievement, "period": nomination.period,
        }


class AttachmentForm(CleanTextMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Attachment
        fields = ["kind", "file", "nomination", "vote_result", "note"]

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = dossier.nominations.select_related("person", "unit", "household",
                                                                                "award_type")
        self.fields["nomination"].label_from_instance = lambda n: f"{n.recipient_name} - {n.award_type.name}"
        self.fields["kind"].initial = AttachmentKind.SUBMISSION
        self.fields["version"].initial = dossier.version


class VerdictForm(CleanTextMixin, forms.Form):
    verdict = forms.ChoiceField(label=_("Kết quả"), choices=[(Verdict.ELIGIBLE, Verdict.ELIGIBLE.label),
                                                             (Verdict.INELIGIBLE, Verdict.INELIGIBLE.label)])
    reason = forms.CharField(label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label=_("Tệp danh sách (.xlsx)"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class ForwardForm(CleanTextMixin, forms.Form):
    number = forms.CharField(label=_("Số tờ trình của tỉnh"), max_length=60)
    date = forms.DateField(label=_("Ngày tờ trình"), input_formats=["%Y-%m-%d", "%d/%m/%Y"], widget=DATE_WIDGET)


class CentralDecisionForm(CleanTextMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=[("awarded", _("Được khen thưởng")),
                                                             ("refused", _("Không được khen thưởng"))])
    number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    date = forms.DateField(label=_("Ngày quyết định"), required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                           widget=DATE_WIDGET)
