"""The two tables of yearly facts a unit imports: "Xếp loại hằng năm" (Họ và tên | Năm | Xếp loại) and "Số liệu tập
thể" (Năm | Tổng số thành viên | ...): their columns and accepted headers, and how a rating or a count is read
from a cell (``parse_rating``, ``parse_count``: (value, None) or (None, the message for the row))."""

from __future__ import annotations

import re
from typing import Any

from awards.core.sheets import MSG_NOT_XLSX, cell_text, is_blank, shown, vi_label
from awards.models.record import Rating
from awards.record.tables import TableLayout
from units.text import fold, nfc

MAX_COUNT = 1_000_000
RATINGS = "ratings"
FIGURES = "figures"
LAYOUTS = (RATINGS, FIGURES)

RATING_SHORT = {Rating.EXCELLENT: "HTXSNV", Rating.GOOD: "HTTNV", Rating.COMPLETED: "HTNV", Rating.FAILED: "KHTNV"}

COL_NAME = "Họ và tên"
COL_YEAR = "Năm"
COL_RATING = "Xếp loại"
RATING_COLUMNS = [COL_NAME, COL_YEAR, COL_RATING]

COL_MEMBERS = "Tổng số thành viên"
COL_COMPLETED = "Hoàn thành nhiệm vụ"
COL_LDTT = "Đạt LĐTT"
COL_CSTDCS = "Đạt CSTĐCS"
COL_WOMEN = "Nữ"
COL_DISCIPLINED = "Bị kỷ luật từ cảnh cáo trở lên"
FIGURE_COLUMNS = [COL_YEAR, COL_MEMBERS, COL_COMPLETED, COL_LDTT, COL_CSTDCS, COL_WOMEN, COL_DISCIPLINED]
# CollectiveFigures field of each count column, in template order.
FIGURE_FIELDS = {COL_MEMBERS: "members", COL_COMPLETED: "completed_tasks", COL_LDTT: "with_ldtt",
                 COL_CSTDCS: "with_cstdcs", COL_WOMEN: "women", COL_DISCIPLINED: "disciplined_canh_cao_or_above"}

MSG_NOT_XLSX_UPLOAD = MSG_NOT_XLSX.replace("trang hồ sơ", "trang dữ liệu xét thi đua của đơn vị")
MSG_RATING_EMPTY = "chưa ghi xếp loại."
MSG_RATING_BAD = ('xếp loại "{value}" không hợp lệ (ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt '
                  "nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ; hoặc HTXSNV, HTTNV, HTNV, KHTNV).")
MSG_COUNT_EMPTY = "chưa ghi số."
MSG_COUNT_BAD = '"{value}" không phải số nguyên không âm.'
MSG_COUNT_TOO_BIG = "số {value} quá lớn."

RATINGS_TABLE = TableLayout(
    columns=tuple(RATING_COLUMNS), required=tuple(RATING_COLUMNS),
    aliases={COL_NAME: ("Họ tên", "Tên cá nhân", "Họ và tên cá nhân"), COL_YEAR: ("Năm đánh giá", "Năm xếp loại"),
             COL_RATING: ("Kết quả xếp loại", "Xếp loại chất lượng", "Kết quả đánh giá, xếp loại", "Mức xếp loại")},
    example_column=COL_NAME, not_xlsx=MSG_NOT_XLSX_UPLOAD)
FIGURES_TABLE = TableLayout(
    columns=tuple(FIGURE_COLUMNS), required=tuple(FIGURE_COLUMNS[:-1]),
    aliases={COL_MEMBERS: ("Tổng số", "Số thành viên", "Tổng số cán bộ"),
             COL_COMPLETED: ("Số hoàn thành nhiệm vụ trở lên", "Hoàn thành nhiệm vụ trở lên", "Số hoàn thành nhiệm vụ"),
             COL_LDTT: ("Số đạt Lao động tiên tiến", "Đạt Lao động tiên tiến", "Lao động tiên tiến", "LĐTT"),
             COL_CSTDCS: ("Số đạt Chiến sĩ thi đua cơ sở", "Đạt Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở",
                          "CSTĐCS"),
             COL_WOMEN: ("Số nữ", "Nữ giới"),
             COL_DISCIPLINED: ("Số bị kỷ luật từ cảnh cáo trở lên", "Kỷ luật từ cảnh cáo trở lên", "Bị kỷ luật")},
    example_column=COL_YEAR, not_xlsx=MSG_NOT_XLSX_UPLOAD)


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(text))


_RATING_KEYS: dict[str, str] = {}


def parse_rating(value: Any) -> tuple[str | None, str | None]:
    """A rating by its full name, without "nhiệm vụ", or its short form (HTXSNV, HTTNV, HTNV, KHTNV, also without
    NV); case, accents, spaces and dots ignored."""
    text = cell_text(value)
    if not text:
        return None, MSG_RATING_EMPTY
    if not _RATING_KEYS:
        for rating in Rating:
            full = _compact(vi_label(rating.label))
            short = RATING_SHORT[rating].lower()
            for key in (full, full.removesuffix("nhiemvu"), short, short.removesuffix("nv")):
                _RATING_KEYS[key] = rating.value
    rating = _RATING_KEYS.get(_compact(text))
    if rating is None:
        return None, MSG_RATING_BAD.format(value=shown(text))
    return rating, None


_GROUPED = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+")


def parse_count(value: Any) -> tuple[int | None, str | None]:
    """A whole number ≥ 0: 62, 62.0, "62", "1.250" (thousands grouped with dots, commas or spaces)."""
    if is_blank(value):
        return None, MSG_COUNT_EMPTY
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = nfc(value)
        if text.isdigit() or _GROUPED.fullmatch(text):
            number = int(re.sub(r"\D", "", text))
    if number is None or number < 0:
        return None, MSG_COUNT_BAD.format(value=shown(value))
    if number > MAX_COUNT:
        return None, MSG_COUNT_TOO_BIG.format(value=number)
    return number, None

