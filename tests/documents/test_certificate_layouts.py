"""Certificates in the mẫu of their kind (awards/documents/certificate_layouts.py): Bằng khen of the Chủ tịch UBND
tỉnh, the paper of a Cờ thi đua, Bằng chứng nhận of Chiến sĩ thi đua (cấp tỉnh, cơ sở), Giấy khen of a Sở,
Giấy chứng nhận of Lao động tiên tiến (a commune's, after 1/7/2025) and Tập thể lao động tiên tiến.

Read back from the PDF: the exact lines (pdftotext -raw), the colour of each line (pdfplumber: the authority
line and the title red, "Tặng" black, checked again on the PNG a person would look at), and the Quốc huy
(the vendored emblem, an image at the top centre, pdfimages and pdfplumber; the marked placeholder without a
file)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from functools import reduce

import pdfplumber
import pytest
from PIL import Image, ImageChops

from awards.documents import decision_pdf
from awards.documents.certificate_layouts import emblem_path, layout_for
from awards.models import AwardType, CertificateKind, province_body
from tests.documents import certificate_cases as cases
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db
PAGE_WIDTH_MM = 297


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def no_emblem(settings, tmp_path):
    """No Quốc huy file: the certificates show the marked placeholder."""
    settings.CERTIFICATE_EMBLEM = str(tmp_path / "absent.svg")


@pytest.fixture
def png_emblem(settings, tmp_path):
    """A stand-in raster file at the configured emblem path (a red disc): what the PDF does with a PNG."""
    path = tmp_path / "quoc-huy.png"
    image = Image.new("RGB", (240, 240), "white")
    for x in range(240):
        for y in range(240):
            if (x - 120) ** 2 + (y - 120) ** 2 < 110 ** 2:
                image.putpixel((x, y), (218, 37, 29))
    image.save(path)
    settings.CERTIFICATE_EMBLEM = str(path)
    return path


@pytest.fixture
def svg_emblem(settings, tmp_path):
    path = tmp_path / "quoc-huy.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
                    '<circle cx="50" cy="50" r="48" fill="#da251d"/></svg>')
    settings.CERTIFICATE_EMBLEM = str(path)
    return path


def certificate(case, unit_a, officer_a, staff, tmp_path):
    makers = {
        "bang_khen": lambda: cases.bang_khen(unit_a, officer_a, staff),
        "co_thi_dua": lambda: cases.co_thi_dua(unit_a, officer_a, staff),
        "cstd_tinh": lambda: cases.cstd_tinh(unit_a, officer_a, staff),
        "giay_khen": lambda: cases.giay_khen(unit_a, officer_a, staff),
        "cstd_co_so": lambda: cases.cstd_co_so(unit_a, officer_a, staff),
        "lao_dong_tien_tien": lambda: cases.lao_dong_tien_tien(staff),
        "tap_the_lao_dong_tien_tien": lambda: cases.tap_the_lao_dong_tien_tien(unit_a, officer_a, staff),
    }
    data, pages = decision_pdf.render(makers[case](), "certificates")
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(data)
    return data, pages, path


PROVINCE = ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"]
SỞ = ["GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
NATION = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
ACHIEVEMENT = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
GOLD_BOOK = "Số sổ vàng: ........"
EXPECTED = {
    "bang_khen": [
        *NATION, *PROVINCE, "TẶNG", "BẰNG KHEN", "Ông Hoàng Mạnh Cương",
        "Trưởng phòng Kế hoạch tổng hợp, Sở Giáo dục và Đào tạo", ACHIEVEMENT,
        "Quyết định số 163/QĐ-UBND, ngày 20/01/2026", GOLD_BOOK, "Lạng Sơn, ngày 20 tháng 01 năm 2026",
        "CHỦ TỊCH", "Hồ Tiến Thiệu"],
    "co_thi_dua": [
        *NATION, *PROVINCE, "TẶNG", "CỜ THI ĐUA", "CỦA ỦY BAN NHÂN DÂN TỈNH", "Sở Giáo dục và Đào tạo", ACHIEVEMENT,
        "Quyết định số 164/QĐ-UBND, ngày 20/01/2026", GOLD_BOOK, "Lạng Sơn, ngày 20 tháng 01 năm 2026",
        "CHỦ TỊCH", "Hồ Tiến Thiệu"],
    "cstd_tinh": [
        *NATION, *PROVINCE, "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CẤP TỈNH", "Bà Lương Thị Trang",
        "Giáo viên, Sở Giáo dục và Đào tạo", ACHIEVEMENT, "Quyết định số 165/QĐ-UBND, ngày 20/01/2026", GOLD_BOOK,
        "Lạng Sơn, ngày 20 tháng 01 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Thu Hà"],
    "giay_khen": [
        *NATION, *SỞ, "TẶNG", "GIẤY KHEN", "Ông Nông Văn Dũng", "Chuyên viên, Sở Giáo dục và Đào tạo", ACHIEVEMENT,
        "Quyết định số 12/QĐ-SGDĐT, ngày 20/01/2026", GOLD_BOOK, "Lạng Sơn, ngày 20 tháng 01 năm 2026",
        "GIÁM ĐỐC", "Trần Văn Hải"],
    "cstd_co_so": [
        *NATION, *SỞ, "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ", "Bà Vi Thị Hằng",
        "Kế toán, Sở Giáo dục và Đào tạo", ACHIEVEMENT, "Quyết định số 13/QĐ-SGDĐT, ngày 20/01/2026", GOLD_BOOK,
        "Lạng Sơn, ngày 20 tháng 01 năm 2026", "GIÁM ĐỐC", "Trần Văn Hải"],
    "lao_dong_tien_tien": [
        *NATION, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HOÀNG VĂN THỤ", "TẶNG DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN",
        "Ông Hà Văn Tuấn", "Công chức Văn phòng, Xã Hoàng Văn Thụ", ACHIEVEMENT,
        "Quyết định số 05/QĐ-UBND, ngày 20/01/2026", GOLD_BOOK, "Hoàng Văn Thụ, ngày 20 tháng 01 năm 2026",
        "CHỦ TỊCH", "Lộc Văn Bình"],
    "tap_the_lao_dong_tien_tien": [
        *NATION, *SỞ, "TẶNG DANH HIỆU", "TẬP THỂ LAO ĐỘNG TIÊN TIẾN", "Sở Giáo dục và Đào tạo", ACHIEVEMENT,
        "Quyết định số 14/QĐ-SGDĐT, ngày 20/01/2026", GOLD_BOOK, "Lạng Sơn, ngày 20 tháng 01 năm 2026",
        "GIÁM ĐỐC", "Trần Văn Hải"],
}
# (the authority line, the black line, the red title) as pdfplumber reads each kind
COLOURED = {
    "bang_khen": (PROVINCE[0], "TẶNG", "BẰNG KHEN"),
    "co_thi_dua": (PROVINCE[0], "TẶNG", "CỜ THI ĐUA"),
    "cstd_tinh": (PROVINCE[0], "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CẤP TỈNH"),
    "giay_khen": (SỞ[0], "TẶNG", "GIẤY KHEN"),
    "cstd_co_so": (SỞ[0], "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ"),
    "lao_dong_tien_tien": ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HOÀNG VĂN THỤ", "TẶNG DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN"),
    "tap_the_lao_dong_tien_tien": (SỞ[0], "TẶNG DANH HIỆU", "TẬP THỂ LAO ĐỘNG TIÊN TIẾN"),
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_each_kind_prints_the_words_of_its_mau(case, unit_a, officer_a, staff, tmp_path, no_emblem):
    data, pages, _path = certificate(case, unit_a, officer_a, staff, tmp_path)
    assert pages == 1
    assert cases.page_lines(data) == ["QUỐC HUY", "(chưa có tệp)", *EXPECTED[case]]


def is_red(colour) -> bool:
    r, g, b = colour
    return r > 0.7 and g < 0.1 and b < 0.1


@pytest.mark.parametrize("case", list(COLOURED))
def test_authority_and_title_are_red_and_tang_is_black(case, unit_a, officer_a, staff, tmp_path, no_emblem):
    _data, _pages, path = certificate(case, unit_a, officer_a, staff, tmp_path)
    authority, give, title = COLOURED[case]
    for text, red in [(authority, True), (give, False), (title, True), (EXPECTED[case][0], False)]:
        colours = {tuple(c["non_stroking_color"]) for c in cases.find_line(path, text) if c["text"].strip()}
        if red:
            assert colours and all(is_red(colour) for colour in colours), (text, colours)
        else:
            assert colours == {(0,)} or colours == {(0, 0, 0)}, (text, colours)


def test_the_png_shows_the_authority_line_in_red(unit_a, officer_a, staff, tmp_path, no_emblem):
    """What a person sees: at 70 dpi the pixels of the authority line are red, those of "TẶNG" dark grey."""
    _data, _pages, path = certificate("bang_khen", unit_a, officer_a, staff, tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    scale = 70 / 72

    def inked(text):
        chars = cases.find_line(path, text)
        box = (min(c["x0"] for c in chars), min(c["top"] for c in chars),
               max(c["x1"] for c in chars), max(c["bottom"] for c in chars))
        crop = image.crop(tuple(round(v * scale) for v in box))
        pixels = [crop.getpixel((x, y)) for x in range(crop.width) for y in range(crop.height)]
        return [p for p in pixels if min(p) < 200]  # the ink, not the paper

    authority, give = inked(PROVINCE[0]), inked("TẶNG")
    assert authority and give
    reddish = [p for p in authority if p[0] - max(p[1], p[2]) > 50]
    assert len(reddish) > 0.95 * len(authority)
    assert all(abs(p[0] - p[1]) < 40 and abs(p[1] - p[2]) < 40 for p in give)  # grey: no red in "TẶNG"


def test_placeholder_marks_the_place_of_the_quoc_huy(unit_a, officer_a, staff, tmp_path, no_emblem):
    _data, _pages, path = certificate("bang_khen", unit_a, officer_a, staff, tmp_path)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2  # the header only: no image
    chars = cases.find_line(path, "QUỐC HUY")
    centre = (chars[0]["x0"] + chars[-1]["x1"]) / 2 / cases.PT_PER_MM
    assert abs(centre - PAGE_WIDTH_MM / 2) < 1 and chars[0]["top"] / cases.PT_PER_MM < 30


def test_a_vendored_png_emblem_is_printed_at_the_top_centre(unit_a, officer_a, staff, tmp_path, png_emblem):
    data, _pages, path = certificate("bang_khen", unit_a, officer_a, staff, tmp_path)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.strip().splitlines()[2:]]
    assert [(row[0], row[2], row[3], row[4]) for row in rows] == [("1", "image", "240", "240")]
    assert "QUỐC HUY" not in cases.page_lines(data)
    with pdfplumber.open(path) as pdf:
        (image,) = pdf.pages[0].images
    width_mm = (image["x1"] - image["x0"]) / cases.PT_PER_MM
    centre_mm = (image["x0"] + image["x1"]) / 2 / cases.PT_PER_MM
    assert round(width_mm) == 22 and abs(centre_mm - PAGE_WIDTH_MM / 2) < 0.5
    assert image["top"] / cases.PT_PER_MM < 20  # above the Quốc hiệu
    nation_top = cases.find_line(path, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]["top"]
    assert image["bottom"] <= nation_top


def test_a_vendored_svg_emblem_is_drawn_not_the_placeholder(unit_a, officer_a, staff, tmp_path, svg_emblem):
    data, _pages, path = certificate("giay_khen", unit_a, officer_a, staff, tmp_path)
    assert "QUỐC HUY" not in cases.page_lines(data)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("RGB")
    # the centre of the emblem's 22 mm box, 10 mm (frame) + 5 mm (padding) + 11 mm from the top
    x, y = round(PAGE_WIDTH_MM / 2 / 25.4 * 70), round(26 / 25.4 * 70)
    assert image.getpixel((x, y)) == (218, 37, 29)


def test_layout_of_every_award_a_province_or_unit_decides(db):
    def key(code):
        return layout_for(AwardType.objects.filter(code=code).latest("valid_from"))

    assert key("bang-khen-chu-tich-ubnd-tinh") == ("bang_khen", "Bằng khen", "TẶNG", "BẰNG KHEN", "")
    assert key("giay-khen") == ("giay_khen", "Giấy khen", "TẶNG", "GIẤY KHEN", "")
    assert key("co-thi-dua-ubnd-tinh") == ("co_thi_dua", "Bằng kèm Cờ thi đua", "TẶNG", "CỜ THI ĐUA",
                                          "CỦA ỦY BAN NHÂN DÂN TỈNH")
    assert key("chien-si-thi-dua-cap-tinh").key == CertificateKind.TITLE
    assert key("tap-the-lao-dong-xuat-sac")[1:] == ("Bằng chứng nhận danh hiệu", "TẶNG DANH HIỆU",
                                                    "TẬP THỂ LAO ĐỘNG XUẤT SẮC", "")
    assert key("lao-dong-tien-tien")[:2] == ("giay_chung_nhan", "Giấy chứng nhận danh hiệu")
    assert key("tap-the-lao-dong-tien-tien").key == CertificateKind.BASE_TITLE


# static/img/README.md records this digest of the vendored file (its provenance is checked against it)
EMBLEM_SVG_SHA256 = "e236ff85d79f804a06e68362ebbe0b0db5ed5032af870955f6c490f486d81ebe"


def emblem_rows(path) -> list[list[str]]:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in listing.strip().splitlines()[2:]]


def test_the_vendored_quoc_huy_is_the_recorded_file_and_its_print_copy(settings, tmp_path):
    folder = settings.BASE_DIR / "static" / "img"
    assert hashlib.sha256((folder / "quoc-huy.svg").read_bytes()).hexdigest() == EMBLEM_SVG_SHA256
    assert f"`{EMBLEM_SVG_SHA256}`" in (folder / "README.md").read_text()
    assert emblem_path() == folder / "quoc-huy.png"
    vendored = Image.open(folder / "quoc-huy.png")
    assert (vendored.size, vendored.mode) == ((600, 612), "RGBA")
    # the star's light and shaded facets (30 % of the brown over the gold: the masks WeasyPrint would drop,
    # leaving the shaded facets red), the red field, the transparent corner
    assert [vendored.getpixel(xy) for xy in [(330, 175), (280, 190), (300, 260), (0, 0)]] == [
        (255, 229, 0, 255), (240, 165, 11, 255), (206, 17, 38, 255), (0, 0, 0, 0)]
    # and it is what scripts/emblem_png.py makes from the SVG (Chromium; another build may smooth edges
    # differently, so edges may differ a little, nothing else)
    made = tmp_path / "made.png"
    subprocess.run([sys.executable, str(settings.BASE_DIR / "scripts" / "emblem_png.py"),
                    str(folder / "quoc-huy.svg"), str(made)], check=True, capture_output=True)
    fresh = Image.open(made)
    assert fresh.size == vendored.size
    difference = ImageChops.difference(vendored, fresh).split()
    apart = sum(reduce(ImageChops.lighter, difference).histogram()[9:])  # pixels off by more than 8 in a channel
    assert apart < 0.01 * 600 * 612


def test_every_certificate_prints_the_quoc_huy_once_embedded(unit_a, officer_a, staff, tmp_path):
    """The real emblem (no settings override): one 600 × 612 image with its transparency mask, the same PDF
    object on every page, 22 mm wide at the top centre; gold star with its shaded facets on the red field."""
    dossiers = [make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2025,
                             recipient=PersonFactory(full_name=name, unit=unit_a, position="Chuyên viên"))
                for name in ("Hoàng Mạnh Cương", "Lương Thị Trang", "Vi Thị Hằng")]
    decision = cases._decide(dossiers, staff, cases._signer(province_body(), "Hồ Tiến Thiệu"))
    data, pages = decision_pdf.render(decision, "certificates")
    assert pages == 3
    path = tmp_path / "bang_khen.pdf"
    path.write_bytes(data)
    assert "QUỐC HUY" not in cases.page_lines(data)
    rows = emblem_rows(path)
    assert [(row[2], row[3], row[4], row[5]) for row in rows] == [("image", "600", "612", "rgb"),
                                                                  ("smask", "600", "612", "gray")] * pages
    assert len({(row[10], row[11]) for row in rows if row[2] == "image"}) == 1  # one object, reused
    with pdfplumber.open(path) as pdf:
        image = next(i for i in pdf.pages[0].images if i["srcsize"] == (600, 612))
    width_mm = (image["x1"] - image["x0"]) / cases.PT_PER_MM
    height_mm = (image["bottom"] - image["top"]) / cases.PT_PER_MM
    centre_mm = (image["x0"] + image["x1"]) / 2 / cases.PT_PER_MM
    assert (round(width_mm, 1), round(height_mm, 1)) == (22.0, 22.4)
    assert abs(centre_mm - PAGE_WIDTH_MM / 2) < 0.5
    nation_top = cases.find_line(path, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]["top"]
    assert image["bottom"] <= nation_top
    # and on the page a person looks at: the star's centre is gold, the field red
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    page = Image.open(tmp_path / "page.png").convert("RGB")
    scale = 150 / 72

    def at(x_frac, y_frac):
        x = image["x0"] + x_frac * (image["x1"] - image["x0"])
        y = image["top"] + y_frac * (image["bottom"] - image["top"])
        return page.getpixel((round(x * scale), round(y * scale)))

    light, shaded, field = at(330 / 600, 175 / 612), at(280 / 600, 190 / 612), at(300 / 600, 260 / 612)
    assert light[0] > 230 and light[1] > 200 and light[2] < 60, light
    assert shaded[0] > 220 and 140 < shaded[1] < 190 and shaded[2] < 60, shaded
    assert field[0] > 180 and field[1] < 50 and field[2] < 70, field

