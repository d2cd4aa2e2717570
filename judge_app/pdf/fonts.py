"""The bundled Sarabun for reportlab PDFs, fixed so shaped Thai copies and extracts as typed.

:func:`register_sarabun` registers Sarabun regular and bold (``resources/fonts``,
SIL Open Font License) with reportlab, once per process, and returns the font
names to put in paragraph styles. The demo's summary PDFs use it, and any other
PDF the app makes can, so they all embed the font the same way.

With ``shaping=1`` reportlab runs HarfBuzz, which places Thai tone marks and
vowels by substituting variant glyphs (a lowered tone mark, a narrow vowel).
Fonts registered here are :class:`ExtractableTTFont`, whose PDF text maps those
glyphs back to the characters they show (see the note above
:func:`glyph_name_text`), so that copy-paste and ``pdftotext`` give the Thai
that was typed rather than losing its marks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts

from ..paths import resources_dir

__all__ = ["ExtractableTTFont", "glyph_name_text", "register_sarabun"]


@lru_cache(maxsize=1)
def register_sarabun() -> tuple[str, str]:
    """Register Sarabun regular and bold with reportlab; return their font names, regular first.

    Idempotent: the fonts are registered once per process under names of our own
    (registering is slow), and later calls return the same names.
    """
    fonts = resources_dir() / "fonts"
    names = ("DLGSarabun", "DLGSarabun-Bold")
    for name, file in zip(names, ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")):
        pdfmetrics.registerFont(ExtractableTTFont(name, str(fonts / file)))
    return names


# reportlab assigns a substituted glyph a private-use code and, unfixed, writes
# that code into the PDF's ToUnicode map: copy-paste and pdftotext then lose
# the mark (ที่ reads back as ที, ปั้น as ปน). The class below writes the
# characters the glyph stands for instead, read from its name.

_UNI_GLYPH_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)$")
_THAI_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
#: Adobe Glyph List names of Thai letters whose variants Sarabun names after them.
_AGL_THAI = {
    "yoYingthai": "\u0e0d",
    "doChadathai": "\u0e0e",
    "toPatakthai": "\u0e0f",
    "thoThanthai": "\u0e10",
    "loChulathai": "\u0e2c",
}


def glyph_name_text(name: str, named_glyphs: dict[str, str]) -> str | None:
    """The characters a shaped glyph shows, from its name ("uni0E48.small" → "\u0e48").

    ``named_glyphs`` maps names of the font's ordinary (cmap) glyphs to their
    character. A ligature of nikhahit and a tone mark ("uni0E4D0E49") comes
    from a tone mark typed before SARA AM, so the tone is given first: the text
    then reads back as the compatibility form of what was typed (น้ำ → น้ํา).
    """
    base = name.split(".", 1)[0]
    if base in named_glyphs:
        return named_glyphs[base]
    if base in _AGL_THAI:
        return _AGL_THAI[base]
    match = _UNI_GLYPH_NAME.match(base)
    if match:
        digits = match.group(1)
        chars = [chr(int(digits[i : i + 4], 16)) for i in range(0, len(digits), 4)]
        return "".join(sorted(chars, key=lambda c: c not in _THAI_TONE_MARKS))
    return None


class ExtractableTTFont(ttfonts.TTFont):
    """A reportlab TTFont whose shaped glyphs copy and extract as the text they show."""

    def addObjects(self, doc: Any) -> None:
        substitutes = self._private_code_texts()
        original = ttfonts.makeToUnicodeCMap

        def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
            return _to_unicode_cmap(font_name, subset, substitutes)

        # TTFont.addObjects builds the ToUnicode map with this module-level function; swap it
        # for the duration of the call (PDFs are built one at a time, never from two threads)
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        try:
            super().addObjects(doc)
        finally:
            ttfonts.makeToUnicodeCMap = original

    def _private_code_texts(self) -> dict[int, str]:
        """Private-use code → the characters its glyph shows, for every glyph shaping substituted."""
        private: dict[str, int] = getattr(self, "_TTFont__hbUnis", None) or {}  # reportlab's glyph name → code
        if not private:
            return {}
        named = self._named_glyphs()
        texts = {}
        for glyph_name, code in private.items():
            shown = glyph_name_text(glyph_name, named)
            if shown:
                texts[code] = shown
        return texts

    def _named_glyphs(self) -> dict[str, str]:
        """Name → character of every glyph the font's cmap reaches directly."""
        cached = self.__dict__.get("_named_glyph_cache")
        if cached is None:
            hb_font = self.hbFont()
            cached = {}
            for code, gid in sorted(self.face.charToGlyph.items()):
                if not 0xE000 <= code <= 0xF8FF:
                    cached.setdefault(hb_font.glyph_to_string(gid), chr(code))
            self.__dict__["_named_glyph_cache"] = cached
        return cached


def _to_unicode_cmap(font_name: str, subset: list[int], substitutes: dict[int, str]) -> str:
    """reportlab's ToUnicode CMap, with private-use codes replaced by the text they show."""

    def utf16_hex(code: int) -> str:
        shown = substitutes.get(code, chr(code))
        return shown.encode("utf-16-be").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{utf16_hex(code)}>" for index, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
