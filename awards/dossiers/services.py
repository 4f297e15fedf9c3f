"""Dossier rules: edits with compare-and-set, what a dossier may propose, completeness, duplicates,
revisions and the staff's appraisal of each nomination."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.catalogue.in_force import award_types_on
from awards.catalogue.powers import award_codes_for
from awards.core.state_machine import NotAllowed
from awards.enums import AttachmentKind, DossierState, Verdict
from awards.models import AwardType, Dossier, DossierRevision, Nomination
from units.models import Household
from units.scope import RecipientScope


class DossierChanged(Exception):
    """The dossier changed (elsewhere) since the user loaded the form: nothing was saved."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def claim_edit(dossier, expected_version: int) -> None:
    """Compare-and-set on the dossier's version before any content change (fields, nominations,
    attachments): a dossier someone else edited or moved meanwhile is refused, never overwritten."""


    updated = Dossier.objects.filter(
        pk=dossier.pk, version=expected_version, state__in=[DossierState.DRAFT, DossierState.RETURNED]
    ).update(version=F("version") + 1)
    if updated == 0:
        fresh = Dossier.objects.get(pk=dossier.pk)
        raise DossierChanged(
            _("Hồ sơ đã thay đổi từ khi bạn mở trang (hiện ở trạng thái \"%(state)s\"); chưa lưu gì. Nội dung bạn "
              "vừa nhập vẫn còn trên màn hình: hãy xem lại hồ sơ rồi lưu lại.") % {"state": fresh.get_state_display()}
        )
    dossier.version = expected_version + 1


def nameable_households(dossier: Dossier, scope: RecipientScope) -> QuerySet[Household]:
    """The households ``dossier`` may name: those recorded under a unit of ``scope``, and those it already names
    (households recorded before they had a commune keep their place in the dossier that named them)."""
    return Household.objects.filter(
        Q(pk__in=scope.households().values("pk")) | Q(pk__in=dossier.nominations.values("household_id"))
    )


def dossier_day(dossier: Dossier) -> datetime.date:
    """The day a dossier's catalogue and powers are read on: 31/12 of its achievement year."""
    return datetime.date(dossier.year, 12, 31)


def offered_award_types(dossier: Dossier) -> QuerySet[AwardType]:
    """The award types a dossier may propose, one rule for the form, the import and the completeness check: in force
    on the dossier's day and decided by whom it is addressed to: for a unit's round, what its body may decide that
    day (``catalogue.powers``: Lao động tiên tiến, Chiến sĩ thi đua cơ sở... as the law of the year says); else the
    award types of the dossier's authority (Chủ tịch UBND tỉnh, Thủ tướng, Chủ tịch nước)."""
    day = dossier_day(dossier)
    if dossier.body_id:
        return award_types_on(day).filter(code__in=award_codes_for(dossier.body, day))
    return award_types_on(day).filter(authority=dossier.authority)


def eligible_award_types(dossier, recipient_kind: str | None = None):
    """Award types the dossier's form offers (``offered_award_types``), admitting the recipient kind when given."""
    types = offered_award_types(dossier)
    if recipient_kind:
        types = types.for_recipient(recipient_kind)
    return types


def nominations_needing_vote(dossier):
    """Eligible nominations the provincial council must vote on."""

    return dossier.nominations.filter(verdict=Verdict.ELIGIBLE, award_type__requires_council_vote=True)


def completeness_problems(dossier) -> list[str]:
    """What stops a submission, in Vietnamese; empty when the dossier is complete. Set-based: the nominations are
    counted by award type (one query), never loaded, whatever the list's length."""
    per_type = dict(dossier.nominations.values_list("award_type_id").annotate(n=Count("pk")).order_by())
    types = list(AwardType.objects.filter(pk__in=list(per_type)))
    problems = []
    if not per_type:
        problems.append(_("Hồ sơ chưa có đề nghị nào."))
    if not dossier.submission_number or not dossier.submission_date:
        problems.append(_("Chưa ghi số và ngày tờ trình của đơn vị."))
    present = set(dossier.attachments.values_list("kind", flat=True))
    required = {kind for award in types for kind in (award.required_attachments or [])}
    missing = [AttachmentKind(kind).label for kind in AttachmentKind.values if kind in required - present]
    if missing:
        problems.append(_("Thiếu tài liệu: %(kinds)s.") % {"kinds": ", ".join(str(m) for m in missing)})
    if dossier.body_id:
        codes = award_codes_for(dossier.body, dossier_day(dossier))
        wrong = sum(per_type[award.pk] for award in types if award.code not in codes)
        if wrong:
            problems.append(_("%(n)s đề nghị không thuộc thẩm quyền của %(body)s năm %(year)s.") % {
                "n": wrong, "body": dossier.body.head_title, "year": dossier.year})
        return problems
    wrong = sum(per_type[award.pk] for award in types if award.authority != dossier.authority)
    if wrong:
        problems.append(_("%(n)s đề nghị không thuộc thẩm quyền của cấp quyết định đã chọn.") % {"n": wrong})
    return problems


def duplicated_count(dossier: Dossier) -> int:
    """How many nominations of ``dossier`` another live nomination duplicates (same recipient, same award by code,
    same year, dossier not withdrawn): one query, whatever the list's length."""
    others = (Nomination.objects.filter(recipient_key=OuterRef("recipient_key"),
                                        award_type__code=OuterRef("award_type__code"), dossier__year=dossier.year)
              .exclude(pk=OuterRef("pk")).exclude(dossier__state=DossierState.WITHDRAWN))
    return dossier.nominations.filter(Exists(others)).count()


def is_own_list(dossier: Dossier) -> bool:
    """A body's own list: a round proposed by the body's own unit, which needs no submit or receive."""
    return dossier.body_id is not None and dossier.unit_id == dossier.body.unit_id


def duplicates_of(nomination):
    """Other live nominations of the same recipient for the same award (by code) and year."""

    return (
        Nomination.objects.filter(
            recipient_key=nomination.recipient_key,
            award_type__code=nomination.award_type.code,
            dossier__year=nomination.dossier.year,
        )
        .exclude(pk=nomination.pk)
        .exclude(dossier__state=DossierState.WITHDRAWN)
        .select_related("dossier", "dossier__unit")
    )


def duplicate_map(nominations) -> dict[int, list]:
    """Duplicates for many nominations in one query: nomination id -> the other nominations."""

    nominations = list(nominations)
    if not nominations:
        return {}
    keys = {n.recipient_key for n in nominations}
    others = (
        Nomination.objects.filter(recipient_key__in=keys)
        .exclude(dossier__state=DossierState.WITHDRAWN)
        .select_related("dossier", "dossier__unit", "award_type")
    )
    index: dict[tuple, list] = {}
    for other in others:
        index.setdefault((other.recipient_key, other.award_type.code, other.dossier.year), []).append(other)
    return {
        n.pk: [o for o in index.get((n.recipient_key, n.award_type.code, n.dossier.year), []) if o.pk != n.pk]
        for n in nominations
    }


def snapshot(dossier) -> dict:
    """What the unit sent: fields, nominations and attachments, as plain data."""
    nominations = dossier.nominations.select_related("award_type", "person", "unit", "household")
    cited = [d.code for d in dossier.basis_decisions.order_by("decided_on", "pk")]
    content = {
        "fields": {
            "title": dossier.title,
            "occasion": dossier.get_occasion_display(),
            "year": dossier.year,
            "campaign": dossier.campaign.name if dossier.campaign_id else "",
            "authority": dossier.body.head_title if dossier.body_id else dossier.get_authority_display(),
            "submission_number": dossier.submission_number,
            "submission_date": dossier.submission_date.isoformat() if dossier.submission_date else "",
        },
        "nominations": [
            {
                "key": f"{n.recipient_key}|{n.award_type.code}",
                "recipient": n.recipient_name,
                "kind": n.get_recipient_kind_display(),
                "award": n.award_type.name,
                "achievement": n.achievement,
                "period": n.period,
                "position": n.person.position if n.person_id else "",
            }
            for n in nominations
        ],
        "attachments": [
            {"kind": a.get_kind_display(), "name": a.original_name, "sha256": a.sha256}
            for a in dossier.attachments.order_by("kind", "pk")
        ],
    }
    if cited:  # only when some: the revisions of dossiers citing nothing read as before
        content["fields"]["basis_decisions"] = ", ".join(cited)
    return content


def record_revision(dossier, actor):

    number = dossier.revisions.count() + 1
    return DossierRevision.objects.create(dossier=dossier, number=number, submitted_by=actor,
                                          snapshot=snapshot(dossier))


FIELD_LABELS = {
    "title": gettext_lazy("Trích yếu"), "occasion": gettext_lazy("Loại hình khen thưởng"),
    "year": gettext_lazy("Năm thành tích"), "campaign": gettext_lazy("Phong trào"),
    "authority": gettext_lazy("Cấp quyết định"), "submission_number": gettext_lazy("Số tờ trình"),
    "submission_date": gettext_lazy("Ngày tờ trình"), "basis_decisions": gettext_lazy("Căn cứ quyết định của đơn vị"),
}
DATE_FIELDS = ("submission_date",)


def shown_field(name: str, value):
    """A stored snapshot value as people read it: ISO dates as dd/mm/yyyy."""
    if name in DATE_FIELDS and value:
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except (TypeError, ValueError):
            return value
    return value


def readable_fields(fields: dict) -> list[tuple[str, object]]:
    """A snapshot's fields as (Vietnamese label, value) pairs, in the stored order."""
    return [(str(FIELD_LABELS.get(name, name)), shown_field(name, value)) for name, value in fields.items()]


def _files_diff(old: list[dict], new: list[dict]) -> tuple[list[dict], list[dict]]:
    """Attachments added and removed, each file counted once: the same content uploaded twice is two files."""
    def key(a: dict) -> tuple:
        return a["kind"], a["sha256"], a["name"]

    left = Counter(key(a) for a in old)
    added = []
    for a in new:
        if left[key(a)]:
            left[key(a)] -= 1
        else:
            added.append(a)
    right = Counter(key(a) for a in new)
    removed = []
    for a in old:
        if right[key(a)]:
            right[key(a)] -= 1
        else:
            removed.append(a)
    return added, removed


def diff_snapshots(old: dict, new: dict) -> dict:
    """What changed between two submitted versions, for people to read."""
    fields = [
        (str(FIELD_LABELS.get(name, name)), shown_field(name, old["fields"].get(name)), shown_field(name, value))
        for name, value in new["fields"].items()
        if old["fields"].get(name) != value
    ]
    before = {n["key"]: n for n in old["nominations"]}
    after = {n["key"]: n for n in new["nominations"]}
    changed = []
    for key in before.keys() & after.keys():
        for name in ("achievement", "period", "position"):
            if before[key][name] != after[key][name]:
                changed.append((after[key]["recipient"], after[key]["award"], name, before[key][name],
                                after[key][name]))
    files_added, files_removed = _files_diff(old["attachments"], new["attachments"])
    return {
        "fields": fields,
        "added": [after[k] for k in after if k not in before],
        "removed": [before[k] for k in before if k not in after],
        "changed": sorted(changed),
        "files_added": files_added,
        "files_removed": files_removed,
    }


def set_verdict(nomination, verdict: str, reason: str, actor) -> None:
    """Staff's appraisal of one nomination, while the dossier is received."""
    if nomination.dossier.state != DossierState.RECEIVED:
        raise NotAllowed(_("Chỉ thẩm định khi hồ sơ đã được tiếp nhận và chưa hoàn thành thẩm định."))
    if verdict not in Verdict.values or verdict == Verdict.PENDING:
        raise NotAllowed(_("Kết quả thẩm định không hợp lệ."))
    reason = (reason or "").strip()
    if verdict == Verdict.INELIGIBLE and not reason:
        raise NotAllowed(_("Cần ghi lý do khi kết luận không đủ điều kiện."))
    nomination.verdict = verdict
    nomination.verdict_reason = reason
    nomination.verdict_by = actor
    nomination.verdict_at = timezone.now()
    nomination.save(update_fields=["verdict", "verdict_reason", "verdict_by", "verdict_at"])




def save_nomination(dossier: Dossier, form, nomination: Nomination | None = None) -> Nomination:
    """Write a valid ``NominationForm`` into a new nomination of ``dossier`` (or into ``nomination``): the one
    path of the nomination page and the API. The caller has claimed the edit (``claim_edit``)."""
    target = nomination or Nomination(dossier=dossier, position=dossier.nominations.count() + 1)
    for name in ("unit", "collective_name", "person", "household"):
        setattr(target, name, None if name != "collective_name" else "")
    target.recipient_kind = form.cleaned_data["recipient_kind"]
    for name, value in form.recipient().items():
        setattr(target, name, value)
    target.award_type = form.cleaned_data["award_type"]
    target.achievement = form.cleaned_data["achievement"]
    target.period = form.cleaned_data["period"]
    target.full_clean(exclude=["recipient_key"])
    target.save()
    return target


def add_attachment(dossier: Dossier, attachment, uploaded, expected_version: int, actor) -> object:
    """Keep an uploaded document (``attachment``: the form's unsaved row) once its content passed the checks
    (``awards.core.uploads``: type by content, size, name) and the dossier is still the version the sender read.
    Raises ``UploadRejected`` or ``DossierChanged`` with the message; the page and the API call this alone."""
    from django.conf import settings
    from django.db import transaction

    from awards.core import uploads

    inspected = uploads.inspect_upload(uploaded, settings.ATTACHMENT_MAX_BYTES)
    with transaction.atomic():
        claim_edit(dossier, expected_version)
        attachment.dossier = dossier
        attachment.original_name = inspected.original_name
        attachment.content_type = inspected.content_type
        attachment.size = inspected.size
        attachment.sha256 = inspected.sha256
        attachment.uploaded_by = actor
        attachment.save()
    return attachment
