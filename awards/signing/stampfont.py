"""The font of a signature's text stamp (the văn thư's signature on a file sent with a document: its number and
the signing time in Times New Roman 10, NĐ 30/2020/NĐ-CP Phụ lục I Phần I mục III khoản 1 điểm d).

pyHanko's OpenType engine writes glyph widths and TJ adjustments in the font's own units, which is right only for
fonts of 1000 units per em; Liberation Serif (the metric twin of Times New Roman that ships with the project) has
2048, so its text came out stretched. This engine shapes and measures in thousandths of an em instead."""

from __future__ import annotations

import io

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory


class ThousandthsAccumulator(GlyphAccumulator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.hb_font.scale = (1000, 1000)
        self.units_per_em = 1000

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        if glyph_id in self._glyphs:
            return self._glyphs[glyph_id]
        cid, width = super()._get_cid_and_width(glyph_id)
        self._glyphs[glyph_id] = result = (cid, round(width * 1000 / self._font_units))
        return result


class ThousandthsFactory(GlyphAccumulatorFactory):
    """``GlyphAccumulatorFactory`` making the engine above."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        with open(self.font_file, "rb") as handle:
            data = io.BytesIO(handle.read())
        return ThousandthsAccumulator(
            writer=writer, font_handle=data, font_size=self.font_size, ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)
