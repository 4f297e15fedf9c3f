"""A person's award history as the báo cáo thành tích table: the PDF to print (WeasyPrint, ``core.pdf``) and the
Excel workbook. Cells that would start a formula are written as text (a name typed "=HYPERLINK(...)" stays text)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from awards.core.pdf import Metadata, board_name, render_pdf
from awards.record.history.selectors import History, person_history
from units.models import Person
from units.sheets import workbook_bytes

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text cell a spreadsheet will not run: a leading =, +, -, @, tab or CR gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(history: History) -> list[list[str]]:
    """The table's rows: STT, năm, danh hiệu or hình thức, số và ngày quyết định, cơ quan ban hành, ghi chú."""
    out: list[list[str]] = []
    for table in history.tables:
        for group in table.groups:
            for award in group.awards:
                note = _("Đã thu hồi") if award.revoked else ""
                out.append([str(len(out) + 1), str(group.year), award.award_type.name,
                            _("%(number)s ngày %(day)s") % {"number": award.decision_number,
                                                           "day": date_format(award.decided_on, "d/m/Y")},
                            award.issuer, note])
    return out


HEADER = ("STT", "Năm", "Danh hiệu thi đua, hình thức khen thưởng", "Số, ngày quyết định", "Cơ quan ban hành",
          "Ghi chú")


def person_pdf(person: Person) -> bytes:
    history = person_history(person)
    today = timezone.localdate()
    metadata = Metadata(title=f"Báo cáo thành tích - {person.full_name}", author=board_name(),
                        subject=f"Quá trình khen thưởng của {person.full_name}", created=today)
    return render_pdf("pdf/history_report.html", {"person": person, "rows": rows(history), "header": HEADER,
                                                  "today": today}, metadata)


def person_xlsx(person: Person) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Khen thưởng"
    sheet.append([safe_cell(f"QUÁ TRÌNH KHEN THƯỞNG: {person.full_name}")])
    sheet["A1"].font = Font(bold=True, size=13)
    place = ", ".join(v for v in (person.position, person.unit.name if person.unit_id else "") if v)
    sheet.append([safe_cell(place)])
    sheet.append([])
    sheet.append(list(HEADER))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows(person_history(person)):
        sheet.append([int(row[0]), int(row[1])] + [safe_cell(value) for value in row[2:]])
    for column, width in zip("ABCDEF", (6, 8, 45, 28, 35, 16), strict=True):
        sheet.column_dimensions[column].width = width
    return workbook_bytes(workbook)
