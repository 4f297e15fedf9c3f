"""Awards of a year for the national database of cán bộ, công chức, viên chức (Công văn 6208/BNV-CCVC): one row
per person awarded — the person's identifiers, the award, the decision's number and date and the issuing body.

The official list of fields of Công văn 6208/BNV-CCVC was NOT found (docs/legal-sources.md, "Trao đổi dữ liệu"):
the columns follow what issue 19 names (person identifiers, decision number and date, award, issuing body)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.db.models import QuerySet
from openpyxl import Workbook

from awards.enums import RecipientKind
from awards.models import Award
from units.sheets import workbook_bytes

COLUMNS: list[tuple[str, str]] = [
    ("person_id", "Mã cá nhân"),
    ("full_name", "Họ và tên"),
    ("birth_date", "Ngày sinh"),
    ("gender", "Giới tính"),
    ("citizen_id", "Số CCCD"),
    ("position", "Chức vụ"),
    ("unit", "Cơ quan, đơn vị"),
    ("award", "Hình thức khen thưởng"),
    ("award_code", "Mã hình thức"),
    ("decision_number", "Số quyết định"),
    ("decided_on", "Ngày quyết định"),
    ("issuer", "Cơ quan ban hành"),
    ("achievement_year", "Năm thành tích"),
]


def awards_of(year: int, unit_ids: list[int] | None = None) -> QuerySet[Award]:
    """Individual, not revoked awards decided in ``year``; within ``unit_ids`` (the person's unit) when given."""
    queryset = (Award.objects.filter(year=year, recipient_kind=RecipientKind.INDIVIDUAL, revoked=False,
                                     person__isnull=False)
                .select_related("person__unit", "award_type").order_by("decided_on", "pk"))
    if unit_ids is not None:
        queryset = queryset.filter(person__unit_id__in=unit_ids)
    return queryset


def rows(year: int, unit_ids: list[int] | None = None, *, with_citizen_id: bool = True) -> Iterator[dict]:
    for award in awards_of(year, unit_ids).iterator(chunk_size=2000):
        person = award.person
        yield {
            "person_id": person.pk, "full_name": person.full_name, "birth_date": person.birth_date,
            "gender": person.get_gender_display(),
            "citizen_id": (person.citizen_id or None) if with_citizen_id else None,
            "position": person.position, "unit": person.unit.name if person.unit_id else "",
            "award": award.award_type.name, "award_code": award.award_code,
            "decision_number": award.decision_number, "decided_on": award.decided_on, "issuer": award.issuer,
            "achievement_year": award.achievement_year,
        }


def _cell(value) -> object:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return f"{value:%d/%m/%Y}"
    return value


def as_csv(year: int, unit_ids: list[int] | None = None) -> bytes:
    """UTF-8 with BOM (Excel opens Vietnamese correctly), comma separated, one header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _key, label in COLUMNS])
    for row in rows(year, unit_ids):
        writer.writerow([_cell(row[key]) for key, _label in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode()


def as_xlsx(year: int, unit_ids: list[int] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Khen thuong {year}"
    sheet.append([label for _key, label in COLUMNS])
    for row in rows(year, unit_ids):
        sheet.append([_cell(row[key]) for key, _label in COLUMNS])
    return workbook_bytes(workbook)  # text read as a formula (= + - @ first) is written as text
