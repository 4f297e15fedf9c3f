"""Printing onto pre-printed blanks (phôi): only the variable text of each certificate, each field at the place
board staff measured on the blank (``BlankCalibration``), and the calibration sheet they measure it with.

The border, the Quốc huy, the Quốc hiệu, the authority line and the title are already on the phôi; the sheet
printed here carries the recipient (and the line under the name), the achievement, the decision's number and
date, the place and date, the signer's title and name. A position is (x, y) in mm from the top left corner of
the paper: x is the centre of the line (the left edge for the decision reference, which starts at the left in
the bottom-left corner of the mẫu), y is the baseline the text sits on (the dotted line of the phôi).

These PDFs are rendered in the request, not by the worker: they are small (a few lines per page, no image),
depend on a calibration staff adjust between two trial prints, and are a printing aid rather than a record of
the decision (the official certificate PDF stays the worker's ``DocumentKind.CERTIFICATES``). A print holds at
most ``BATCH`` recipients (about a printer tray; a few seconds of rendering); a longer list is printed in
batches the decision page offers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation

from awards.core import pdf
from awards.documents.certificate_layouts import layout_key
from awards.documents.decision_pdf import cyclic_gc_paused, decision_context
from awards.models import BlankCalibration, Decision
from awards.models.documents import mm_text

PT_TO_MM = Decimal("25.4") / Decimal(72)
ASCENT, DESCENT = Decimal(1825) / 2048, Decimal(443) / 2048  # Liberation Serif (hhea), in em
LINE_GAP_EM = Decimal("1.25")  # distance between two baselines of one field (signer titles, wrapped reason)
HUNDREDTH = Decimal("0.01")
# Recipients per print: about what a printer tray holds, and a render of a few seconds in the request.
BATCH = 100


def baseline_em(line_height: Decimal = Decimal(1)) -> Decimal:
    """Where the first baseline sits below the top of a line box, in em: the half-leading
    (line-height - (ascent + descent)) / 2, then the ascent."""
    return (line_height - ASCENT - DESCENT) / 2 + ASCENT


@dataclass(frozen=True)
class Placed:
    """One line box of a field on the sheet, in mm (CSS top left of the box, its width) and its style."""

    field: str
    text: str
    left: Decimal
    top: Decimal
    width: Decimal
    size: Decimal
    align: str = "center"
    css: str = ""
    wrap: bool = False


def calibrations_for(decision: Decision):
    """The calibrations that fit the decision's certificate kind: the body's own first, then the shared one."""
    kind = layout_key(decision.award_type)
    queryset = BlankCalibration.objects.filter(kind=kind).select_related("body")
    return sorted(queryset.filter(body__isnull=True) | queryset.filter(body=decision.body),
                  key=lambda c: (c.body_id is None, c.name))


def _top(baseline_mm: Decimal, size_pt: Decimal, line_height: Decimal = Decimal(1)) -> Decimal:
    """The CSS top (mm) of a box whose first baseline must fall on ``baseline_mm``."""
    return (baseline_mm - baseline_em(line_height) * size_pt * PT_TO_MM).quantize(HUNDREDTH)


def _line(calibration: BlankCalibration, field: str, text: str, size: Decimal, css: str = "",
          below: int = 0) -> Placed:
    """A single line of ``field`` (``below`` lines under the field's own baseline)."""
    x, y = calibration.position(field)
    width_mm, _height = calibration.size_mm
    baseline = y + below * LINE_GAP_EM * size * PT_TO_MM
    if field == "decision":
        return Placed(field, text, x, _top(baseline, size), max(width_mm - x, Decimal(1)), size, "left", css)
    half = max(x, width_mm - x, Decimal(1))
    return Placed(field, text, x - half, _top(baseline, size), 2 * half, size, "center", css)


def place_line(calibration: BlankCalibration, context: dict, line) -> list[Placed]:
    """Every line box of one recipient's sheet."""
    size, big = calibration.font_size_pt, calibration.recipient_font_size_pt
    placed = [_line(calibration, "recipient", line.display_name, big, "font-weight: bold; font-style: italic")]
    if line.detail:
        offset = big * LINE_GAP_EM * PT_TO_MM
        x, y = calibration.position("recipient")
        half = max(x, calibration.size_mm[0] - x)
        detail = line.detail[:1].upper() + line.detail[1:]  # its own line ("Xã Hiệp Hạ, huyện Lộc Bình")
        placed.append(Placed("detail", detail, x - half, _top(y + offset, size), 2 * half, size))
    x, y = calibration.position("reason")
    width = calibration.reason_width_mm
    placed.append(Placed("reason", context["reason_sentence"], x - width / 2, _top(y, size, LINE_GAP_EM), width, size,
                         "center", "font-style: italic", wrap=True))
    placed.append(_line(calibration, "decision", f"Quyết định số {context['code']}, ngày {context['short_date']}",
                        size))
    placed.append(_line(calibration, "place_date", context["place_date"], size, "font-style: italic"))
    for index, text in enumerate(context["signature_lines"]):
        placed.append(_line(calibration, "signer_title", text, size, "font-weight: bold", below=index))
    placed.append(_line(calibration, "signer_name", context["signer"].full_name, size, "font-weight: bold"))
    return placed


def batches(count: int) -> list[tuple[int, int]]:
    """(first, last) recipient numbers of each batch of a decision's ``count`` recipients, 1-based."""
    return [(first, min(first + BATCH - 1, count)) for first in range(1, count + 1, BATCH)]


def render_blanks(decision: Decision, calibration: BlankCalibration, first: int = 1) -> bytes:
    """One page per active recipient of ``decision`` from number ``first`` on, at most ``BATCH`` of them, the
    variable text only, on ``calibration``'s paper."""
    context = decision_context(decision)
    chosen = context["lines"][max(first, 1) - 1:][:BATCH]
    pages = [place_line(calibration, context, line) for line in chosen]
    width, height = calibration.size_mm
    with translation.override("vi"), cyclic_gc_paused():
        return pdf.render_pdf("pdf/blank_print.html", {
            "decision": decision, "code": context["code"], "calibration": calibration, "pages": pages,
            "width": width, "height": height, "line_height": LINE_GAP_EM})


def render_calibration_sheet(calibration: BlankCalibration) -> bytes:
    """A grid with mm rulers on the calibration's paper, each field's anchor marked where it prints."""
    width, height = calibration.size_mm
    grid = [{"at": Decimal(mm), "major": mm % 10 == 0} for mm in range(5, int(max(width, height)) + 1, 5)]
    ticks = [{"at": Decimal(mm), "length": 6 if mm % 10 == 0 else 4 if mm % 5 == 0 else 2}
             for mm in range(1, int(max(width, height)) + 1)]
    marks = []
    for field, label in BlankCalibration.FIELDS.items():
        x, y = calibration.position(field)
        marks.append({"label": str(label), "x": x, "y": y, "where": f"x = {mm_text(x)}, y = {mm_text(y)} mm",
                      "left_anchored": field == "decision"})
    with translation.override("vi"):
        return pdf.render_pdf("pdf/blank_calibration.html", {
            "calibration": calibration, "width": width, "height": height,
            "grid_x": [g for g in grid if g["at"] < width], "grid_y": [g for g in grid if g["at"] < height],
            "ticks_x": [t for t in ticks if t["at"] < width], "ticks_y": [t for t in ticks if t["at"] < height],
            "marks": marks, "size_text": f"{mm_text(width)} × {mm_text(height)} mm"})
