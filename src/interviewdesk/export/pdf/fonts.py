"""Fonts for user text: TrueType files shipped in resources/fonts, embedded as subsets.

No single font covers every script a user types, and ReportLab has no font fallback, so text is cut
into runs, each set in the first of our fonts that has a glyph for it: Noto Sans (Latin, Greek,
Cyrillic), Noto Sans Hebrew, Noto Sans Arabic, then Droid Sans Fallback (Chinese, Japanese, Korean),
which is large and so only loaded the first time such a character appears.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.lib.abag import ABag
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord

from interviewdesk.resources import resource

SANS = "IDSans"
HEBREW = "IDHebrew"
ARABIC = "IDArabic"
CJK = "IDCJK"

# family -> (regular file, bold file); the CJK fallback has no bold face and uses its regular one.
_FILES = {
    SANS: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    HEBREW: ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    ARABIC: ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    CJK: ("DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
}
# Arabic letters change shape with their neighbours: those runs go through HarfBuzz.
SHAPED = frozenset({ARABIC})
_ORDER = (SANS, HEBREW, ARABIC, CJK)


@dataclass(frozen=True, slots=True)
class Run:
    family: str
    text: str

    def face(self, *, bold: bool) -> str:
        return bold_face(self.family) if bold else self.family


def bold_face(family: str) -> str:
    return f"{family}-Bold"


@cache
def register_fonts() -> None:
    """Register the small fonts once per process (about 20 ms)."""
    for family in (SANS, HEBREW, ARABIC):
        _register(family)


@cache
def _register(family: str) -> None:
    regular, bold = _FILES[family]
    shapable = family in SHAPED
    pdfmetrics.registerFont(TTFont(family, _font_file(regular), shapable=shapable))
    pdfmetrics.registerFont(TTFont(bold_face(family), _font_file(bold), shapable=shapable))
    for is_bold, face in ((False, family), (True, bold_face(family))):
        for italic in (False, True):  # no italic faces: <i> keeps the upright glyphs
            addMapping(family, int(is_bold), int(italic), face)


def _font_file(name: str) -> io.BytesIO:
    return io.BytesIO(resource("fonts", name).read_bytes())


@cache
def _coverage(family: str) -> frozenset[int]:
    if family == CJK:
        _register(CJK)
    font = pdfmetrics.getFont(family)
    return frozenset(font.face.charToGlyph)


@cache
def family_for(char: str) -> str | None:
    """The first of our families with a glyph for ``char`` (None: no font has one)."""
    code = ord(char)
    for family in _ORDER:
        if code in _coverage(family):
            return family
    return None


def _is_neutral(char: str) -> bool:
    # Spaces, digits and punctuation stay in the run they sit in when that font has them.
    return unicodedata.category(char)[0] in "ZPNS"


_INVISIBLE = frozenset("\ufe0e\ufe0f\u200d")  # emoji presentation selectors and the joiner


def font_runs(text: str) -> list[Run]:
    """``text`` cut into runs of one family each, in order. A character none of our fonts has (an
    emoji, say) is written as its Unicode name in brackets, "[grinning face]", rather than lost."""
    register_fonts()
    if _coverage(SANS).issuperset(map(ord, text)):  # the common case, decided in C
        return [Run(SANS, text)] if text else []
    pieces: list[tuple[str, str]] = []
    current: str | None = None
    for char in text:
        if current is not None and _is_neutral(char) and ord(char) in _coverage(current):
            pieces.append((current, char))
            continue
        family = family_for(char)
        if family is None:
            if char in _INVISIBLE:
                continue
            name = unicodedata.name(char, "").lower()
            if name:
                pieces.append((SANS, f"[{name}]"))
                current = SANS
                continue
            family = SANS
        pieces.append((family, char))
        current = family
    grouped: list[tuple[str, list[str]]] = []
    for family, piece in pieces:
        if grouped and grouped[-1][0] == family:
            grouped[-1][1].append(piece)
        else:
            grouped.append((family, [piece]))
    return [Run(family, "".join(parts)) for family, parts in grouped]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return float(sum(_run_width(run, size, bold=bold) for run in font_runs(text)))


def _run_width(run: Run, size: float, *, bold: bool) -> float:
    face = run.face(bold=bold)
    if run.family not in SHAPED:
        return float(pdfmetrics.stringWidth(run.text, face, size))
    lead, core, tail = shaped_parts(run.text)
    return float(
        pdfmetrics.stringWidth(lead + tail, face, size) + (shaped_width(core, face, size) if core else 0.0)
    )


def shaped_parts(visual: str) -> tuple[str, str, str]:
    """A shaped run in visual order cut into its neutral edges (spaces, punctuation, drawn as they
    are) and its core, from the first to the last letter, which is what HarfBuzz shapes."""
    letters = [i for i, char in enumerate(visual) if not _is_neutral(char)]
    if not letters:
        return visual, "", ""
    return visual[: letters[0]], visual[letters[0] : letters[-1] + 1], visual[letters[-1] + 1 :]


# Joining, required ligatures (lam-alef) and kerning; no discretionary ligatures: "dlig" would
# turn a name such as Muhammad into the honorific ligature U+FDF4.
_FEATURES = {"kern": True, "liga": True, "dlig": False}


def shape(visual_core: str, face: str, size: float) -> str:
    """An Arabic core as HarfBuzz shapes it: ReportLab's ShapedStr of contextual glyphs, in visual
    order. The bidi algorithm gave the core in visual order; HarfBuzz wants logical order and lays
    right-to-left text out itself, so it is handed the core reversed back."""
    word = [
        pdfmetrics.stringWidth(visual_core, face, size),
        (ABag(fontName=face, fontSize=size), visual_core[::-1]),
    ]
    shaped = shapeFragWord(word, features=_FEATURES)  # (no force=: ReportLab 4.4.0 has none)
    return shaped[1][1]  # type: ignore[no-any-return]


def shaped_width(visual_core: str, face: str, size: float) -> float:
    """The width of an Arabic core as drawn (joined letters differ from isolated ones)."""
    data = getattr(shape(visual_core, face, size), "__shapeData__", None)
    if not data:
        return float(pdfmetrics.stringWidth(visual_core, face, size))
    return float(sum(d.x_advance for d in data) * size / 1000)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def has_cjk(text: str) -> bool:
    return any(run.family == CJK for run in font_runs(text))
