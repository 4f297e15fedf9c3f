"""Which statistics form is in force for the figures of a year (docs/legal-sources.md, "Biểu mẫu thống kê").

Thông tư 02/2023/TT-BNV (23/3/2023, in force from 10/5/2023) set Biểu 0601-0605.N/BNV-TĐKT; its first
thi đua, khen thưởng reporting period (01/12 of the year before to 30/11) is the year 2023. Before it, Thông tư
03/2018/TT-BNV (06/3/2018) had Biểu 0701-0703.N/BNV-TĐKT for the same three subjects as 0601-0603 and no form
for the TĐKT apparatus or its staff. The 2018 forms' rows could not be read, so figures of 2018-2022 are
exported on the 2023 layout with that said on the sheet; 0604 and 0605 are refused for those years, and every
form for the years before 2018 (no form of an earlier circular in the product)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Circular:
    number: str
    issued: datetime.date
    effective: datetime.date | None  # None: not verified
    first_year: int  # the first year of figures reported on its forms
    last_year: int | None
    forms: dict[str, str] = field(default_factory=dict)  # the form (2023 numbering) -> its number in this circular

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


TT_02_2023 = Circular("02/2023/TT-BNV", datetime.date(2023, 3, 23), datetime.date(2023, 5, 10), 2023, None,
                      {code: code for code in ("0601", "0602", "0603", "0604", "0605")})
TT_03_2018 = Circular("03/2018/TT-BNV", datetime.date(2018, 3, 6), None, 2018, 2022,
                      {"0601": "0701", "0602": "0702", "0603": "0703"})
CIRCULARS = [TT_02_2023, TT_03_2018]
CURRENT = TT_02_2023


class NoFormInForce(Exception):
    """No form of the product may carry the figures of that year; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class FormChoice:
    form: str
    year: int
    layout: Circular  # whose form is printed
    in_force: Circular  # whose form governed that year

    @property
    def borrowed(self) -> bool:
        return self.layout is not self.in_force

    def header_lines(self) -> tuple[str, str]:
        """("Biểu số: 0602.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023")."""
        circular, issued = self.layout, self.layout.issued
        return (f"Biểu số: {circular.forms[self.form]}.N/BNV-TĐKT",
                "Ban hành theo Thông tư số {number} ngày {day}".format(
                    number=circular.number, day=f"{issued.day}/{issued.month}/{issued.year}"))

    def note(self) -> str:
        """Said on the sheet when the 2023 form carries the figures of an earlier year (the forms are official
        Vietnamese documents: their text is never translated)."""
        if not self.borrowed:
            return ""
        return (f"Mẫu biểu theo Thông tư {self.layout.number} áp dụng cho số liệu năm {self.year}; số liệu năm "
                f"{self.year} thuộc kỳ áp dụng Biểu {self.in_force.forms[self.form]}.N/BNV-TĐKT của Thông tư "
                f"{self.in_force.number}.")


def form_for(form: str, year: int) -> FormChoice:
    """The form that carries ``form``'s figures of ``year``, or ``NoFormInForce`` with the reason."""
    governing = next((c for c in CIRCULARS if c.covers(year)), None)
    if governing is None:
        raise NoFormInForce(_(
            "Không có mẫu biểu thống kê thi đua, khen thưởng cho số liệu năm {year}: các biểu của Thông tư số "
            "03/2018/TT-BNV áp dụng từ số liệu năm 2018, các biểu của Thông tư số 02/2023/TT-BNV từ số liệu năm "
            "2023; mẫu biểu cho các năm trước 2018 chưa có trong phần mềm.").format(year=year))
    if form not in governing.forms:
        raise NoFormInForce(_(
            "Chưa có Biểu {form}.N/BNV-TĐKT cho số liệu năm {year}: biểu này do Thông tư số {number} (hiệu lực từ "
            "{effective}) đặt ra, áp dụng từ số liệu năm {first}; các biểu thi đua, khen thưởng của Thông tư số "
            "{old} áp dụng cho năm {year} ({old_forms}) không có biểu tương ứng.").format(
            form=form, year=year, number=CURRENT.number, effective=f"{CURRENT.effective:%d/%m/%Y}",
            first=CURRENT.first_year, old=governing.number, old_forms=", ".join(governing.forms.values())))
    return FormChoice(form=form, year=year, layout=CURRENT, in_force=governing)
