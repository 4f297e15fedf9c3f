"""Writing and reading the read log of personal data (``PersonalDataRead``).

The one writer is ``record_read``, called by the views that show personal data: a person's history page, a
unit's facts page (ratings and discipline records), decision documents and certificates, the admin form of a
person (with the citizen ID). Staff read the log on ``/accounts/read-log/`` and export it to Excel.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from openpyxl import Workbook

from units.models import PersonalDataRead, ReadKind
from units.security.client import client_address
from units.sheets import workbook_bytes


def record_read(request: HttpRequest, kind: str, *, subject: str, person=None, unit=None) -> PersonalDataRead:
    return PersonalDataRead.objects.create(
        user=request.user, kind=ReadKind(kind), person=person, unit=unit or getattr(person, "unit", None),
        subject=str(subject)[:255], path=request.get_full_path()[:500], address=client_address(request) or None,
    )


def filtered(*, user_id: int | None = None, person_id: int | None = None, kind: str = "",
             day_from: datetime.date | None = None, day_to: datetime.date | None = None) -> QuerySet:
    rows = PersonalDataRead.objects.select_related("user", "person", "unit")
    if user_id:
        rows = rows.filter(user_id=user_id)
    if person_id:
        rows = rows.filter(person_id=person_id)
    if kind:
        rows = rows.filter(kind=kind)
    if day_from:
        rows = rows.filter(at__date__gte=day_from)
    if day_to:
        rows = rows.filter(at__date__lte=day_to)
    return rows


HEADERS = ["Thời điểm", "Người xem", "Tên đăng nhập", "Loại dữ liệu", "Cá nhân", "Đơn vị", "Nội dung đã xem",
           "Địa chỉ trang", "Địa chỉ IP"]


def workbook(rows: QuerySet) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Nhật ký xem"
    sheet.append(HEADERS)
    for number, row in enumerate(rows.iterator(chunk_size=2000), start=2):
        values = [
            timezone.localtime(row.at).strftime("%d/%m/%Y %H:%M:%S"),
            row.user.display_name, row.user.get_username(), row.get_kind_display(),
            row.person.full_name if row.person else "", row.unit.name if row.unit else "",
            row.subject, row.path, row.address or "",
        ]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=str(value))
    for column, width in zip("ABCDEFGHI", (20, 24, 16, 34, 24, 30, 40, 40, 16), strict=True):
        sheet.column_dimensions[column].width = width
    return workbook_bytes(book)  # a text read as a formula (= + - @, tab, CR first) is written as text
