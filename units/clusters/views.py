"""Pages of a cluster's year: overview, settings (criteria table, quota, tie-break), self-scoring, the trưởng
cụm's check, the ranking meeting, election and giao ước, the actions, and the two PDFs. Thin: every rule is
in the services of ``units.clusters``; a refused form is shown again with what was typed."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core.state_machine import NotAllowed, WorkflowError
from units.clusters import access, closing, proposals, ranking, scoring
from units.clusters import pdf as cluster_pdf
from units.models import ClusterScore, ClusterYear, ClusterYearState, TieBreak, Unit
from units.text import nfc

S = ClusterYearState


def _cluster_year(request, pk: int, year: int) -> ClusterYear:
    cluster_year = get_object_or_404(ClusterYear.objects.select_related("cluster", "leader", "deputy", "dossier"),
                                     cluster_id=pk, year=year)
    if not access.can_view(request.user, cluster_year):
        raise Http404
    return cluster_year


def _manager(request, pk: int, year: int) -> ClusterYear:
    cluster_year = _cluster_year(request, pk, year)
    allowed, reason = access.can_manage(request.user, cluster_year)
    if not allowed:
        raise PermissionDenied(reason)
    return cluster_year


def _version(request) -> int:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else -1


def _back(cluster_year: ClusterYear):
    return redirect("units:cluster_year", cluster_year.cluster_id, cluster_year.year)


def _scores(cluster_year: ClusterYear) -> dict[tuple[int, int], ClusterScore]:
    rows = ClusterScore.objects.filter(criterion__cluster_year=cluster_year)
    return {(s.membership_id, s.criterion_id): s for s in rows}


@login_required
@require_GET
def overview(request, pk: int, year: int):
    cy = _cluster_year(request, pk, year)
    user = request.user
    manage, manage_reason = access.can_manage(user, cy)
    self_score, self_reason = access.can_self_score(user, cy)
    criteria = list(cy.criteria.all())
    scores = _scores(cy)
    members = list(access.memberships(cy))
    grid = [(m, [scores.get((m.pk, c.pk)) for c in criteria]) for m in members]
    ranked = ranking.ranking_rows(cy) if cy.state in (S.RANKED, S.CLOSED) else []
    try:
        proposed = ranking.proposals(cy) if cy.state in (S.RANKED, S.CLOSED) else []
        proposal_problem = ""
    except NotAllowed as exc:
        proposed, proposal_problem = [], exc.message
    context = {
        "cy": cy, "cluster": cy.cluster, "criteria": criteria, "grid": grid, "ranking": ranked,
        "proposed": proposed, "proposal_problem": proposal_problem, "manage": manage, "manage_reason": manage_reason,
        "self_score": self_score, "self_reason": self_reason, "own": access.member_of(user, cy),
        "max_total": sum((c.max_points for c in criteria), start=Decimal(0)),
        "signatories": list(cy.covenant_signatories.all()), "S": S,
        "flag_award": ranking.FLAG_AWARD, "women_basis": ranking.women_preference_basis(ranking.review_day(cy)),
    }
    return render(request, "units/cluster_year.html", context)


Row = tuple[str, str, str, str]  # số, nhóm, nội dung, điểm tối đa (as typed)


def _text_rows(text: str) -> list[Row | None]:
    """The older text form, one criterion a line: ``số | nhóm | nội dung | điểm tối đa`` (None: a malformed line)."""
    rows: list[Row | None] = []
    for line in (text or "").splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")]
            rows.append((parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None)
    return rows


def _posted_rows(post) -> list[Row | None]:
    """The table's rows as entered (one input per cell, in order); wholly empty rows are left out."""
    cells = [post.getlist(name) for name in ("c_number", "c_group", "c_text", "c_points")]
    rows: list[Row | None] = []
    for number, group, text, points in zip(*cells, strict=False):
        row = (number.strip(), group.strip(), text.strip(), points.strip())
        if any(row):
            rows.append(row)
    return rows


def _parse_criteria(rows: list[Row | None]) -> list[scoring.CriterionSpec]:
    specs = []
    for index, row in enumerate(rows, start=1):
        if row is None or not row[0] or not row[2]:
            raise NotAllowed(_("Dòng %(n)s: cần ghi số thứ tự, nội dung và điểm tối đa.") % {"n": index})
        try:
            maximum = Decimal(row[3].replace(",", "."))
        except InvalidOperation:
            raise NotAllowed(_("Dòng %(n)s: điểm tối đa không hợp lệ.") % {"n": index}) from None
        if not maximum.is_finite() or maximum <= 0:
            raise NotAllowed(_("Dòng %(n)s: điểm tối đa phải lớn hơn 0.") % {"n": index})
        specs.append(scoring.CriterionSpec(row[0], nfc(row[2]), maximum, nfc(row[1])))
    numbers = [s.number for s in specs]
    if len(set(numbers)) != len(numbers):
        raise NotAllowed(_("Số thứ tự tiêu chí bị trùng."))
    if not specs:
        raise NotAllowed(_("Bảng tiêu chí chưa có dòng nào."))
    return specs


def _criteria_rows(criteria) -> list[Row]:
    return [(c.number, c.group, c.text, scoring.plain(c.max_points)) for c in criteria]


def _previous_criteria(cy: ClusterYear) -> tuple[int | None, list[Row]]:
    """The latest earlier year of the same cluster that has a scoring table, and its rows."""
    earlier = (ClusterYear.objects.filter(cluster_id=cy.cluster_id, year__lt=cy.year, criteria__isnull=False)
               .order_by("-year").first())
    return (earlier.year, _criteria_rows(earlier.criteria.all())) if earlier else (None, [])


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request, pk: int, year: int):
    cy = _manager(request, pk, year)
    criteria = list(cy.criteria.all())
    rows: list[Row | None] = list(_criteria_rows(criteria))
    values = {
        "flag_quota": cy.flag_quota, "merit_quota": cy.merit_quota, "tie_break": cy.tie_break,
        "tie_break_criterion": cy.tie_break_criterion.number if cy.tie_break_criterion_id else "",
        "submission_number": cy.submission_number,
        "submission_date": cy.submission_date.isoformat() if cy.submission_date else "",
        "signer_name": cy.signer_name, "signer_title": cy.signer_title, "secretary_name": cy.secretary_name,
    }
    error, copied = "", None
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in values}
        rows = _posted_rows(request.POST) if "c_number" in request.POST else _text_rows(request.POST.get("criteria"))
        if "copy_previous" in request.POST:  # fill the table from last year's; nothing is saved yet
            copied, rows = _previous_criteria(cy)
            if copied is None:
                error = _("Các năm trước của cụm, khối chưa có bảng tiêu chí để chép.")
        else:
            try:
                _save_settings(cy, request, values, rows)
            except WorkflowError as exc:
                error = exc.message
            else:
                messages.success(request, _("Đã lưu bảng tiêu chí và chỉ tiêu đề nghị."))
                return _back(cy)
    shown = [row or ("", "", "", "") for row in rows]
    return render(request, "units/cluster_settings.html", {
        "cy": cy, "cluster": cy.cluster, "values": values, "error": error, "criteria": criteria, "copied": copied,
        "rows": shown + [("", "", "", "")] * (3 if cy.state == S.OPEN else 0),
        "tie_breaks": TieBreak.choices, "criteria_editable": cy.state == S.OPEN,
        "women_basis": ranking.women_preference_basis(ranking.review_day(cy))})


def _save_settings(cy: ClusterYear, request, values: dict, rows: list[Row | None]) -> None:
    if cy.state == S.CLOSED or cy.dossier_id:
        raise NotAllowed(_("Đã lập hồ sơ đề nghị: không đổi được chỉ tiêu, quy tắc xếp hạng."))
    quotas = []
    for name in ("flag_quota", "merit_quota"):
        value = str(values[name]).strip()
        if not value.isdigit() or int(value) > 50:
            raise NotAllowed(_("Chỉ tiêu đề nghị phải là số nguyên từ 0 đến 50."))
        quotas.append(int(value))
    if values["tie_break"] not in TieBreak.values:
        raise NotAllowed(_("Quy tắc xếp hạng không hợp lệ."))
    submission_date = None
    if values["submission_date"]:
        try:
            submission_date = datetime.date.fromisoformat(values["submission_date"])
        except ValueError:
            raise NotAllowed(_("Ngày tờ trình không hợp lệ.")) from None
    version = _version(request)
    if cy.state == S.OPEN:
        scoring.set_criteria(cy, _parse_criteria(rows), request.user, version)
        version += 1
    number = str(values["tie_break_criterion"]).strip()
    criterion = cy.criteria.filter(number=number).first() if number else None
    if number and criterion is None:
        raise NotAllowed(_("Không có tiêu chí số %(n)s trong bảng.") % {"n": number})
    ranking.update_settings(cy, request.user, version, flag_quota=quotas[0], merit_quota=quotas[1],
                             tie_break=values["tie_break"], tie_break_criterion=criterion,
                             submission_number=nfc(values["submission_number"]), submission_date=submission_date,
                             signer_name=values["signer_name"], signer_title=values["signer_title"],
                             secretary_name=values["secretary_name"])


@login_required
@require_http_methods(["GET", "POST"])
def self_score(request, pk: int, year: int):
    cy = _cluster_year(request, pk, year)
    own = access.member_of(request.user, cy)
    if own is None:
        raise PermissionDenied(_("Chỉ cán bộ thi đua của đơn vị thành viên mới tự chấm điểm cho đơn vị mình."))
    criteria = list(cy.criteria.all())
    scores = _scores(cy)
    values = {}
    for c in criteria:
        score = scores.get((own.pk, c.pk))
        values[c.pk] = {"points": scoring.plain(score.self_points) if score else "",
                        "evidence": score.evidence if score else ""}
    stored = {c.pk: scores.get((own.pk, c.pk)) for c in criteria}
    women = scoring.plain(own.women_percent)
    error = ""
    if request.method == "POST":
        values = {c.pk: {"points": request.POST.get(f"points-{c.pk}", "").strip(),
                         "evidence": request.POST.get(f"evidence-{c.pk}", "")} for c in criteria}
        women = request.POST.get("women_percent", "").strip()
        try:
            women_value = _decimal_or_none(women, _("Tỷ lệ nữ không hợp lệ."))
            typed = {pk_: (v["points"], v["evidence"]) for pk_, v in values.items()}
            files = _evidence_files(request, criteria)
            scoring.save_self_scores(cy, request.user, typed, _version(request), women_percent=women_value,
                                      files=files)
        except WorkflowError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã lưu điểm tự chấm của %(unit)s.") % {"unit": own.unit.name})
            return _back(cy)
    allowed, reason = access.can_self_score(request.user, cy)
    rows = [(c, values[c.pk], stored[c.pk]) for c in criteria]
    return render(request, "units/cluster_self_score.html", {
        "cy": cy, "cluster": cy.cluster, "own": own, "rows": rows, "women": women, "error": error,
        "allowed": allowed, "reason": reason,
        "women_basis": ranking.women_preference_basis(ranking.review_day(cy))})


def _evidence_files(request, criteria) -> dict:
    """Evidence files sent with the self-score form, checked by content like dossier attachments."""
    from django.conf import settings

    from awards.core import uploads

    files = {}
    for criterion in criteria:
        uploaded = request.FILES.get(f"file-{criterion.pk}")
        if uploaded is None:
            continue
        try:
            inspected = uploads.inspect_upload(uploaded, settings.ATTACHMENT_MAX_BYTES)
        except uploads.UploadRejected as exc:
            raise NotAllowed(_("Tiêu chí %(n)s: %(message)s") % {"n": criterion.number,
                                                                           "message": exc.message}) from None
        uploaded.original_name = inspected.original_name
        uploaded.checked_content_type = inspected.content_type
        files[criterion.pk] = uploaded
    return files


@login_required
@require_GET
def evidence(request, pk: int, year: int, score_id: int):
    """An evidence file, to whoever may see the cluster year (never from a public URL)."""
    cy = _cluster_year(request, pk, year)
    score = get_object_or_404(ClusterScore, pk=score_id, criterion__cluster_year=cy)
    if not score.evidence_file:
        raise Http404
    return FileResponse(score.evidence_file.open("rb"), as_attachment=True,
                        filename=score.evidence_name or "minh-chung", content_type=score.evidence_type or None)


def _decimal_or_none(value: str, message: str) -> Decimal | None:
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise NotAllowed(message) from None
    if not number.is_finite():
        raise NotAllowed(message)
    return number


@login_required
@require_http_methods(["GET", "POST"])
def check(request, pk: int, year: int):
    cy = _manager(request, pk, year)
    criteria = list(cy.criteria.all())
    members = list(access.memberships(cy))
    scores = _scores(cy)
    typed: dict[str, str] = {}
    error = ""
    if request.method == "POST":
        typed = {f"{m.pk}-{c.pk}": request.POST.get(f"checked-{m.pk}-{c.pk}", "").strip()
                 for m in members for c in criteria}
        points = {(m.pk, c.pk): typed[f"{m.pk}-{c.pk}"] for m in members for c in criteria}
        try:
            scoring.save_checked_scores(cy, request.user, points, _version(request))
            if request.POST.get("finish") == "1":
                scoring.finish_check(cy, request.user, cy.version)
        except WorkflowError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã lưu điểm chấm của trưởng cụm.") if request.POST.get("finish") != "1"
                             else _("Đã hoàn thành chấm điểm; có thể họp suy tôn, xếp hạng."))
            return _back(cy)
    rows = []
    for m in members:
        cells = []
        for c in criteria:
            score = scores.get((m.pk, c.pk))
            if typed:
                value = typed[f"{m.pk}-{c.pk}"]
            elif score is not None and score.checked_points is not None:
                value = scoring.plain(score.checked_points)
            else:
                value = scoring.plain(score.self_points) if score is not None else ""
            cells.append({"criterion": c, "score": score, "value": value})
        rows.append((m, cells))
    return render(request, "units/cluster_check.html", {
        "cy": cy, "cluster": cy.cluster, "criteria": criteria, "rows": rows, "error": error,
        "editable": cy.state == S.SELF_SCORING})


@login_required
@require_http_methods(["GET", "POST"])
def ranking_page(request, pk: int, year: int):
    cy = _manager(request, pk, year)
    members = list(access.memberships(cy))
    values = {
        "meeting_date": cy.meeting_date.isoformat() if cy.meeting_date else "",
        "meeting_place": cy.meeting_place, "attendance": cy.attendance,
        "voters": "" if cy.voters is None else cy.voters,
        "votes": {m.pk: "" if m.votes is None else m.votes for m in members},
    }
    error = ""
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in ("meeting_date", "meeting_place", "attendance",
                                                                        "voters")}
        values["votes"] = {m.pk: request.POST.get(f"votes-{m.pk}", "").strip() for m in members}
        try:
            try:
                day = datetime.date.fromisoformat(values["meeting_date"]) if values["meeting_date"] else None
            except ValueError:
                raise NotAllowed(_("Ngày họp không hợp lệ.")) from None
            if not str(values["voters"]).isdigit() or any(not str(v).isdigit() for v in values["votes"].values()):
                raise NotAllowed(_("Số đại biểu và số phiếu phải là số nguyên không âm."))
            ranking.record_ranking(cy, request.user, {k: int(v) for k, v in values["votes"].items()}, day,
                                    values["meeting_place"], values["attendance"], int(values["voters"]),
                                    _version(request))
        except WorkflowError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã ghi kết quả họp suy tôn và xếp hạng."))
            return _back(cy)
    rows = [(m, values["votes"].get(m.pk, "")) for m in members]
    return render(request, "units/cluster_ranking.html", {
        "cy": cy, "cluster": cy.cluster, "rows": rows, "values": values, "error": error,
        "editable": cy.state in (S.CHECKED, S.RANKED) and not cy.dossier_id})


@login_required
@require_http_methods(["GET", "POST"])
def election(request, pk: int, year: int):
    cy = _manager(request, pk, year)
    members = list(access.memberships(cy))
    values = {"next_leader": cy.next_leader_id or "", "next_deputy": cy.next_deputy_id or "",
              "covenant": cy.covenant, "signatories": set(cy.covenant_signatories.values_list("pk", flat=True))}
    error = ""
    if request.method == "POST":
        values = {"next_leader": request.POST.get("next_leader", ""),
                  "next_deputy": request.POST.get("next_deputy", ""), "covenant": request.POST.get("covenant", ""),
                  "signatories": {int(v) for v in request.POST.getlist("signatories") if v.isdigit()}}
        by_pk = {m.unit_id: m.unit for m in members}

        def unit(value) -> Unit | None:
            return by_pk.get(int(value)) if str(value).isdigit() else None

        try:
            closing.elect(cy, request.user, unit(values["next_leader"]), unit(values["next_deputy"]),
                           values["covenant"], [by_pk[i] for i in values["signatories"] if i in by_pk],
                           _version(request))
        except WorkflowError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã ghi kết quả bầu trưởng, phó cụm và giao ước thi đua năm sau."))
            return _back(cy)
    return render(request, "units/cluster_election.html", {
        "cy": cy, "cluster": cy.cluster, "members": members, "values": values, "error": error,
        "editable": cy.state == S.RANKED, "next_year": cy.year + 1})


ACTIONS = {
    "start": (scoring.start_self_scoring, gettext_lazy("Đã mở bước tự chấm điểm cho các đơn vị thành viên.")),
    "finish_check": (scoring.finish_check, gettext_lazy("Đã hoàn thành chấm điểm.")),
    "generate": (proposals.generate_proposals, gettext_lazy("Đã lập hồ sơ đề nghị khen thưởng của cụm, khối.")),
    "close": (closing.close, gettext_lazy("Đã kết thúc năm của cụm, khối.")),
}


@login_required
@require_POST
def action(request, pk: int, year: int, name: str):
    cy = _cluster_year(request, pk, year)
    if name not in ACTIONS:
        raise Http404
    service, done = ACTIONS[name]
    try:
        service(cy, request.user, _version(request))
    except NotAllowed as exc:
        allowed, _reason = access.can_manage(request.user, cy)
        if not allowed:
            raise PermissionDenied(exc.message) from None
        messages.error(request, exc.message)
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, str(done))
    return _back(cy)


def _pdf(request, pk: int, year: int, render_function, slug: str) -> HttpResponse:
    cy = _cluster_year(request, pk, year)
    if cy.state not in (S.RANKED, S.CLOSED):
        raise Http404
    response = HttpResponse(render_function(cy), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{cy.cluster.code}-{cy.year}.pdf"'
    return response


@login_required
@require_GET
def minutes_pdf(request, pk: int, year: int):
    return _pdf(request, pk, year, cluster_pdf.render_minutes, "bien-ban-hop-cum")


@login_required
@require_GET
def submission_pdf(request, pk: int, year: int):
    return _pdf(request, pk, year, cluster_pdf.render_submission, "to-trinh-de-nghi-khen-thuong")
