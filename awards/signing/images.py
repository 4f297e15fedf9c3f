"""The pictures inside the visible signatures: the signer's signature image in blue and the agency's red seal.

A body that has scanned images uploads them (``SigningCertificate.image``); otherwise these drawings stand in:
the signer's name in blue italic with a flourish, and a round red seal with the agency's name, as NĐ 30/2020
Phụ lục I mục II describes the two signatures (signer: image in blue; agency: seal in red)."""

from __future__ import annotations

import functools
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BLUE = (0, 51, 204, 255)
RED = (218, 37, 29, 255)
FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
             "/usr/share/fonts/truetype/dejavu")


@functools.lru_cache(maxsize=32)
def _font(size: int, italic: bool = False, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    names = ["LiberationSerif-BoldItalic.ttf" if italic and bold else "LiberationSerif-Italic.ttf" if italic
             else "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf",
             "DejaVuSerif-Italic.ttf" if italic else "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"]
    for directory in FONT_DIRS:
        for name in names:
            path = Path(directory) / name
            if path.exists():
                return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, size: int, **style) -> ImageFont.ImageFont:
    while size > 8:
        font = _font(size, **style)
        if draw.textlength(text, font=font) <= width:
            return font
        size -= 2
    return _font(8, **style)


@functools.lru_cache(maxsize=64)
def signer_image(full_name: str) -> Image.Image:
    """The signer's signature in blue: his name, italic, with an underline flourish (600 × 260 px)."""
    image = Image.new("RGBA", (600, 260), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    font = _fit(draw, full_name, 540, 64, italic=True)
    draw.text((300, 120), full_name, font=font, fill=BLUE, anchor="mm")
    draw.arc((60, 160, 560, 250), start=200, end=340, fill=BLUE, width=5)
    return image


@functools.lru_cache(maxsize=16)
def seal_image(agency: str) -> Image.Image:
    """A round red seal (600 × 600 px): two rings, the agency's name around the top, a star in the middle."""
    size = 600
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, size - 10, size - 10), outline=RED, width=14)
    draw.ellipse((110, 110, size - 110, size - 110), outline=RED, width=6)
    font = _font(46, bold=True)
    text = agency.upper()
    radius = 230
    span = min(300.0, 11.0 * len(text))
    for index, char in enumerate(text):
        angle = math.radians(-90 - span / 2 + span * (index + 0.5) / len(text))
        x, y = size / 2 + radius * math.cos(angle), size / 2 + radius * math.sin(angle)
        glyph = Image.new("RGBA", (70, 70), (255, 255, 255, 0))
        ImageDraw.Draw(glyph).text((35, 35), char, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        image.alpha_composite(glyph, (int(x - 35), int(y - 35)))
    star = [(size / 2 + r * math.cos(math.radians(-90 + 36 * k)), size / 2 + r * math.sin(math.radians(-90 + 36 * k)))
            for k, r in enumerate([90, 36] * 5)]
    draw.polygon(star, fill=RED)
    return image
