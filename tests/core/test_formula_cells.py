"""Excel formula injection: every workbook the product writes stores a text beginning with = + - @ (or a tab / CR)
as text with Excel's quote prefix, never as a formula; every import refuses such cells with one message."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from awards.core.sheets import FORMULA_STARTS, MSG_FORMULA, formula_like, workbook_bytes
from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.models import AwardType, Nomination
from tests.factories import PersonFactory, make_dossier, xlsx_upload
from units.models import Person

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://x","Bấm vào")', "+1", "-2", "@SUM(A1)"]
ROOT = Path(__file__).resolve().parents[2]


def text_cells(data: bytes) -> dict[str, tuple[str, bool]]:
    """Every cell of every sheet holding one of the hostile texts: its data type and quote prefix, keyed by
    sheet!cell."""
    book = load_workbook(io.BytesIO(data))
    return {f"{sheet.title}!{cell.coordinate}": (cell.data_type, cell.quotePrefix)
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value in HOSTILE}


def test_the_helper_writes_each_formula_start_as_quoted_text():
    book = Workbook()
    texts = [*HOSTILE, "\tTab", "\rCR", "Bình thường", "a=b"]
    book.active.append(texts)

    cells = list(load_workbook(io.BytesIO(workbook_bytes(book))).active[1])

    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [
        *[(text, "s", True) for text in HOSTILE], ("\tTab", "s", True), ("\rCR", "s", True),
        ("Bình thường", "s", False), ("a=b", "s", False)]
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")


def test_the_ratings_template_lists_hostile_names_as_text(client_for, unit_a):
    for name in HOSTILE:
        PersonFactory(full_name=name, unit=unit_a)

    response = client_for("staff").get(f"/units/{unit_a.pk}/facts/mau-xep-loai.xlsx")

    assert response.status_code == 200
    cells = text_cells(response.content)
    assert sorted(cells.values()) == [("s", True)] * 4
    assert len(cells) == 4


def test_the_nominee_template_writes_a_hostile_unit_name_as_text(client_for, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a)
    unit_a.name = HOSTILE[0]
    unit_a.save()

    response = client_for("officer_a").get(f"/awards/dossiers/{dossier.reference}/import/template.xlsx")

    assert response.status_code == 200
    assert text_cells(response.content) == {"Danh sách!F5": ("s", True)}  # the example row's "Đơn vị công tác"


def test_the_history_template_writes_a_hostile_award_name_as_text(client_for):
    award = AwardType.objects.filter(short_name__gt="").order_by("pk").first()
    AwardType.objects.filter(pk=award.pk).update(short_name="@SUM(A1)")

    response = client_for("staff").get("/units/history/template.xlsx")

    assert response.status_code == 200
    assert list(text_cells(response.content).values()) == [("s", True)]


def test_every_writer_of_the_product_goes_through_the_helper():
    """A module that makes a Workbook saves it only through ``workbook_bytes`` (the benchmarks' input files aside)."""
    writers = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        if path.parts[len(ROOT.parts)] not in ("awards", "units", "campaigns") or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        makes = any(getattr(c.func, "id", None) == "Workbook" for c in calls)
        saves = [c for c in calls if getattr(c.func, "attr", None) == "save" and isinstance(c.func.value, ast.Name)
                 and c.func.value.id in ("workbook", "book", "wb")]
        if makes:
            writers.append((str(path.relative_to(ROOT)), bool(saves),
                            any(getattr(c.func, "id", None) == "workbook_bytes" for c in calls)))
    assert writers == [
        ("awards/dossiers/importing/template.py", False, True),
        ("awards/management/commands/bench_import.py", True, False),
        ("awards/management/commands/bench_unit_round.py", True, False),
        ("awards/record/facts/xlsx_templates.py", False, True),
        ("awards/record/history/importer.py", False, True),
        ("awards/record/history/report.py", False, True),
        ("awards/reports/exports.py", False, True),
        ("awards/reports/form_sheets.py", False, True),
        ("units/security/read_log.py", False, True),
    ]


@pytest.mark.parametrize(("value", "expected"), [
    *[(text, True) for text in HOSTILE], (" =1+1", True), ("-", False), ("Nguyễn Văn A", False), (-2, False),
    ("", False), (None, False)])
def test_formula_like(value, expected):
    assert formula_like(value) is expected


def test_the_nominee_import_refuses_hostile_names_and_formulas_like_the_other_imports(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, complete=False)
    rows = [[None, name, "Nữ", "03/02/1984", None, None, "Bằng khen của UBND tỉnh", "Cá nhân", None]
            for name in [*HOSTILE, "=1+1"]]
    rows.append([None, "Lò Thị Hằng", "Nữ", "03/02/1984", None, None, "Bằng khen của UBND tỉnh", "Cá nhân",
                 "=CONCATENATE(\"Hoàn thành\",\" tốt\")"])
    before = (Nomination.objects.count(), Person.objects.count())

    report = import_nominees(dossier, xlsx_upload(rows, TEMPLATE_COLUMNS, title="DANH SÁCH"), officer_a)

    name, achievement = "Tên tập thể/cá nhân/hộ gia đình", TEMPLATE_COLUMNS[8]
    assert report.error_texts == [f'Dòng {row}, cột "{name}": {MSG_FORMULA}' for row in range(3, 8)] + [
        f'Dòng 8, cột "{achievement}": {MSG_FORMULA}']
    assert (Nomination.objects.count(), Person.objects.count()) == before
    assert MSG_FORMULA == ("ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán "
                           "giá trị (Paste Values) và bỏ dấu đó ở đầu ô.")
