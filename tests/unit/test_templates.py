"""The template format: built-ins load, every kind of error names its line, invalid files import nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewdesk.errors import TemplateError, UserError
from interviewdesk.resources import resource
from interviewdesk.services.template_library import list_templates
from interviewdesk.store.database import Database
from interviewdesk.templates.builtin import builtin_templates
from interviewdesk.templates.loader import parse_template_text, read_template_file
from interviewdesk.templates.model import SectionKind

DOCS = Path(__file__).resolve().parents[2] / "docs"

MINIMAL = """\
format: 1
id: minimal
name: Minimal
role: Tester
kind: structured
scale:
  - {level: 1, label: Low}
  - {level: 2, label: High}
recommendations:
  - {id: "no", label: "No"}
  - {id: "yes", label: "Yes"}
competencies:
  - id: care
    name: Care
    description: Takes care.
    anchors:
      1: Careless.
      2: Careful.
sections:
  - title: Questions
    kind: questions
    minutes: 20
    questions:
      - text: Tell me about care.
        competencies: [care]
  - title: Your questions
    kind: candidate_questions
    minutes: 10
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        parse_template_text(text, "t.yaml")
    return caught.value.problems


def test_minimal_template_loads() -> None:
    loaded = parse_template_text(MINIMAL, "t.yaml")
    template = loaded.template
    assert template.id == "minimal"
    assert template.planned_minutes == 30
    assert template.candidate_questions_share == pytest.approx(1 / 3)
    assert template.competency("care").anchors == {1: "Careless.", 2: "Careful."}
    assert template.sections[0].questions[0].competencies == ("care",)


def test_builtin_templates_are_complete() -> None:
    loaded = {t.template.id: t.template for t in builtin_templates()}
    assert {
        "general-structured",
        "software-engineer",
        "working-interview-data-analyst",
        "candidate-led-conversation",
    } <= set(loaded)
    for template in loaded.values():
        levels = {s.level for s in template.scale}
        for competency in template.competencies:
            assert set(competency.anchors) == levels, (template.id, competency.id)
        kinds = [s.kind for s in template.sections]
        assert SectionKind.CANDIDATE_QUESTIONS in kinds
        assert kinds[-1] is SectionKind.CLOSING
        assert template.role_clarity
        assert 30 <= template.planned_minutes <= 240
    working = loaded["working-interview-data-analyst"]
    tasks = [t for s in working.sections for t in s.tasks]
    assert len(tasks) == 2
    assert all(t.paid and t.pay and t.minutes > 0 and t.anchors for t in tasks)


def test_yaml_syntax_error_names_the_line() -> None:
    broken = MINIMAL.replace("  - title: Your questions", "  - title: [unclosed")
    (problem,) = problems_of(broken)
    assert problem.startswith("t.yaml:")
    assert "not valid YAML" in problem


def test_duplicate_key_is_reported() -> None:
    (problem,) = problems_of(MINIMAL.replace("role: Tester\n", "role: Tester\nrole: Again\n"))
    assert "t.yaml:" in problem


def test_every_problem_is_reported_with_line_and_field() -> None:
    text = (
        MINIMAL.replace("    minutes: 20\n", "    minutes: twenty\n")
        .replace("      2: Careful.\n", "")
        .replace("        competencies: [care]", "        competencies: [kindness]")
        .replace("kind: structured", "kind: structured\nlenght: 3")
    )
    problems = problems_of(text)
    lines = text.splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if fragment in line)

    expected = {
        ("sections[0].minutes", line_of("minutes: twenty")),
        ("competencies[0].anchors", line_of("anchors:")),
        ("sections[0].questions[0].competencies[0]", line_of("competencies: [kindness]")),
        ("lenght", line_of("lenght")),
    }
    found = {(p.split(": ")[1], int(p.split(":")[1])) for p in problems}
    assert expected <= found, problems
    assert any("no anchor for level 2" in p for p in problems)
    assert any("unknown field" in p for p in problems)
    assert any("'kindness'" in p for p in problems)


def test_missing_field_and_wrong_enum() -> None:
    text = MINIMAL.replace("name: Minimal\n", "").replace("kind: questions", "kind: quiz")
    problems = problems_of(text)
    assert any(p.endswith("name: is missing") and p.startswith("t.yaml:1:") for p in problems)
    assert any("sections[0].kind: must be one of" in p for p in problems)


def test_working_task_rules() -> None:
    text = MINIMAL.replace(
        "  - title: Your questions",
        "  - title: Task\n    kind: working_task\n    minutes: 30\n"
        "    tasks:\n      - {id: t1, title: T, brief: B, minutes: 30, paid: false}\n"
        "  - title: Your questions",
    )
    problems = problems_of(text)
    assert any("say how much the time is paid, or why it is not" in p for p in problems)


def test_template_without_candidate_time_is_refused() -> None:
    text = MINIMAL.split("  - title: Your questions", maxsplit=1)[0]
    assert any("candidate_questions" in p for p in problems_of(text))


def test_not_a_mapping_and_bad_files(tmp_path: Path) -> None:
    assert problems_of("- just\n- a list\n")
    with pytest.raises(UserError, match="no such file"):
        read_template_file(tmp_path / "absent.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(UserError, match="not UTF-8"):
        read_template_file(binary)
    with pytest.raises(UserError, match="folder"):
        read_template_file(tmp_path)


def test_invalid_file_imports_nothing(db: Database, tmp_path: Path, cli) -> None:
    before = list_templates(db, latest_only=False)
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("minutes: 20", "minutes: -5"), encoding="utf-8")
    result = cli("templates", "import", str(bad))
    assert result.code == 2
    assert "bad.yaml:" in result.err and "sections[0].minutes" in result.err
    assert list_templates(db, latest_only=False) == before


def test_editing_makes_a_new_version(db: Database, tmp_path: Path, cli) -> None:
    source = tmp_path / "minimal.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    assert "version 1" in cli("templates", "import", str(source)).out
    assert "unchanged" in cli("templates", "import", str(source)).out
    source.write_text(
        MINIMAL.replace("Tell me about care.", "Tell me about a time you took care."), encoding="utf-8"
    )
    assert "version 2" in cli("templates", "import", str(source)).out
    versions = [t for t in list_templates(db, latest_only=False) if t.slug == "minimal"]
    assert [t.version for t in versions] == [1, 2]


def test_published_schema_matches_the_one_in_use() -> None:
    used = json.loads(resource("schema", "template.schema.json").read_text(encoding="utf-8"))
    published = json.loads((DOCS / "template.schema.json").read_text(encoding="utf-8"))
    assert used == published
