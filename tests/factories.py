"""factory_boy factories for the test suite."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth.models import Group

from units.models import ClusterKind, EmulationCluster, Gender, Person, Role, Unit, UnitKind, User


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Đơn vị thử nghiệm {n}")
    kind = UnitKind.DEPARTMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = Gender.MALE
    birth_date = datetime.date(1980, 1, 1)
    unit = factory.SubFactory(UnitFactory)


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationCluster

    code = factory.Sequence(lambda n: f"cluster-{n}")
    name = factory.Sequence(lambda n: f"Cụm thi đua số {n}")
    kind = ClusterKind.CLUSTER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.django.Password("thidua2021")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for role in extracted:
            self.groups.add(Group.objects.get(name=Role(role).value))


def make_dossier(unit, creator, *, code="bang-khen-chu-tich-ubnd-tinh", state="draft", complete=True, year=2020,
                 verdict="pending", occasion="cong_trang", authority="chu_tich_ubnd_tinh", recipient=None, body=None):
    """A dossier of ``unit`` with one nomination of award ``code`` (in force in ``year``); ``complete``
    adds the submission number and the attachments the award requires. ``state`` is set directly: this
    is test set-up, the workflow's own tests go through ``transition``. ``body``: a unit's round addressed to that
    body (its authority replaces ``authority``)."""
    import datetime as _dt

    from django.core.files.base import ContentFile

    from awards.catalogue.in_force import award_type_on
    from awards.models import Attachment, Dossier, Nomination

    award = award_type_on(code, _dt.date(year, 12, 31))
    dossier = Dossier.objects.create(
        unit=unit, title=f"Đề nghị tặng {award.name} năm {year}", occasion=occasion, year=year,
        authority=body.authority if body is not None else authority, body=body, created_by=creator,
        submission_number="15/TTr-TEST" if complete else "", submission_date=_dt.date(year + 1, 1, 10) if complete else None,
    )
    kind = "tap_the" if award.for_collective else "ca_nhan"
    if recipient is None and kind == "tap_the":
        Nomination.objects.create(dossier=dossier, recipient_kind=kind, unit=unit, award_type=award,
                                  achievement="Hoàn thành xuất sắc nhiệm vụ", verdict=verdict)
    elif recipient is not None:
        Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=recipient, award_type=award,
                                  achievement="Hoàn thành xuất sắc nhiệm vụ", verdict=verdict)
    if complete:
        for required in award.required_attachments:
            Attachment.objects.create(
                dossier=dossier, kind=required, file=ContentFile(b"%PDF-1.4 test", name="x.pdf"),
                original_name=f"{required}.pdf", content_type="application/pdf", size=13, sha256="0" * 64,
                uploaded_by=creator,
            )
    if state != "draft":
        Dossier.objects.filter(pk=dossier.pk).update(state=state)
        dossier.refresh_from_db()
    return dossier


def xlsx_upload(rows, header, title=None, name="bang.xlsx"):
    """An uploaded .xlsx: an optional title row, the header row, then ``rows``."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
    if header:
        sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def make_draft_decision(unit, officer, staff):
    """A draft decision (Bằng khen, 06/02/2021, signed by the Chủ tịch) for one approved nomination of ``unit``,
    answering the Sở Nội vụ's Tờ trình số 245/TTr-SNV of 03/02/2021."""
    import datetime as _dt

    from awards.decisions import services as decisions
    from awards.models import Signer

    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=_dt.date(2020, 1, 1))
    dossier = make_dossier(unit, officer, state="awaiting_decision", verdict="eligible")
    return with_board_submission(decisions.draft_decision(list(dossier.nominations.all()), staff,
                                                          _dt.date(2021, 2, 6), signer,
                                                          "đã có thành tích xuất sắc năm 2020"))


def with_board_submission(decision, number="245/TTr-SNV", day=None):
    """The Sở Nội vụ's tờ trình a decision of the province answers (needed to publish it): dated three days
    before the decision unless ``day`` is given."""
    import datetime as _dt

    from awards.models import Decision

    Decision.objects.filter(pk=decision.pk).update(
        submission_number=number, submission_date=day or decision.decided_on - _dt.timedelta(days=3))
    decision.refresh_from_db()
    return decision


def _outside_event_loop(work):
    """Run ``work()`` with no event loop marked as running in this thread (the browser tests' Playwright runs one):
    pyHanko's synchronous signing calls ``asyncio.run``, which a running loop refuses. Same thread, so the same
    database connection and transaction (a thread of its own would not see them)."""
    import asyncio

    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        return work()
    asyncio.events._set_running_loop(None)
    try:
        return work()
    finally:
        asyncio.events._set_running_loop(running)


def issue_decision(decision, actor, agency_actor=None):
    return _outside_event_loop(lambda: _issue_decision(decision, actor, agency_actor))


def _issue_decision(decision, actor, agency_actor=None):
    """Issue a draft as the product does (awards.decisions.issuing): the signer signs with his demo key file,
    then the văn thư signs for the agency (seal, annex) and the decision is published with its signed file. A body
    in paper mode issues with a one-page scan instead. Returns the number of awards recorded."""
    from awards.decisions import issuing
    from awards.models import Decision, IssueMode
    from awards.signing import demokeys

    decision = Decision.objects.get(pk=decision.pk)
    if issuing.mode_of(decision) == IssueMode.PAPER:
        return issuing.issue_paper(decision, actor, paper_scan(), decision.decided_on)
    issuing.sign_as_signer(decision, actor, demokeys.signer_key(decision.signer))
    return issuing.issue(decision, agency_actor or actor, demokeys.agency_key(decision.body))


def sign_all(decision, actor):
    return _outside_event_loop(lambda: _sign_all(decision, actor))


def _sign_all(decision, actor):
    """The signer's and the văn thư's signatures (demo key files), without completing the issue: what the
    decision page's "Ban hành quyết định" button then completes."""
    from awards.decisions import issuing
    from awards.models import Decision
    from awards.signing import demokeys

    decision = Decision.objects.get(pk=decision.pk)
    issuing.sign_as_signer(decision, actor, demokeys.signer_key(decision.signer))
    issuing.sign_step(decision, actor, "agency", demokeys.agency_key(decision.body))
    return decision


def paper_scan(text="Ban goc da ky tren giay"):
    """A small real PDF standing for the scan of a paper original."""
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def make_body(unit, kind="so_ban_nganh", **values):
    """An issuing body for ``unit``: by default a Sở whose head is its Giám đốc (override any field)."""
    import datetime as _dt

    from awards.models import IssuingBody

    upper = unit.name.upper()
    fields = {
        "head_title": f"Giám đốc {unit.name}", "signature_title": "GIÁM ĐỐC", "deputy_title": "PHÓ GIÁM ĐỐC",
        "parent_name": "UBND TỈNH LẠNG SƠN", "issuer_name": upper, "authority_line": f"GIÁM ĐỐC {upper}",
        "symbol": "QĐ-SGDĐT", "place": "Lạng Sơn", "fund_name": f"Quỹ Thi đua, khen thưởng của {unit.name}",
        "valid_from": _dt.date(2004, 7, 1),
    }
    fields.update(values)
    return IssuingBody.objects.create(unit=unit, kind=kind, **fields)


def make_commune_body(name="Đề Thám", **values):
    """A commune of 2019-2021 (until 30/6/2025) deciding through its Chủ tịch UBND xã."""
    import datetime as _dt

    unit = UnitFactory(code=f"xa-{len(name)}-{name.lower().replace(' ', '-')}", name=f"Xã {name}",
                       kind=UnitKind.COMMUNE, valid_to=_dt.date(2025, 6, 30))
    fields = {
        "head_title": f"Chủ tịch UBND xã {name}", "signature_title": "CHỦ TỊCH", "deputy_title": "PHÓ CHỦ TỊCH",
        "parent_name": "", "issuer_name": f"ỦY BAN NHÂN DÂN / XÃ {name.upper()}",
        "authority_line": f"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ {name.upper()}", "symbol": "QĐ-UBND", "place": name,
        "fund_name": f"Quỹ Thi đua, khen thưởng xã {name}", "valid_to": _dt.date(2025, 6, 30),
    }
    fields.update(values)
    return make_body(unit, kind="xa_phuong", **fields)


def drafter_for(body, staff):
    """Who drafts and publishes ``body``'s decisions: board staff for the province (``body`` None or the province's),
    else a unit officer of the body's unit (created once; with no leader account the officer also publishes)."""
    from units.models import Role, User

    if body is None or body.is_province:
        return staff
    officer = User.objects.filter(unit=body.unit, groups__name=Role.UNIT_OFFICER).order_by("pk").first()
    return officer or UserFactory(unit=body.unit, roles=[Role.UNIT_OFFICER])


def sign_latest_decision(username):
    """Browser journeys: the newest decision signed by its signer and the văn thư (demo key files), as the signing
    step of the decision page would do, so that the page's "Ban hành quyết định" button issues it."""
    from awards.models import Decision
    from units.models import User

    return sign_all(Decision.objects.order_by("-pk").first(), User.objects.get(username=username))
outside_event_loop = _outside_event_loop  # for browser tests that seed or sign inside Playwright's loop
