"""Comparing a role through the service, the command line and the PDF, on the demo's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from interviewdesk.errors import NotFoundError
from interviewdesk.services.demo import create_demo
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.role_compare import compare_role, list_roles, sorted_lines
from interviewdesk.store.database import Database


def test_the_demo_role_with_unsubmitted_interviews_kept_out(db: Database) -> None:
    create_demo(db)
    newcomer = add_candidate(db, "Noor Haddad", role="software engineer")  # any case: the same role
    plan_interview(db, candidate_id=newcomer, template_ref="software-engineer")
    add_candidate(db, "王小明", role="Software Engineer")  # not interviewed yet: listed all the same
    (role,) = list_roles(db)
    assert (role.role, role.candidates, role.interviews) == ("Software Engineer", 4, 6)
    comparison = compare_role(db, "SOFTWARE ENGINEER")
    by_name = {line.name: line for line in comparison.lines}
    assert set(by_name) == {"Amara Okafor", "Mateo Rossi", "Noor Haddad", "王小明"}
    assert by_name["王小明"].flags == ("no submitted interview yet",) and by_name["王小明"].interviews == 0
    assert by_name["Noor Haddad"].overall is None and by_name["Noor Haddad"].flags == (
        "no submitted interview yet",
    )
    mateo = by_name["Mateo Rossi"]
    assert (mateo.interviews, mateo.submitted) == (2, 1)
    assert [line.name for line in sorted_lines(comparison)][:2] == ["Amara Okafor", "Mateo Rossi"]
    assert next(line.name for line in sorted_lines(comparison, "name")) == "Amara Okafor"
    with pytest.raises(NotFoundError, match="cannot sort by 'x'"):
        sorted_lines(comparison, "x")
    with pytest.raises(NotFoundError, match="no candidate has the role 'Chef'"):
        compare_role(db, "Chef")
    by_template = compare_role(db, template="software-engineer")
    assert {line.name for line in by_template.lines} == {"Amara Okafor", "Mateo Rossi", "Noor Haddad"}


def test_the_command_line_lists_compares_and_exports(cli, db: Database, tmp_path: Path) -> None:
    create_demo(db)
    db.close()
    listed = json.loads(cli("roles", "list", "--json").out)
    assert listed == [{"role": "Software Engineer", "candidates": 2, "interviews": 5}]
    shown = cli("roles", "compare", "Software Engineer", "--sort", "name")
    assert shown.code == 0 and shown.out.index("Amara Okafor") < shown.out.index("Mateo Rossi")
    assert "! the panel disagrees on Collaboration (2 to 4)" in shown.out
    data = json.loads(cli("roles", "compare", "Software Engineer", "--json").out)
    amara = data["candidates"][0]
    assert amara["name"] == "Amara Okafor" and amara["scores"]["collaboration"] == {
        "mean": 3.0,
        "count": 2,
        "spread": 2,
    }
    target = tmp_path / "role.pdf"
    assert cli("export", "role", "Software Engineer", "-o", str(target)).code == 0
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Role comparison" in text and "Equal treatment" in text and "Mateo Rossi" in text
    refused = cli("roles", "compare")
    assert refused.code == 2 and "name a role" in refused.err and refused.err.count("\n") == 1
    unknown = cli("export", "role", "Chef", "-o", str(tmp_path / "x.pdf"))
    assert unknown.code == 2 and "no candidate has the role 'Chef'" in unknown.err
    assert not (tmp_path / "x.pdf").exists()
