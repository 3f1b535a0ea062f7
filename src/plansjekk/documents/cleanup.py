"""Text cleanup shared by every reader: one place that knows the quirks of extracted text.

Extracted text carries ligatures (U+FB01), soft hyphens (U+00AD), Symbol-font bullets
(U+F0B7), pdfium's U+FFFE line-end hyphen marker and words split at line ends. The matcher
compares words, so all of these must be gone before a `Block` is built.
"""

from __future__ import annotations

import re
import unicodedata

SOFT_HYPHEN = "\u00ad"
PDFIUM_HYPHEN = "\ufffe"
"""pdfium replaces a hyphen + line break with this non-character; the position is kept."""
BULLET = "•"

# Private-use and symbol glyphs Word/LibreOffice emit for list bullets.
_BULLET_CHARS = "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\u25aa\u25cf\u2022\u25e6\u2023\u2043\u25a0\u2219"
_BULLET_TRANSLATION = {ord(c): BULLET for c in _BULLET_CHARS}
_BULLET_TRANSLATION[ord(SOFT_HYPHEN)] = None
_BULLET_TRANSLATION[0] = None

_KEEP_HYPHEN_BEFORE = frozenset({"og", "eller", "til", "samt", "and", "or"})
"""'barne- og ungdomsråd': the hyphen marks an elided compound part, not a line break."""

_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NEEDS_COLLAPSE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]| {2}")
"""Whitespace `collapse_spaces` would change; most lines have none, and searching is ~5×
cheaper than substituting every single space with itself."""
_TRANSLATED = re.compile("[" + re.escape(_BULLET_CHARS + SOFT_HYPHEN) + "\x00]")
_LINE_END_HYPHEN = re.compile(r"(\w+)[-\u2010\u2011\ufffe]\s*\n\s*(\w+)")
_INLINE_MARKER = re.compile(r"(\w*)\ufffe\s*(\w*)")
_BULLET_PREFIX = re.compile(r"^\s*(?:[•\-–*·o▪]|\d{1,2}[.)]|[a-z][.)])\s+")


def normalise_chars(text: str) -> str:
    """NFKC (ligatures, full-width forms), bullets mapped to '•', soft hyphens and NULs removed.

    U+FFFE is kept: `join_hyphenated` needs it to decide how to join a split word.
    """
    if _TRANSLATED.search(text):
        text = text.translate(_BULLET_TRANSLATION)
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    marker_free = text.split(PDFIUM_HYPHEN)
    return PDFIUM_HYPHEN.join(unicodedata.normalize("NFKC", part) for part in marker_free)


def needs_normalising(text: str) -> bool:
    """Whether `normalise_chars` would change anything in `text` (a whole page at once)."""
    return bool(_TRANSLATED.search(text)) or not (
        text.isascii() or unicodedata.is_normalized("NFKC", text))


def collapse_spaces(text: str) -> str:
    """One space between words, no space at the ends (tabs and odd spaces included)."""
    # Every character `_NEEDS_COLLAPSE` looks for (tab, odd spaces, zero-width space) is
    # non-printable, and `isprintable` is a plain C loop, ~4× cheaper than the regex.
    if "  " not in text and text.isprintable():
        return text.strip()
    if not _NEEDS_COLLAPSE.search(text):
        return text.strip()
    return _WHITESPACE.sub(" ", text).strip()


def keeps_hyphen(left: str, right: str) -> bool:
    """Whether a hyphen at a line end belongs to the text ('ICDP-programmet', 'barne- og').

    Kept when the next word is a conjunction (elided compound part), or when the left part
    has a capital letter or a digit (abbreviations, numbers: 'BTI-modellen', '2025-2028').
    Otherwise the hyphen was inserted by line wrapping and the word is joined.
    """
    if right.lower() in _KEEP_HYPHEN_BEFORE:
        return True
    if not right:
        return True
    return any(ch.isupper() or ch.isdigit() for ch in left) or right[0].isdigit()


def join_hyphenated(left_line: str, right_line: str) -> str:
    """Joins two consecutive lines of one paragraph, undoing line-end hyphenation."""
    left = left_line.rstrip()
    right = right_line.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left[-1] in "-\u2010\u2011" + PDFIUM_HYPHEN and len(left) > 1 and left[-2].isalnum():
        left_word = re.split(r"\W", left[:-1])[-1]
        right_word = re.split(r"[^\w]", right, maxsplit=1)[0]
        if keeps_hyphen(left_word, right_word):
            separator = " " if right_word.lower() in _KEEP_HYPHEN_BEFORE else ""
            return left[:-1] + "-" + separator + right
        return left[:-1] + right
    return left + " " + right


def resolve_inline_markers(text: str) -> str:
    """Turns U+FFFE markers that remain inside a line into a kept hyphen or a join."""
    if PDFIUM_HYPHEN not in text:
        return text

    def _resolve(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if keeps_hyphen(left, right):
            sep = " " if right.lower() in _KEEP_HYPHEN_BEFORE else ""
            return f"{left}-{sep}{right}"
        return left + right

    return _INLINE_MARKER.sub(_resolve, text)


def dehyphenate(text: str) -> str:
    """Joins words split across lines in a multi-line string ("samar-\\nbeid" → "samarbeid")."""

    def _join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if keeps_hyphen(left, right):
            sep = " " if right.lower() in _KEEP_HYPHEN_BEFORE else ""
            return f"{left}-{sep}{right}"
        return left + right

    return resolve_inline_markers(_LINE_END_HYPHEN.sub(_join, text))


def clean_text(text: str) -> str:
    """The full cleanup for one block's text: characters, hyphen markers, whitespace."""
    return collapse_spaces(resolve_inline_markers(normalise_chars(text)))


def starts_with_bullet(text: str) -> bool:
    """Whether the line starts with a list marker (`strip_bullet` without the stripping)."""
    return _BULLET_PREFIX.match(text) is not None


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, text without its bullet) when the line starts with a list marker."""
    match = _BULLET_PREFIX.match(text)
    if match is None:
        return False, text
    return True, text[match.end():]


_GARBLED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff]|Ã[\u0080-\u00bf]|Ã¥|Ã¸|Ã¦|\ufffd")


def garbled_ratio(text: str) -> float:
    """Share of characters that are extraction garbage: '(cid:12)', private use, mojibake."""
    if not text:
        return 0.0
    bad = sum(len(m.group(0)) for m in _GARBLED.finditer(text))
    return bad / len(text)


def looks_garbled(text: str) -> bool:
    """True when fonts without a usable ToUnicode map spoiled a noticeable part of the text.

    Also catches fonts that map every glyph to unrelated letters: Norwegian text without a
    single common short word over a long stretch is not Norwegian text.
    """
    if garbled_ratio(text) > 0.05:
        return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 200:
        return False
    common = {"og", "i", "av", "til", "for", "som", "på", "er", "med", "det", "at", "en",
              "ein", "eit", "the", "of", "and", "to", "in", "den", "de", "har", "skal"}
    return sum(1 for w in words if w in common) / len(words) < 0.02
