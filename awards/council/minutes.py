"""The minutes (biên bản) of a Hội đồng Thi đua - Khen thưởng session: numbered in the Hội đồng's series,
with its chủ tọa and thư ký, who sign it."""

from __future__ import annotations

import re

from django.conf import settings

from awards.consultation.services import opinions_by_nomination
from awards.core import pdf
from awards.council.tally import share
from awards.dossiers.annex import line_detail
from awards.models import CouncilSession, Vote
from units.models import User


def _person(member: User | None, name: str, position: str) -> dict:
    """A chủ tọa or thư ký as the biên bản names them: a member's name and position, or the typed ones."""
    if member is not None:
        return {"name": member.display_name, "position": position or member.position}
    return {"name": name, "position": position}


# A session title that already says "Phiên họp (Hội đồng …) xét …" is not quoted after "họp phiên": the biên bản
# reads "… họp xét tặng Cờ thi đua …", not "… họp phiên "Phiên họp Hội đồng … xét tặng …"".
_TITLE_LEAD = re.compile(r"^(phiên họp|họp)\s+(hội đồng thi đua\s*-\s*khen thưởng( tỉnh)?\s+)?", re.IGNORECASE)


def meeting_words(title: str) -> str:
    """What the Hội đồng met for, after "họp": "xét tặng Cờ thi đua …" or "phiên "…"" for any other title."""
    title = title.strip()
    rest = _TITLE_LEAD.sub("", title)
    if rest != title and rest:
        return rest
    return f"phiên “{title}”" if title else "xét đề nghị khen thưởng"


def context(session: CouncilSession) -> dict:
    members = list(session.members.order_by("full_name"))
    votes = Vote.objects.filter(item__session=session, voided=False)
    written = set(votes.filter(written=True).values_list("member_id", flat=True))
    present = set(votes.filter(written=False).values_list("member_id", flat=True))
    items = list(session.items.select_related("nomination__award_type", "nomination__person",
                                              "nomination__unit", "nomination__household", "nomination__dossier__unit"))
    opinions = opinions_by_nomination([item.nomination_id for item in items])
    rows = [
        {"item": item, "nomination": item.nomination, "share": share(item.yes_count or 0, item.member_count or 0),
         "opinions": opinions.get(item.nomination_id, []), "detail": line_detail(item.nomination, session.held_on)}
        for item in items
    ]
    organ, organ_size = pdf.organ_header(["Hội đồng", "Thi đua - Khen thưởng"])
    return {
        "session": session,
        "meeting": meeting_words(session.title),
        "parent": f"UBND tỉnh {settings.PROVINCE_NAME}",
        "issuer_lines": organ, "organ_size": organ_size,
        "code": session.minutes_code,
        "place_date": pdf.place_date(session.held_on),
        "chair": _person(session.chair, session.chair_name, session.chair_position),
        "secretary": _person(session.secretary, session.secretary_name, session.secretary_position),
        "members": members,
        "present": [m for m in members if m.pk in present],
        "written": [m for m in members if m.pk in written and m.pk not in present],
        "absent": [m for m in members if m.pk not in present and m.pk not in written],
        "rows": rows,
        "passed": sum(1 for r in rows if r["item"].passed),
        "opinion_count": sum(len(r["opinions"]) for r in rows),
    }


def metadata(session: CouncilSession) -> pdf.Metadata:
    council = f"Hội đồng Thi đua - Khen thưởng tỉnh {settings.PROVINCE_NAME}"
    number = f" số {session.minutes_code}" if session.minutes_code else ""
    return pdf.Metadata(title=f"Biên bản{number} ngày {session.held_on:%d/%m/%Y}", author=council,
                        subject=f"Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị khen thưởng: {session.title}",
                        keywords=(session.minutes_code,) if session.minutes_code else (), created=session.held_on)


def render(session: CouncilSession) -> bytes:
    return pdf.render_pdf("pdf/council_minutes.html", context(session), metadata(session))
