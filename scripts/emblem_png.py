"""Make static/img/quoc-huy.png, the Quốc huy certificates print, from the vendored static/img/quoc-huy.svg.

The SVG is the source (provenance in static/img/README.md). Certificates print the PNG made from it, for two
reasons measured here (figures in static/img/README.md):

- WeasyPrint draws this SVG wrongly: it ignores the masks that give the star's shaded facets 30 % opacity, so
  half of each point of the star comes out red. Chromium draws them as the file means.
- Drawn as vectors, the SVG would cost 84 KB and 0.2 s on every certificate page; one PNG is embedded once per
  PDF whatever the number of recipients.

Chromium (the Debian package the browser tests use, driven by Playwright) draws the SVG at 600 × 612 px on a
transparent background: printed 22 mm wide, about 690 dpi.

    .venv/bin/python scripts/emblem_png.py [SVG] [PNG]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "static" / "img" / "quoc-huy.svg"
PNG = ROOT / "static" / "img" / "quoc-huy.png"
CHROMIUM = "/usr/bin/chromium"
WIDTH_PX, HEIGHT_PX = 600, 612  # the SVG's 160 × 163 proportions


def make_png(svg: Path = SVG, png: Path = PNG) -> Path:
    html = svg.parent / ".emblem-page.html"
    html.write_text('<!doctype html><html><body style="margin:0; background:transparent">'
                    f'<img src="{svg.name}" style="display:block; width:{WIDTH_PX}px; height:{HEIGHT_PX}px">'
                    "</body></html>")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": WIDTH_PX, "height": HEIGHT_PX}, device_scale_factor=1)
            page.goto(html.resolve().as_uri())
            page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
            page.screenshot(path=str(png), omit_background=True,
                            clip={"x": 0, "y": 0, "width": WIDTH_PX, "height": HEIGHT_PX})
            browser.close()
    finally:
        html.unlink(missing_ok=True)
    return png


if __name__ == "__main__":
    print(make_png(*[Path(arg) for arg in sys.argv[1:3]]))
