"""Text copied between systems with a broken encoding, repaired for detection with an offset map.

Records pasted from an old information system often carry UTF-8 read as Windows-1252
("Marie-JosÃ©e", "TÃ‰CHER", "Ã  Saint-Louis") or HTML entities ("R&eacute;union", "&Eacute;").
The rules and the lexicons read French words, so a name with "Ã©" inside is half seen. The
detector runs on a repaired copy and maps every span back to the characters of the original text,
so what is masked is exactly what was written.

Hand-written on purpose: ftfy repairs mojibake very well but returns only the repaired string, and
the detector needs, for every repaired character, where it came from. The repair here is the
narrow, reversible case (a run of cp1252 characters that decodes as UTF-8, or one HTML entity),
done segment by segment so that each segment maps to its source range.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from avec.privacy.detection.dictation_view import normalise_dictation
from avec.privacy.detection.glued_words import unglue_names
from avec.privacy.detection.letter_spacing import collapse_letter_spacing, is_letter_spaced, narrow_double_gaps
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.ocr_digits import repair_ocr
from avec.privacy.detection.ocr_fragments import join_fragments

# A UTF-8 lead byte read as cp1252/latin-1 (Â..ô), then one to three continuation bytes read the same way.
_CONTINUATION = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}})+|\u00c3 (?= )")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[A-Za-z][A-Za-z0-9]{1,10});")
# The same bytes read in the DOS code page (cp850) of old exports: "Fr├®d├®ric", "H├ëLISMUR", "┬░".
_DOS_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp850")
_DOS_MOJIBAKE = re.compile(f"(?:[├┬┼][{re.escape(_DOS_CONTINUATION)}]|Ô[{re.escape(_DOS_CONTINUATION)}]{{2}})+")
_SUSPECT = ("Ã", "Â", "â€", "&", "├", "┬", "┼", "ÔÇ")


@dataclass(frozen=True)
class RepairedText:
    """The repaired text and, for each of its offsets, the offset in the original."""

    text: str
    starts: list[int]  # starts[i]: original offset of repaired character i (len(text) + 1 entries)
    ends: list[int]  # ends[i]: original offset just after repaired character i - 1

    def original_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The original range of the repaired range ``[start, end)``."""
        return self.starts[start], self.ends[end]


def _decode_mojibake(chunk: str) -> str | None:
    if chunk == "\u00c3 ":  # "à" whose no-break space became a plain space: "Ã  Paris"
        return "à"
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = chunk.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed and fixed != chunk:
            return fixed
    return None


def _decode_dos(chunk: str) -> str | None:
    try:
        fixed = chunk.encode("cp850").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != chunk else None


def _decode_entity(chunk: str) -> str | None:
    fixed = html.unescape(chunk)
    return fixed if fixed != chunk else None


def repair(text: str, lexicons: Lexicons | None = None) -> RepairedText | None:
    """The repaired copy of ``text``, or None when nothing needed repair (the common case).

    Encoding first (mojibake, HTML entities), then letter-spaced words joined
    (:mod:`avec.privacy.detection.letter_spacing`), then names glued to their title or initial
    split (:mod:`avec.privacy.detection.glued_words`), then OCR letters and digits
    (:func:`avec.privacy.detection.ocr_digits.repair_ocr`, same length: the offset map is kept);
    then, given the lexicons, words and numbers broken by one stray space in a scanned text joined
    (:func:`avec.privacy.detection.ocr_fragments.join_fragments`); last, in a scanned text
    (letter-spaced or damaged by OCR), double spaces between words narrowed
    (:func:`avec.privacy.detection.letter_spacing.narrow_double_gaps`).
    """
    fixed = _split_glued_names(text, _join_spaced_letters(text, _read_dictation(text, _repair_encoding(text))))
    spaced = fixed is not None and fixed.text != text and is_letter_spaced(text)
    ocr = repair_ocr(fixed.text if fixed is not None else text)
    if ocr is not None:
        identity = list(range(len(text) + 1))
        fixed = (
            RepairedText(ocr, fixed.starts, fixed.ends) if fixed is not None else RepairedText(ocr, identity, identity)
        )
    broken = None
    if lexicons is not None:
        broken = join_fragments(fixed.text if fixed is not None else text, lexicons, spaced or ocr is not None)
        if broken is not None:
            fixed = _compose(text, fixed, broken[0], [(k, k + 1) for k in broken[1]])
    if spaced or ocr is not None or broken is not None:
        assert fixed is not None
        narrowed = narrow_double_gaps(fixed.text)
        if narrowed is not None:
            return _compose(text, fixed, narrowed[0], [(k, k + 1) for k in narrowed[1]])
    return fixed


def _join_spaced_letters(original: str, fixed: RepairedText | None) -> RepairedText | None:
    """``fixed`` (or the original) with its letter-spaced words joined, mapped to the original."""
    current = fixed.text if fixed is not None else original
    collapsed = collapse_letter_spacing(current)
    if collapsed is None:
        return fixed
    joined, kept = collapsed
    return _compose(original, fixed, joined, [(k, k + 1) for k in kept])


def _read_dictation(original: str, fixed: RepairedText | None) -> RepairedText | None:
    """``fixed`` (or the original) with numbers, e-mails and commands said aloud written, mapped back."""
    written = normalise_dictation(fixed.text if fixed is not None else original)
    if written is None:
        return fixed
    return _compose(original, fixed, *written)


def _split_glued_names(original: str, fixed: RepairedText | None) -> RepairedText | None:
    """``fixed`` (or the original) with names glued to their title or initial split, mapped back."""
    split = unglue_names(fixed.text if fixed is not None else original)
    if split is None:
        return fixed
    return _compose(original, fixed, *split)


def _compose(original: str, fixed: RepairedText | None, text: str, ranges: list[tuple[int, int]]) -> RepairedText:
    """The map of ``text`` to the original, given the range of ``fixed`` (or of the original) that
    each of its characters stands for."""
    size = len(fixed.text) if fixed is not None else len(original)
    starts = [a for a, _ in ranges] + [size]
    ends = [0] + [b for _, b in ranges]
    if fixed is not None:
        starts = [fixed.starts[i] for i in starts]
        ends = [fixed.ends[i] for i in ends]
    return RepairedText(text, starts, ends)


def _repair_encoding(text: str) -> RepairedText | None:
    if not any(s in text for s in _SUSPECT):
        return None
    edits: list[tuple[int, int, str]] = []
    for rx, decode in ((_MOJIBAKE, _decode_mojibake), (_ENTITY, _decode_entity), (_DOS_MOJIBAKE, _decode_dos)):
        if (rx is _ENTITY and "&" not in text) or (rx is _DOS_MOJIBAKE and not any(c in text for c in "├┬┼Ô")):
            continue
        for m in rx.finditer(text):
            fixed = decode(m.group())
            if fixed is not None:
                edits.append((m.start(), m.end(), fixed))
    if not edits:
        return None
    edits.sort()
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    pos = 0
    for a, b, fixed in edits:
        if a < pos:  # an entity inside a mojibake run: the first edit wins
            continue
        parts.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        parts.append(fixed)
        starts.extend([a] * len(fixed))
        ends.extend([b] * len(fixed))
        pos = b
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    starts.append(len(text))
    return RepairedText("".join(parts), starts, ends)
