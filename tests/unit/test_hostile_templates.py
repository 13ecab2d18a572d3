"""Hostile template files are refused before they cost memory or time: a fuzz run with a fixed seed
(over a thousand mutations of a real template, alias bombs, deep nesting, special files) gives no
traceback, imports nothing, and takes under 2 s a case. Each named case below crashed, hung or ran
away before (a 545-byte alias bomb took 1.4 GB; /dev/zero read until MemoryError; a FIFO blocked)."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from interviewdesk.errors import TemplateError, UserError
from interviewdesk.templates.loader import LoadedTemplate, parse_template_text, read_template_file
from tests.unit.test_templates import MINIMAL

SEED = 20261123
CASES = 1_000
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)
NAMED = {
    "alias bomb": ALIAS_BOMB,
    "deep brackets": "x: " + "[" * 1000 + "]" * 1000 + "\n",
    "deep mappings": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n",
    "yaml 1.3 directive": "%YAML 1.3\n---\n" + MINIMAL,
    "id as a mapping": MINIMAL.replace("id: minimal", "id: {a: 1}"),
    "NaN minutes": MINIMAL.replace("minutes: 20", "minutes: .nan"),
    "infinite weight": MINIMAL.replace("    name: Care", "    name: Care\n    weight: .inf"),
    "NUL on line 12": MINIMAL.replace("competencies:", "compe\x00tencies:", 1),
    "lone surrogate": MINIMAL.replace("name: Minimal", 'name: "Mini \\ud800 mal"'),
    "huge value": MINIMAL.replace("name: Minimal", "name: " + "x" * 200_000),
}


def check(text: str, label: str) -> LoadedTemplate | None:
    """Parse ``text``: a template, or a refusal of at most 40 one-line problems; never anything else."""
    started = time.perf_counter()
    refusal: UserError | None = None
    loaded: LoadedTemplate | None = None
    try:
        loaded = parse_template_text(text, "fuzz.yaml")
    except UserError as exc:  # TemplateError included
        refusal = exc
    assert time.perf_counter() - started < 2.0, label
    if isinstance(refusal, TemplateError):
        lines = refusal.message.splitlines()
        assert len(refusal.message) < 12_000, (label, len(refusal.message))  # at most 40 lines of 200
        assert all(line.startswith(("fuzz.yaml:", "  fuzz.yaml:")) for line in lines), label
    return loaded


def mutations(rng: random.Random) -> list[str]:
    pieces = [
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ":",
        "- ",
        "\n",
        "  ",
        "\t",
        "'",
        '"',
        "!!python/object ",
        "%",
        "#",
        ".nan",
        "-.inf",
        "\x00",
        "\x1b",
        "\u202e",
        "ü",
        "🙂",
        "~",
        "null",
        "9" * 30,
    ]
    texts = []
    for _ in range(CASES):
        text = MINIMAL
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(text))
            action = rng.random()
            if action < 0.4:
                text = text[:at] + rng.choice(pieces) + text[at:]
            elif action < 0.7:
                text = text[:at] + text[at + rng.randint(1, 12) :]
            elif action < 0.85:
                lines = text.splitlines(keepends=True)
                line = rng.randrange(len(lines))
                lines.insert(line, lines[line] * rng.randint(1, 50))
                text = "".join(lines)
            else:
                text = text[:at] + chr(rng.randrange(0x20, 0x2FFF)) + text[at + 1 :]
        texts.append(text)
    return texts


@pytest.mark.parametrize("label", list(NAMED))
def test_named_hostile_cases_are_refused_in_one_message(label: str) -> None:
    assert check(NAMED[label], label) is None


def test_a_thousand_mutations_never_crash_or_hang() -> None:
    rng = random.Random(SEED)
    accepted = sum(check(text, f"case {n}") is not None for n, text in enumerate(mutations(rng)))
    assert accepted < CASES  # most mutations are refused; none raised anything but a refusal


def test_the_minimal_template_itself_is_fine() -> None:
    loaded = check(MINIMAL, "minimal")
    assert loaded is not None and loaded.template.id == "minimal"


def test_control_characters_are_reported_at_their_own_line() -> None:
    with pytest.raises(TemplateError, match=r"fuzz\.yaml:12: a control character \(U\+0000\)"):
        parse_template_text(NAMED["NUL on line 12"], "fuzz.yaml")


def test_special_files_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    for path in (Path("/dev/zero"), fifo, loop, tmp_path):
        started = time.perf_counter()
        with pytest.raises(UserError) as refused:
            read_template_file(path)
        assert time.perf_counter() - started < 2.0 and "\n" not in refused.value.message


def test_a_refused_import_changes_nothing(cli, tmp_path: Path) -> None:
    before = cli("templates", "list", "--all-versions").out
    for label, text in NAMED.items():
        path = tmp_path / f"{label.replace(' ', '-')}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = cli("templates", "import", str(path))
        assert result.code == 2 and "Traceback" not in result.err, label
    assert cli("templates", "list", "--all-versions").out == before
