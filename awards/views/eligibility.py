"""Eligibility pages: staff's override of a nomination's automatic result, and "Ai đủ điều kiện năm nay"
(candidates for each ladder award, per unit or province-wide) with one-step draft nominations.

Scoping follows the house rule: an object outside the user's scope is a 404, a missing right a 403."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards import eligibility, permissions, services, workflow
from awards.enums import DossierState, OccasionType, RecipientKind
from awards.models import Dossier, Nomination, NominationEligibility
from awards.views.dossiers import _dossier
from units.models import Person, Role, Unit

MAX_ROWS = 500


# --- nominations -------------------------------------------------------------------------------------------

def nomination_panel(dossier: Dossier) -> dict[int, dict]:
    """For the dossier page: nomination id -> {"result", "stored"} (live result, stored override)."""
    results = eligibility.evaluate_dossier(dossier, save=False)
    stored = {e.nomination_id: e for e in NominationEligibility.objects.filter(nomination__dossier=dossier)
              .select_related("override_by")}
    return {pk: {"result": result, "stored": stored.get(pk)} for pk, result in results.items()}


@login_required
@require_POST
def override(request, reference, pk):
    dossier = _dossier(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng được kết luận thay kết quả tự động."))
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    verdict = request.POST.get("override_verdict", "")
    try:
        eligibility.override(nomination, verdict, request.POST.get("override_reason", ""), request.user)
    except workflow.NotAllowed as exc:
        messages.error(request, exc.message)
    else:
        if verdict:
            messages.success(request, _("Đã ghi kết luận của Ban cho %(name)s.") % {"name": nomination.recipient_name})
        else:
            messages.success(request, _("Đã bỏ kết luận của Ban cho %(name)s.") % {"name": nomination.recipient_name})
    return redirect(reverse("awards:dossier", args=[dossier.reference]) + f"#nomination-{nomination.pk}")


# --- candidates --------------------------------------------------------------------------------------------

def _scope(request) -> Unit | None:
    """The unit the user looks at (with the units under it): ``None`` = the whole province (staff). Officers
    see their own unit and the units under it; asking for another unit is a 404. Other roles: 403."""
    user = request.user
    wanted = request.GET.get("unit") or request.POST.get("unit") or ""
    if permissions.is_staff(user):
        if not wanted:
            return None
        try:
            return get_object_or_404(Unit, pk=int(wanted))
        except ValueError as exc:
            raise Http404 from exc
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        if not wanted or wanted == str(user.unit_id):
            return user.unit
        try:  # a unit under the officer's own: allowed; anything else does not exist for them
            wanted_id = int(wanted)
        except ValueError as exc:
            raise Http404 from exc
        if wanted_id not in subtree_ids(user.unit):
            raise Http404
        return get_object_or_404(Unit, pk=wanted_id)
    raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng và cán bộ thi đua của đơn vị xem được trang này."))


def subtree_ids(unit: Unit) -> set[int]:
    """The unit and every unit under it (one query)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, todo = {unit.pk}, [unit.pk]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _year(request) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    try:
        year = int(raw)
    except ValueError:
        return timezone.localdate().year
    return year if 1945 <= year <= 2100 else timezone.localdate().year


def candidates_for(unit: Unit | None, year: int, award_code: str = "", on: datetime.date | None = None) -> dict:
    """Candidates (eligible or needing a person's judgement, nothing unmet, some grounds in the record) for
    each ladder award, among the persons and units of ``unit`` and the units under it (``None``: everyone)."""
    book = eligibility.RuleBook()
    on = on or timezone.localdate()
    if unit is None:
        persons, units = Person.objects.all(), Unit.objects.active_on(on)
    else:
        scope = subtree_ids(unit)
        persons, units = Person.objects.filter(unit_id__in=scope), Unit.objects.filter(pk__in=scope)
    ladder = {kind: book.ladder_awards(kind, on) for kind in (RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE)}
    all_codes = sorted({c for codes in ladder.values() for c in codes})
    codes = [award_code] if award_code in all_codes else all_codes
    records = eligibility.load_records(persons=persons.values("pk"), units=units.values("pk"),
                                       windows=book.windows(codes, on, year))
    rows = []
    for record in records.values():
        for code in ladder[record.kind]:
            if code not in codes:
                continue
            result = eligibility.evaluate_record(record, code, year, book, on)
            if result.is_candidate:
                rows.append((record, result))
    names = {p.pk: p for p in Person.objects.filter(pk__in=[r.pk for r, _ in rows if r.kind == "ca_nhan"])
             .select_related("unit")}
    unit_names = {u.pk: u for u in Unit.objects.filter(pk__in=[r.pk for r, _ in rows if r.kind == "tap_the"])}
    existing = _existing_keys(year, codes)
    groups: dict[str, list] = {code: [] for code in codes}
    for record, result in rows:
        subject = names.get(record.pk) if record.kind == "ca_nhan" else unit_names.get(record.pk)
        if subject is None:
            continue
        key = f"{'person' if record.kind == 'ca_nhan' else 'unit'}:{record.pk}"
        groups[result.award_code].append({
            "key": key, "subject": subject, "record": record, "result": result,
            "hint": eligibility.tie_break_hint(record), "nominated": (key, result.award_code) in existing,
        })
    for items in groups.values():
        # At equal merit the law prefers a woman / a collective with >= 70 % women: they come first.
        items.sort(key=lambda i: (i["result"].verdict != eligibility.ELIGIBLE, not i["hint"], str(i["subject"])))
    return {"groups": [(code, book.names.get(code, code), groups[code]) for code in codes if groups[code]],
            "codes": [(c, book.names.get(c, c)) for c in all_codes]}


def _existing_keys(year: int, codes: list[str]) -> set[tuple[str, str]]:
    rows = Nomination.objects.filter(dossier__year=year, award_type__code__in=codes).exclude(
        dossier__state=DossierState.WITHDRAWN).values_list("recipient_key", "award_type__code")
    return set(rows)


@login_required
@require_GET
def candidates(request):
    unit = _scope(request)
    year = _year(request)
    award_code = request.GET.get("award", "")
    data = candidates_for(unit, year, award_code)
    units = Unit.objects.active_on(timezone.localdate()).order_by("sort_order", "name") \
        if permissions.is_staff(request.user) else []
    return render(request, "awards/eligibility/candidates.html", {
        "year": year, "unit": unit, "award_code": award_code, "units": units, **data,
        "total": sum(len(items) for _code, _name, items in data["groups"]),
    })


@login_required
@require_POST
def create_drafts(request):
    """Selected candidates become draft nominations: one draft dossier per proposing unit and award; a
    nominee who already has a live nomination for the award and year is skipped (never duplicated)."""
    unit = _scope(request)
    year = _year(request)
    award_code = request.POST.get("award", "")
    keys = request.POST.getlist("candidate")
    back = reverse("awards:eligibility_candidates") + f"?year={year}" + (f"&unit={unit.pk}" if unit else "") + (
        f"&award={award_code}" if award_code else "")
    if not keys:
        messages.error(request, _("Chọn ít nhất một người hoặc tập thể."))
        return redirect(back)
    data = candidates_for(unit, year, award_code)
    allowed = {(item["key"], code): item for code, _name, items in data["groups"] for item in items}
    chosen = [allowed[(key, award_code)] for key in keys if (key, award_code) in allowed]
    if len(chosen) != len(keys):
        messages.error(request, _("Có đối tượng không còn trong danh sách đủ điều kiện; chưa tạo gì."))
        return redirect(back)
    proposer = None if permissions.is_staff(request.user) else request.user.unit
    created, skipped = _create(chosen, award_code, year, request.user, proposer)
    if created:
        messages.success(request, _("Đã tạo %(n)s đề nghị trong %(d)s hồ sơ dự thảo.") % {
            "n": sum(len(v) for v in created.values()), "d": len(created)})
    if skipped:
        messages.warning(request, _("Đã có đề nghị, không tạo lại: %(names)s.") % {"names": ", ".join(skipped)})
    if len(created) == 1:
        return redirect("awards:dossier", reference=next(iter(created)).reference)
    return redirect(back)


@transaction.atomic
def _create(chosen: list[dict], award_code: str, year: int, actor, proposer: Unit | None) -> tuple[dict, list[str]]:
    """``proposer``: the officer's unit proposes for everyone under it; for staff (``None``) each nominee's own
    unit (a person's, or the collective itself) is the proposing unit."""
    award_type = services.award_type_on(award_code, datetime.date(year, 12, 31))
    created: dict[Dossier, list[Nomination]] = {}
    skipped = []
    by_unit: dict[int, Dossier] = {}
    for item in chosen:
        subject = item["subject"]
        is_person = isinstance(subject, Person)
        proposing = proposer or (subject.unit if is_person else subject)
        if proposing is None:
            skipped.append(str(subject))
            continue
        probe_dossier = Dossier(unit=proposing, year=year)
        nomination = Nomination(
            dossier=probe_dossier, award_type=award_type,
            recipient_kind=RecipientKind.INDIVIDUAL if is_person else RecipientKind.COLLECTIVE,
            person=subject if is_person else None, unit=None if is_person else subject,
        )
        nomination.recipient_key = nomination.compute_recipient_key()
        if services.duplicates_of(nomination).exists():
            skipped.append(str(subject))
            continue
        dossier = by_unit.get(proposing.pk)
        if dossier is None:
            dossier = Dossier.objects.create(
                unit=proposing, year=year, occasion=OccasionType.MERIT, authority=award_type.authority,
                title=_("Đề nghị tặng %(award)s năm %(year)s") % {"award": award_type.name, "year": year},
                created_by=actor,
            )
            by_unit[proposing.pk] = dossier
        nomination.dossier = dossier
        nomination.position = len(created.get(dossier, [])) + 1
        nomination.achievement = "; ".join(
            f"{c.label}: {'; '.join(c.evidence)}" for c in item["result"].criteria if c.status == "met" and c.evidence)
        nomination.save()
        created.setdefault(dossier, []).append(nomination)
    return created, skipped
