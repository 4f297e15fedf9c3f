"""The yearly rounds of three units of the demo, 2019 and 2020, decided through the product (issue 13).

Each round is played by ``awards.decisions.rounds.run_round``: the unit's list, its review by the body's officer,
the unit council's recorded vote where an award type needs one (Chiến sĩ thi đua cơ sở), one decision per award type
in the body's own number series, published, which writes the Award rows and decides the round.

* The Giám đốc Sở Giáo dục và Đào tạo (body of ``awards.demo.bodies``): Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
  Tập thể lao động tiên tiến (schools of the Sở) and Giấy khen. The Sở's officer ``donvi`` builds and reviews the
  Sở's own list; the Sở has no leader account in the demo, so she also publishes (as the product allows).
* The Chủ tịch UBND xã Đề Thám and xã Hiệp Hạ (bodies added here, symbol QĐ-UBND, until 30/6/2025): only Lao động
  tiên tiến and Giấy khen. In 2019-2020 a commune's Chiến sĩ thi đua cơ sở and Tập thể lao động tiên tiến were the
  Chủ tịch UBND huyện's (docs/legal-sources.md; ``may_decide`` refuses them), and the huyện bodies are NOT seeded
  here, so the communes' rounds carry no such titles.

Decisions are dated in January of the following year; the 2019 rounds take 01, 02... of the body's 2020 series,
the 2020 rounds those of 2021.

ILLUSTRATIVE ONLY: the signers (Giám đốc Sở, Chủ tịch UBND xã), the new persons, every list, tờ trình number, meeting
and vote are invented; the units and the persons Hoàng Thị Minh Nguyệt, Lương Thị Thu Trang, Hoàng Văn Sơn, Hứa Văn
Long and Lương Thị Bình are those of the demo cast. The teachers of ``awards.demo.facts`` are left out on purpose
(their eligibility story is about 2019 and must stay as it is). The rounds are made once: a round whose decisions
already exist (same body, same decision day) is skipped, so a second run adds nothing.

Called by ``seed_demo`` (after the articles' records): the 2019 rounds' decisions of January 2020 add a "cấp cơ sở"
block (19 awards) to the dashboard's 2020 figures beside the province's, which stay those of the articles; the
2020 rounds' decisions are of 2021, a year the dashboard lists but does not open on (it opens on the latest year the
province decided, ``awards.reports.selectors.latest_province_year``).
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.decisions.rounds import Meeting, Nominee, People, run_round
from awards.demo.attachments import ATTACHMENT_NAMES, demo_file
from awards.demo.base import D, label, upsert
from awards.demo.cast import _account
from awards.demo.clock import clock
from awards.enums import AttachmentKind, BodyKind
from awards.models import (
    Attachment,
    Award,
    Decision,
    DecisionLine,
    Dossier,
    DossierRevision,
    DossierTransition,
    IssuingBody,
    Nomination,
    Signer,
    SignerCapacity,
    UnitCouncilVote,
    UnitVoteLine,
)
from units.models import Gender, Person, PersonCategory, Role, Unit, User

LDTT, CSTDCS, TTLDTT, GIAY_KHEN = ("lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien",
                                   "giay-khen")
GIAY_KHEN_XA = "giay-khen-chu-tich-ubnd-xa"  # the commune's own Giấy khen (Chủ tịch UBND cấp xã)
SO = "so-giao-duc-dao-tao"
DE_THAM, HIEP_HA = "xa-de-tham", "xa-hiep-ha"
UNITS = (SO, DE_THAM, HIEP_HA)
COMMUNES = (DE_THAM, HIEP_HA)
YEARS = (2019, 2020)
COMMUNE_END = D(2025, 6, 30)


def _commune_body(code: str, name: str) -> dict:
    return {
        "unit": code, "kind": BodyKind.COMMUNE, "head_title": f"Chủ tịch UBND xã {name}",
        "short_head_title": f"Chủ tịch UBND xã {name}", "signature_title": "CHỦ TỊCH", "deputy_title": "PHÓ CHỦ TỊCH",
        "parent_name": "", "issuer_name": f"ỦY BAN NHÂN DÂN / XÃ {name.upper()}",
        "authority_line": f"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ {name.upper()}", "symbol": "QĐ-UBND", "place": name,
        "fund_name": f"Quỹ Thi đua, khen thưởng xã {name}", "valid_from": D(2004, 7, 1), "valid_to": COMMUNE_END,
    }


BODIES = [_commune_body(DE_THAM, "Đề Thám"), _commune_body(HIEP_HA, "Hiệp Hạ")]


@dataclass(frozen=True)
class SignerSpec:
    unit: str
    full_name: str
    position: str
    valid_from: D
    valid_to: D | None


SIGNERS = [
    SignerSpec(SO, "Hoàng Văn Thành", "Giám đốc Sở Giáo dục và Đào tạo", D(2016, 1, 1), D(2025, 2, 28)),
    SignerSpec(DE_THAM, "Lương Văn Quân", "Chủ tịch UBND xã Đề Thám", D(2016, 7, 1), COMMUNE_END),
    SignerSpec(HIEP_HA, "Lộc Văn Hưởng", "Chủ tịch UBND xã Hiệp Hạ", D(2016, 7, 1), COMMUNE_END),
]

W = PersonCategory.DIRECT_WORKER
# New persons of the rounds (full name, gender, position, unit code); fictional names in common posts.
PERSONS = [
    ("Hoàng Văn Bình", Gender.MALE, "Giáo viên Vật lí", "truong-thpt-loc-binh"),
    ("Vi Thị Thảo", Gender.FEMALE, "Chuyên viên Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo", SO),
    ("Nông Thị Hiền", Gender.FEMALE, "Giáo viên Tiếng Anh", "truong-thpt-dtnt-tinh"),
    ("Lương Văn Tùng", Gender.MALE, "Công chức Tư pháp - Hộ tịch xã Đề Thám", DE_THAM),
    ("Hoàng Thị Nhung", Gender.FEMALE, "Công chức Tài chính - Kế toán xã Đề Thám", DE_THAM),
    ("Vi Văn Thắng", Gender.MALE, "Công chức Văn phòng - Thống kê xã Hiệp Hạ", HIEP_HA),
    ("Lục Thị Duyên", Gender.FEMALE, "Công chức Văn hóa - Xã hội xã Hiệp Hạ", HIEP_HA),
]
# Existing demo persons used by the rounds: full name -> unit code.
CAST = {"Hoàng Thị Minh Nguyệt": "truong-thpt-viet-bac", "Lương Thị Thu Trang": "truong-thpt-chuyen-chu-van-an",
        "Hoàng Văn Sơn": DE_THAM, "Hứa Văn Long": HIEP_HA, "Lương Thị Bình": "thon-na-ao-2"}


@dataclass(frozen=True)
class Line:
    award: str
    person: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Round:
    unit: str
    year: int
    decided_on: D
    submission: tuple[str, D]
    lines: tuple[Line, ...]
    meeting: tuple[D, int, int, int] | None = None  # held on, members, present, yes


def _people(award: str, *names: str) -> tuple[Line, ...]:
    return tuple(Line(award, person=name) for name in names)


def _units(award: str, *codes: str) -> tuple[Line, ...]:
    return tuple(Line(award, unit=code) for code in codes)


ROUNDS = [
    Round(SO, 2019, D(2020, 1, 15), ("05/TTr-HĐTĐKT", D(2020, 1, 10)), (
        *_people(LDTT, "Hoàng Thị Minh Nguyệt", "Lương Thị Thu Trang", "Hoàng Văn Bình", "Vi Thị Thảo"),
        *_people(CSTDCS, "Hoàng Thị Minh Nguyệt"),
        *_units(TTLDTT, "truong-thpt-viet-bac", "truong-thpt-loc-binh", "truong-thpt-dong-dang"),
        *_people(GIAY_KHEN, "Lương Thị Thu Trang"), *_units(GIAY_KHEN, "truong-thpt-huu-lung"),
    ), meeting=(D(2020, 1, 9), 11, 10, 10)),
    Round(SO, 2020, D(2021, 1, 14), ("04/TTr-HĐTĐKT", D(2021, 1, 8)), (
        *_people(LDTT, "Hoàng Thị Minh Nguyệt", "Lương Thị Thu Trang", "Hoàng Văn Bình", "Vi Thị Thảo",
                 "Nông Thị Hiền"),
        *_people(CSTDCS, "Hoàng Văn Bình"),
        *_units(TTLDTT, "truong-thpt-viet-bac", "truong-thpt-dtnt-tinh", "truong-thpt-huu-lung"),
        *_people(GIAY_KHEN, "Nông Thị Hiền"),
    ), meeting=(D(2021, 1, 7), 11, 11, 11)),
    Round(DE_THAM, 2019, D(2020, 1, 10), ("02/TTr-HĐTĐKT", D(2020, 1, 6)), (
        *_people(LDTT, "Hoàng Văn Sơn", "Lương Văn Tùng", "Hoàng Thị Nhung"),
        *_people(GIAY_KHEN_XA, "Lương Thị Bình"), *_units(GIAY_KHEN_XA, "thon-na-ao-2"),
    )),
    Round(DE_THAM, 2020, D(2021, 1, 12), ("03/TTr-HĐTĐKT", D(2021, 1, 7)), (
        *_people(LDTT, "Hoàng Văn Sơn", "Lương Văn Tùng", "Hoàng Thị Nhung"),
        *_people(GIAY_KHEN_XA, "Hoàng Văn Sơn"),
    )),
    Round(HIEP_HA, 2019, D(2020, 1, 13), ("01/TTr-HĐTĐKT", D(2020, 1, 8)), (
        *_people(LDTT, "Hứa Văn Long", "Vi Văn Thắng", "Lục Thị Duyên"),
        *_units(GIAY_KHEN_XA, "thon-ban-dooc"),
    )),
    Round(HIEP_HA, 2020, D(2021, 1, 15), ("02/TTr-HĐTĐKT", D(2021, 1, 11)), (
        *_people(LDTT, "Hứa Văn Long", "Vi Văn Thắng", "Lục Thị Duyên"),
        *_people(GIAY_KHEN_XA, "Hứa Văn Long"),
    )),
]
REASONS = {SO: "đã có thành tích trong năm học {prev} - {year}", DE_THAM: "đã có thành tích trong năm {year}",
           HIEP_HA: "đã có thành tích trong năm {year}"}
SECRETARY = "Lường Thị Hoa"  # ``donvi``, the Sở's officer, keeps the minutes of the Sở's council
JUDGEMENT = ("Hội đồng Thi đua - Khen thưởng đã xem xét hồ sơ giấy (xếp loại, sáng kiến được công nhận) và kết luận "
             "đủ điều kiện (dữ liệu minh họa).")
OFFICER = {SO: "donvi"}  # the communes' officers are demo accounts ``demo-officer-<code>``
ACCOUNTS_JOINED = D(2019, 9, 3)


def _seed_bodies() -> dict[str, IssuingBody]:
    for spec in BODIES:
        values = {name: value for name, value in spec.items() if name not in ("unit", "valid_from")}
        upsert(IssuingBody, {"unit": Unit.objects.get(code=spec["unit"]), "valid_from": spec["valid_from"]}, values)
    return {code: IssuingBody.objects.filter(unit__code=code).order_by("valid_from").last() for code in UNITS}


def _seed_signers(bodies: dict[str, IssuingBody]) -> dict[str, Signer]:
    return {spec.unit: upsert(Signer, {"full_name": spec.full_name, "body": bodies[spec.unit]},
                              {"position": spec.position, "capacity": SignerCapacity.CHAIR,
                               "valid_from": spec.valid_from, "valid_to": spec.valid_to})
            for spec in SIGNERS}


def _seed_persons() -> dict[str, Person]:
    units = {u.code: u for u in Unit.objects.filter(code__in={*(p[3] for p in PERSONS), *CAST.values()})}
    persons = {name: upsert(Person, {"full_name": name, "unit": units[code]},
                            {"gender": gender, "position": position, "category": W})
               for name, gender, position, code in PERSONS}
    for name, code in CAST.items():
        persons[name] = Person.objects.get(full_name=name, unit=units[code])
    return persons


def _seed_officers() -> dict[str, User]:
    officers = {code: User.objects.get(username=username) for code, username in OFFICER.items()}
    with clock(ACCOUNTS_JOINED):
        for code in COMMUNES:
            unit = Unit.objects.get(code=code)
            officers[code] = _account(
                f"demo-officer-{code}", f"Cán bộ thi đua - khen thưởng ({unit.display_short})",
                f"Phụ trách công tác thi đua - khen thưởng, {unit.name} (tài khoản minh họa)", Role.UNIT_OFFICER, unit)
    return officers


def _attacher(officer: User):
    def prepare(dossier: Dossier) -> None:
        for kind in (AttachmentKind.SUBMISSION, AttachmentKind.ACHIEVEMENT_REPORT, AttachmentKind.REVIEW_MINUTES):
            name, inspected = demo_file(kind)
            Attachment.objects.create(
                dossier=dossier, kind=kind, file=name,
                original_name=f"{ATTACHMENT_NAMES[kind][0]}-{dossier.reference.lower()}.pdf",
                content_type=inspected.content_type, size=inspected.size, sha256=inspected.sha256,
                uploaded_by=officer)
    return prepare


def _play(spec: Round, body: IssuingBody, signer: Signer, officer: User, persons: dict[str, Person]) -> None:
    units = {u.code: u for u in Unit.objects.filter(code__in=[line.unit for line in spec.lines if line.unit])}
    nominees = [Nominee(line.award, person=persons.get(line.person), unit=units.get(line.unit)) for line in spec.lines]
    meeting = None
    if spec.meeting:
        held_on, members, present, yes = spec.meeting
        meeting = Meeting(held_on, members, present, signer.full_name, SECRETARY, yes=yes)
    number, day = spec.submission
    with clock(spec.decided_on, hour=8):
        run_round(body, body.unit, spec.year, nominees, People(officer, officer, officer), signer=signer,
                  decided_on=spec.decided_on, reason=REASONS[spec.unit].format(prev=spec.year - 1, year=spec.year),
                  meeting=meeting, submission_number=number, submission_date=day, prepare=_attacher(officer),
                  judgement=JUDGEMENT)


def seed_unit_rounds() -> dict[str, int]:
    """Upsert the communes' bodies, the signers, persons and officers; play each round once; return the rows."""
    bodies = _seed_bodies()
    signers = _seed_signers(bodies)
    persons = _seed_persons()
    officers = _seed_officers()
    for spec in ROUNDS:
        body = bodies[spec.unit]
        if not Decision.objects.filter(body=body, decided_on=spec.decided_on).exists():
            _play(spec, body, signers[spec.unit], officers[spec.unit], persons)
    return _counts(bodies)


def _counts(bodies: dict[str, IssuingBody]) -> dict[str, int]:
    dossiers = {"body__in": bodies.values(), "year__in": YEARS}
    in_rounds = {f"dossier__{name}": value for name, value in dossiers.items()}
    of_nominations = {f"nomination__{name}": value for name, value in in_rounds.items()}
    return {
        label(IssuingBody): len(BODIES),
        label(Signer): len(SIGNERS),
        label(Person): len(PERSONS),
        label(User): len(COMMUNES),
        label(Dossier): Dossier.objects.filter(**dossiers).count(),
        label(Nomination): Nomination.objects.filter(**in_rounds).count(),
        label(Attachment): Attachment.objects.filter(**in_rounds).count(),
        label(DossierRevision): DossierRevision.objects.filter(**in_rounds).count(),
        label(DossierTransition): DossierTransition.objects.filter(**in_rounds).count(),
        label(UnitCouncilVote): UnitCouncilVote.objects.filter(**in_rounds).count(),
        label(UnitVoteLine): UnitVoteLine.objects.filter(**of_nominations).count(),
        label(Decision): Decision.objects.filter(body__in=bodies.values(), lines__nomination__dossier__year__in=YEARS)
        .distinct().count(),
        label(DecisionLine): DecisionLine.objects.filter(**of_nominations).count(),
        label(Award): Award.objects.filter(**of_nominations).count(),
    }
