"""Safe input reading: regular files only, bounded size and depth, strict JSON, YAML and TOML,
and every echoed value escaped."""

from __future__ import annotations

import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance._datafiles import read_data_file, safe_toml_load, safe_yaml_load
from community_governance._escape import excerpt, json_visible, visible
from community_governance._io import (
    Limits,
    OverlongLine,
    bounded_lines,
    json_depth,
    loads_json,
    parse_size,
    read_bytes,
    read_text,
)
from community_governance.exceptions import InputError, RulebookError

#: The YAML "billion laughs" (under 500 bytes): nine levels of nine aliases each.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


class TestEscape:
    """Control, bidi and zero-width characters are shown as escapes; values are cut short."""

    def test_visible_escapes_ansi_and_bidi(self) -> None:
        """An ANSI colour and a right-to-left override become readable escapes."""
        assert visible("\x1b[31mred\u202etxt.exe") == "\\x1b[31mred\\u202etxt.exe"

    def test_visible_keeps_chinese_and_ordinary_text(self) -> None:
        """Text without unsafe characters is returned unchanged."""
        text = "居民委员会 residents' committee — 5 名"
        assert visible(text) is text

    def test_visible_keeps_newlines_only_when_asked(self) -> None:
        """A newline stays a line break in multi-line output; a carriage return never does."""
        assert visible("a\nb\rc", keep_newlines=True) == "a\nb\\x0dc"
        assert visible("a\nb") == "a\\x0ab"

    def test_every_control_format_and_separator_character_is_escaped(self) -> None:
        """Every Cc, Cf, Zl, Zp and Cs character of this Python's Unicode is made visible."""
        unsafe = [
            chr(c)
            for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs")
        ]
        missed = [f"U+{ord(c):04X}" for c in unsafe if visible(c) == c]
        assert not missed

    def test_excerpt_cuts_long_values(self) -> None:
        """At most the limit is shown, and a cut is marked."""
        assert excerpt("x" * 1000, limit=10) == "'xxxxxxxxxx…'"
        assert len(excerpt("\u202e" * 1000)) <= 80 + 3

    def test_excerpt_of_a_huge_nested_value_is_bounded(self) -> None:
        """A list of a million lists renders in a few characters, without walking it."""
        value: list[object] = [[list(range(10))] * 1000] * 1000
        assert len(excerpt(value)) <= 81

    @given(st.recursive(st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c)))
    def test_json_visible_keeps_the_json_value(self, value: object) -> None:
        """Escaping terminal-active characters in JSON text changes no value."""
        text = json.dumps(value, ensure_ascii=False)
        shown = json_visible(text)
        assert json.loads(shown) == value
        assert visible(shown) == shown

    @given(st.text())
    def test_excerpt_never_shows_an_unsafe_character(self, text: str) -> None:
        """Whatever the text, the excerpt is short and holds no unsafe character."""
        shown = excerpt(text)
        assert len(shown) <= 83
        assert visible(shown) == shown


class TestLimits:
    """Limits come from defaults, the environment and the command line."""

    @pytest.mark.parametrize(
        ("text", "size"),
        [
            ("4096", 4096),
            ("512K", 512 << 10),
            ("64M", 64 << 20),
            ("8MiB", 8 << 20),
            ("1g", 1 << 30),
        ],
    )
    def test_parse_size(self, text: str, size: int) -> None:
        """Plain bytes and binary K, M, G suffixes."""
        assert parse_size(text) == size

    @pytest.mark.parametrize("text", ["", "0", "-1", "1.5M", "64 apples"])
    def test_parse_size_refuses_nonsense(self, text: str) -> None:
        """Zero, negative, fractional or unknown units are refused."""
        with pytest.raises(InputError, match="expected a size"):
            parse_size(text)

    def test_environment_overrides_defaults(self) -> None:
        """CGOV_MAX_* variables override the defaults; unset ones keep them."""
        limits = Limits.from_env({"CGOV_MAX_INPUT_BYTES": "1K", "CGOV_MAX_DEPTH": "8"})
        assert limits == Limits(input_bytes=1024, depth=8)

    def test_bad_environment_value_names_the_variable(self) -> None:
        """A variable that is not a size is an error naming it."""
        with pytest.raises(InputError, match="CGOV_MAX_RULEBOOK_BYTES"):
            Limits.from_env({"CGOV_MAX_RULEBOOK_BYTES": "lots"})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev")
class TestFiles:
    """Only regular files (or standard input) are read, within the size limit."""

    def test_reads_a_regular_file(self, tmp_path: Path) -> None:
        """The ordinary case."""
        path = tmp_path / "x.json"
        path.write_bytes(b"{}")
        assert read_text(str(path), limit=10) == "{}"

    @pytest.mark.parametrize(
        ("make", "what"),
        [
            (lambda p: os.mkfifo(p), "FIFO"),
            (lambda p: os.mkdir(p), "directory"),
            (lambda p: os.symlink("/dev/zero", p), "character device"),
            (lambda p: os.symlink("/dev/urandom", p), "character device"),
        ],
    )
    def test_refuses_what_is_not_a_regular_file(self, tmp_path: Path, make, what: str) -> None:  # type: ignore[no-untyped-def]
        """A FIFO, a directory or a device is refused by name, without being read."""
        path = tmp_path / "input.json"
        make(str(path))
        with pytest.raises(InputError, match=what) as info:
            read_bytes(str(path), limit=1 << 20)
        assert info.value.source == str(path)

    def test_refuses_a_file_over_the_limit_before_reading_it(self, tmp_path: Path) -> None:
        """The size is checked from stat; the message says how to raise the limit."""
        path = tmp_path / "big.json"
        path.write_bytes(b" " * 2000)
        with pytest.raises(InputError, match=r"too large: 2,000 bytes.*--max-input-bytes"):
            read_bytes(str(path), limit=1000)

    def test_rulebook_errors_are_rulebook_errors(self, tmp_path: Path) -> None:
        """A loader asks for RulebookError and is told which option raises its limit."""
        path = tmp_path / "big.toml"
        path.write_bytes(b"#" * 2000)
        with pytest.raises(RulebookError, match="--max-rulebook-bytes"):
            read_bytes(str(path), limit=1000, kind="rulebook", error=RulebookError)

    def test_nul_in_a_name_is_not_a_crash(self) -> None:
        """A file name read from a document may hold a NUL: refused, escaped."""
        with pytest.raises(InputError, match=r"a\\x00b\.toml: cannot read: not a file name"):
            read_bytes("a\0b.toml", limit=10)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is 'cannot read' with the system's reason."""
        with pytest.raises(InputError, match="cannot read: No such file"):
            read_bytes(str(tmp_path / "nope.json"), limit=10)

    def test_standard_input_is_read_up_to_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Standard input over the limit is refused after limit + 1 bytes."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
        with pytest.raises(InputError, match="too large"):
            read_bytes("-", limit=10)

    def test_not_utf8_names_line_and_offset(self, tmp_path: Path) -> None:
        """The first bad byte is located; the text is not quoted."""
        path = tmp_path / "x.json"
        path.write_bytes(b'{\n"a": "\xff"}')
        with pytest.raises(InputError, match="byte 0xff at line 2, offset 8"):
            read_text(str(path), limit=100)

    def test_overlong_lines_are_skipped_in_bounded_memory(self) -> None:
        """A line over the limit stands as OverlongLine; the next lines are read as usual."""
        stream = io.BytesIO(b"short\n" + b"x" * 5000 + b"\nok\nlast")
        assert list(bounded_lines(stream, 100)) == [
            b"short\n",
            OverlongLine(5001),
            b"ok\n",
            b"last",
        ]


class TestJson:
    """JSON is parsed strictly and its depth bounded without recursion."""

    def test_duplicate_key_is_refused_with_its_path(self) -> None:
        """A key given twice is named with the path of its object."""
        with pytest.raises(InputError) as info:
            loads_json('{"community": {"persons": [{"id": "a", "id": "b"}]}}', "p.json")
        assert (info.value.key, info.value.reason) == (
            "community.persons[0].id",
            "key given twice in one object",
        )

    @pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"a": -Infinity}'])
    def test_non_json_numbers_are_refused(self, text: str) -> None:
        """NaN and Infinity are not JSON."""
        with pytest.raises(InputError, match="is not a JSON value"):
            loads_json(text, "x")

    def test_depth_is_checked_before_parsing(self) -> None:
        """A million nested arrays are refused with their depth, not a RecursionError."""
        with pytest.raises(InputError, match="1000000 levels, over the limit of 64"):
            loads_json("[" * 1_000_000 + "]" * 1_000_000, "x")

    def test_depth_at_the_limit_is_accepted(self) -> None:
        """Exactly the limit is fine; one more is not."""
        assert loads_json("[" * 8 + "]" * 8, "x", max_depth=8) is not None
        with pytest.raises(InputError, match="9 levels"):
            loads_json("[" * 9 + "]" * 9, "x", max_depth=8)

    def test_brackets_inside_strings_do_not_count(self) -> None:
        """Brackets in strings (escaped quotes too) are text, not nesting."""
        assert json_depth('{"a": "[[[\\"{{{", "b": [1]}') == 2

    def test_lone_surrogate_is_refused(self) -> None:
        """An escaped lone surrogate is not text (it could not be printed or stored)."""
        with pytest.raises(InputError, match="lone surrogate"):
            loads_json('{"name": "\\udc80"}', "x")

    def test_syntax_error_does_not_quote_the_input(self) -> None:
        """/etc/passwd-like input is reported by position, never echoed."""
        with pytest.raises(InputError) as info:
            loads_json("root:x:0:0:root:/root:/bin/bash", "passwd")
        assert "root" not in str(info.value)
        assert "line 1, column 1" in str(info.value)


class TestYaml:
    """YAML rulebook files: no aliases, no ambiguity, no duplicates, bounded depth."""

    def test_plain_values_read_as_before(self) -> None:
        """Ints, fractions, booleans, nulls, dates and quoted text."""
        text = "a: 1\nb: -2\nc: 0.5\nd: [true, false, null, ~]\ne: 2026-01-01\nf: '1:30'\n"
        import datetime as dt

        assert safe_yaml_load(text, "x.yaml") == {
            "a": 1,
            "b": -2,
            "c": 0.5,
            "d": [True, False, None, None],
            "e": dt.date(2026, 1, 1),
            "f": "1:30",
        }

    def test_billion_laughs_is_refused_at_the_first_anchor(self) -> None:
        """The few-hundred-byte bomb never expands: its first anchor is refused."""
        assert len(BILLION_LAUGHS.encode()) < 500
        with pytest.raises(
            RulebookError, match=r"anchors \(&name\) are not allowed.*\(line 1, column 4\)"
        ):
            safe_yaml_load(BILLION_LAUGHS, "bomb.yaml")

    def test_alias_is_refused(self) -> None:
        """An alias names nothing to expand."""
        with pytest.raises(RulebookError, match="aliases"):
            safe_yaml_load("a: *x", "x.yaml")

    @pytest.mark.parametrize(
        ("scalar", "why"),
        [
            ("1:30", "base-60 number (90)"),
            ("012", "octal number"),
            ("0x1F", "hexadecimal number (31)"),
            ("0b101", "binary number (5)"),
            ("1_000", "_ separators (1000)"),
            ("1e3", "YAML 1.2 as a number"),
            ("yes", "boolean"),
            ("off", "boolean"),
        ],
    )
    def test_ambiguous_scalars_are_refused_with_the_reason(self, scalar: str, why: str) -> None:
        """YAML 1.1 and 1.2 disagree on these: refused, naming the key and the reading."""
        with pytest.raises(RulebookError, match=re.escape(why)) as info:
            safe_yaml_load(f"params:\n  start: {scalar}\n", "x.yaml")
        assert info.value.key == "params.start"

    def test_explicit_str_tag_makes_text(self) -> None:
        """!!str is the way to keep such a scalar as text (so is quoting)."""
        assert safe_yaml_load("a: !!str 1:30", "x.yaml") == {"a": "1:30"}

    def test_other_explicit_tags_are_refused(self) -> None:
        """!!binary, !!set, !!python/... have no place in a data file."""
        with pytest.raises(RulebookError, match="explicit YAML tag"):
            safe_yaml_load("a: !!set {x: null}", "x.yaml")

    def test_duplicate_key_is_refused_with_its_path_and_line(self) -> None:
        """The second occurrence is named; YAML would silently keep the last."""
        with pytest.raises(RulebookError) as info:
            safe_yaml_load("disable:\n  - rule: a\n    rule: b\n", "x.yaml")
        assert info.value.key == "disable[0].rule"
        assert "line 3" in info.value.reason

    def test_deep_nesting_is_refused_without_recursion_error(self) -> None:
        """A 500-deep flow sequence is refused at the limit."""
        with pytest.raises(RulebookError, match="nested deeper than 64 levels"):
            safe_yaml_load("a: " + "[" * 500 + "]" * 500, "x.yaml")

    def test_impossible_date_names_the_key(self) -> None:
        """2026-02-30 is an error at its key, not a ValueError escaping the loader."""
        with pytest.raises(RulebookError, match="day is out of range") as info:
            safe_yaml_load("valid_from: 2026-02-30", "x.yaml")
        assert info.value.key == "valid_from"

    def test_syntax_error_does_not_quote_file_lines(self) -> None:
        """PyYAML's snippet of the file is left out; line and column are given."""
        with pytest.raises(RulebookError) as info:
            safe_yaml_load("secret: value: here", "x.yaml")
        assert "secret" not in str(info.value)
        assert "(line 1, column 14)" in str(info.value)


class TestToml:
    """TOML: tomllib, with a depth limit and clean errors."""

    def test_deep_nesting_is_refused(self) -> None:
        """500 nested arrays: an error naming the file, not a RecursionError."""
        with pytest.raises(RulebookError, match="nested deeper than 64 levels"):
            safe_toml_load("a = " + "[" * 500 + "]" * 500, "x.toml")

    def test_read_data_file_returns_data_and_the_digest_of_its_bytes(self, tmp_path: Path) -> None:
        """The SHA-256 is of the bytes read, so the loader can record it."""
        import hashlib

        path = tmp_path / "r.toml"
        path.write_bytes(b'id = "x"\n')
        assert read_data_file(path) == ({"id": "x"}, hashlib.sha256(b'id = "x"\n').hexdigest())

    def test_read_data_file_refuses_other_suffixes(self, tmp_path: Path) -> None:
        """Only .toml, .yaml and .yml."""
        with pytest.raises(RulebookError, match=r"expected a \.toml"):
            read_data_file(tmp_path / "r.json")
