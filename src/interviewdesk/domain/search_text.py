"""How text is made searchable, and how a search is read and shown: one folding for the index and
for the words searched for, a query read into terms, and an excerpt with the matching words marked.

Folding: compatibility forms (full-width Latin, ligatures) to their plain letters, accents and other
combining marks dropped (café, naïve, Arabic vowel marks, Hebrew points), case folded (Straße finds
strasse). Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
Myanmar) get a space around every character, so the index holds one token per character and a word
of any length is found as a phrase of characters: "面试" matches inside "我是面试官". SQLite's
``unicode61`` tokenizer then splits on spaces and punctuation as usual.

The index stores only tokens folded by :func:`fold`, and removing a row from it repeats the folding
of the row's old text, so the folding must not change under a live index: :data:`FOLD_VERSION` names
it (with the Unicode tables of this Python), and the store rebuilds the index when it differs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

FOLD_VERSION = f"1 unicode {unicodedata.unidata_version}"

_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\U00020000-\U0003134f"  # CJK extensions B-G
)
_UNSPACED_RUN = re.compile(f"[{_UNSPACED}]+")
_MARKED = re.compile(f"[^\\x00-\\x7f{_UNSPACED}]+")
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_ASCII_TOKEN = re.compile("[A-Za-z0-9]+")


def fold(text: str) -> str:
    """``text`` as the index holds it (see the module's docstring)."""
    if text.isascii():
        return text.lower()  # the common case, and casefold() is lower() on ASCII
    decomposed = unicodedata.normalize("NFKD", text)
    # Marks are looked for only beyond ASCII and the unspaced scripts (whose kana marks stay).
    kept = unicodedata.normalize("NFC", _MARKED.sub(_without_marks, decomposed))
    return _UNSPACED_RUN.sub(_spaced, kept).casefold()


def _spaced(run: re.Match[str]) -> str:
    return " " + " ".join(run.group()) + " "


def _without_marks(run: re.Match[str]) -> str:
    return "".join(char for char in run.group() if unicodedata.category(char) != "Mn")


def _is_token_char(char: str) -> bool:
    # As SQLite's unicode61: ASCII letters and digits; beyond ASCII, all but spaces, punctuation and controls.
    if char.isascii():
        return char.isalnum()
    return unicodedata.category(char)[0] not in "ZPC"


def tokens(folded: str) -> list[str]:
    """The tokens of folded text, as the index splits it."""
    found: list[str] = []
    current: list[str] = []
    for char in folded:
        if _is_token_char(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


@dataclass(frozen=True, slots=True)
class Term:
    """One thing searched for: a word (several tokens when it holds CJK or a hyphen) or a quoted
    phrase; ``prefix``: its last token may be the start of a longer one."""

    words: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str, *, prefix_last: bool = False) -> list[Term]:
    """Words and "quoted phrases", every one required. ``word*`` asks for a prefix; with
    ``prefix_last`` (typing), the last bare word is a prefix too once it has three characters.
    Operators mean nothing: a search for ``NOT`` or ``col:x`` finds those words."""
    terms: list[Term] = []
    parts = re.findall(r'"([^"]*)"?|(\S+)', query)
    for index, (phrase, word) in enumerate(parts):
        text = phrase if phrase else word.strip('"')
        starred = not phrase and text.endswith("*")
        words = tuple(tokens(fold(text.rstrip("*"))))
        if not words:
            continue
        last = index == len(parts) - 1
        # Two letters begin thousands of words: a word being typed is a prefix from its third.
        typing = prefix_last and last and not phrase and not query.rstrip().endswith('"') and len(text) >= 3
        terms.append(Term(words, prefix=starred or typing))
    return terms


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A part of a text around what matched, with the matching words marked as (start, end)
    positions in ``text``; ``before`` / ``after``: text was left out there."""

    text: str
    marks: tuple[tuple[int, int], ...]
    before: bool = False
    after: bool = False

    def marked(self, start: str, end: str) -> str:
        """The excerpt with each match wrapped in ``start`` and ``end`` (the caller escapes)."""
        out, at = [], 0
        for first, last in self.marks:
            out += [self.text[at:first], start, self.text[first:last], end]
            at = last
        out.append(self.text[at:])
        prefix, suffix = ("… " if self.before else ""), (" …" if self.after else "")
        return prefix + "".join(out) + suffix


def _spans(text: str) -> list[tuple[str, int, int]]:
    """(folded token, start, end) for each token of ``text``, positions in ``text`` itself: runs of
    token characters are folded one by one, and each character of an unspaced script is its own."""
    if text.isascii():  # the common case, at C speed: ASCII letters and digits are the tokens
        return [(m.group().lower(), m.start(), m.end()) for m in _ASCII_TOKEN.finditer(text)]
    found: list[tuple[str, int, int]] = []
    run_start: int | None = None
    for index, char in enumerate(text + " "):  # the space ends the last run
        unspaced = _UNSPACED_CHAR.match(char) is not None
        if run_start is not None and (unspaced or not _is_token_char(char)):
            found += [(token, run_start, index) for token in tokens(fold(text[run_start:index]))]
            run_start = None
        if unspaced:
            token = fold(char).strip()
            if token:  # a Thai vowel mark alone folds to nothing, as in the index
                found.append((token, index, index + 1))
        elif run_start is None and _is_token_char(char):
            run_start = index
    return found


def _matches(spans: list[tuple[str, int, int]], terms: list[Term]) -> list[tuple[int, int]]:
    words = [span[0] for span in spans]
    marks: list[tuple[int, int]] = []
    for term in terms:
        size, first = len(term.words), term.words[0]
        for index in range(len(words) - size + 1):
            if words[index] != first and not (size == 1 and term.prefix and words[index].startswith(first)):
                continue  # most positions end here
            if all(_same(words[index + k], term, k) for k in range(1, size)):
                marks.append((spans[index][1], spans[index + size - 1][2]))
    return _merged(marks)


def _same(word: str, term: Term, position: int) -> bool:
    wanted = term.words[position]
    return word == wanted or (term.prefix and position == len(term.words) - 1 and word.startswith(wanted))


def relevance(text: str, terms: list[Term], mean_length: float) -> float:
    """How well ``text`` answers the terms: BM25's saturation of each term's count against the
    text's length (in characters; ``mean_length`` being usual), without BM25's rarity weights,
    which a full-text index can give only by counting every document of every term. A name or a
    short note that is mostly the words searched for comes before a long paragraph that mentions
    them."""
    folded = fold(text)
    norm = 1.2 * (0.25 + 0.75 * len(text) / max(mean_length, 1.0))
    score = 0.0
    for term in terms:
        found = len(_pattern(term).findall(folded))
        score += found * 2.2 / (found + norm)
    return score


@lru_cache(maxsize=64)
def _pattern(term: Term) -> re.Pattern[str]:
    # The term's words in folded text, whole words (the last may begin a longer one), any
    # separators between them: counted by the regex engine, not word by word in Python.
    words = r"\W+".join(re.escape(word) for word in term.words)
    return re.compile(rf"\b{words}" + ("" if term.prefix else r"\b"))


def _merged(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(marks):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def excerpt(text: str, terms: list[Term], *, width: int = 200) -> Excerpt:
    """About ``width`` characters of ``text`` around its first match, cut at spaces, with every
    match inside marked. A text without a match gives its beginning."""
    flat = " ".join(text.split())  # one line: a note's line breaks mean nothing in a result list
    marks = _matches(_spans(flat), terms)
    first = marks[0][0] if marks else 0
    start = max(0, first - width // 4)
    if start:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if first - space <= width // 2 else start  # no space before: from the start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.find(" ", end)
        end = space if 0 < space - end < 20 else end
    kept = tuple((max(s, start) - start, min(e, end) - start) for s, e in marks if s < end and e > start)
    return Excerpt(flat[start:end], kept, before=start > 0, after=end < len(flat))
