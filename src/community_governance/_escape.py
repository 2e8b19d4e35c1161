"""Input values made safe to echo: truncated, with invisible characters made visible.

Anything that came from an input (a subject id, a person's name, a key, a rulebook title) may
carry control characters, ANSI escape sequences, right-to-left overrides or zero-width
characters that rewrite what a terminal or a log viewer shows. Before such text is printed it
goes through `visible` (a whole output) or `excerpt` (one value in an error message): each of
those characters is replaced by its escape (``\\x1b``, ``\\u202e``), so the reader sees what
is there.
"""

from __future__ import annotations

import re
import reprlib

__all__ = ["EXCERPT_LIMIT", "excerpt", "json_visible", "visible"]

#: How many characters of an input value an error message shows at most.
EXCERPT_LIMIT = 80

# Every character of Unicode categories Cc (controls, ESC of ANSI sequences), Cf (format:
# bidi embeddings, overrides and isolates, zero-width characters, BOM, tags), Zl, Zp (line
# and paragraph separators) and Cs (lone surrogates). Ranges are a superset of Unicode 15.1;
# a test compares them with `unicodedata` of the running Python.
_OTHER = (
    r"\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    r"\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE_RE = re.compile(rf"[\x00-\x1f{_OTHER}]")
_UNSAFE_BUT_NEWLINE_RE = re.compile(rf"[\x00-\x09\x0b-\x1f{_OTHER}]")


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_match(match: re.Match[str]) -> str:
    return _escape(match.group())


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control, format (bidi, zero-width) and separator character replaced
    by its escape; nothing is cut.

    Args:
        text: the text to show.
        keep_newlines: keep ``\\n`` as a line break (for multi-line output).

    Examples:
        >>> visible("abc\\u202edef\\x1b[31m")
        'abc\\\\u202edef\\\\x1b[31m'
        >>> visible("a\\nb", keep_newlines=True)
        'a\\nb'
    """
    # every unsafe character is unprintable: most texts pass this test at C speed
    if (text.replace("\n", "") if keep_newlines else text).isprintable():
        return text
    pattern = _UNSAFE_BUT_NEWLINE_RE if keep_newlines else _UNSAFE_RE
    return pattern.sub(_escape_match, text)


# What ``json.dumps(..., ensure_ascii=False)`` leaves raw but a terminal would act on: the
# controls above U+001F (JSON escapes those below), format and separator characters.
_JSON_UNSAFE_RE = re.compile(f"[{_OTHER}]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_visible(text: str) -> str:
    """JSON text with the characters a terminal would act on written as ``\\uXXXX`` escapes:
    the same JSON value, safe to show.

    Such characters can only occur inside JSON strings, where the escape means the same
    character, so parsing the result gives exactly what parsing ``text`` gives.

    Examples:
        >>> json_visible('{"id": "a\u202eb"}')
        '{"id": "a\\\\u202eb"}'
    """
    if text.isprintable() or _JSON_UNSAFE_RE.search(text) is None:
        return text
    return _JSON_UNSAFE_RE.sub(_json_escape, text)


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxdict = 6
_REPR.maxlist = 8
_REPR.maxtuple = 8
_REPR.maxset = 8
_REPR.maxstring = EXCERPT_LIMIT
_REPR.maxother = EXCERPT_LIMIT
_REPR.maxlong = 40


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """A short, escaped rendering of an input value for an error message.

    A string is quoted, at most ``limit`` characters are shown (escapes included) and ``…``
    marks a cut; other values are rendered with bounded `reprlib` limits, so a huge or deeply
    nested value costs little.

    Examples:
        >>> excerpt("red")
        "'red'"
        >>> excerpt("\\u202eevil")
        "'\\\\u202eevil'"
        >>> excerpt("x" * 100, limit=10)
        "'xxxxxxxxxx…'"
        >>> excerpt(5)
        '5'
    """
    if isinstance(value, str):
        return f"'{_clip(value, limit)}'"
    if isinstance(value, (bytes, bytearray)):
        cut = _clip(bytes(value[:limit]).decode("utf-8", "replace"), limit)
        more = "…" if len(value) > limit and not cut.endswith("…") else ""
        return f"b'{cut}{more}'"
    return _clip(_REPR.repr(value), limit)


def _clip(text: str, limit: int) -> str:
    out: list[str] = []
    used = 0
    for i, ch in enumerate(text):
        if i >= limit:
            return "".join(out) + "…"
        piece = _escape(ch) if _UNSAFE_RE.match(ch) else ch
        used += len(piece)
        if used > limit:
            return "".join(out) + "…"
        out.append(piece)
    return "".join(out)
