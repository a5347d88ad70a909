"""haru report partner | monthly | agenda: golden files, table shapes on hostile data, empty workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import BASE, MARKED, REPORTS, TODAY, Haru, WorkspaceFactory, markup_from, table_shapes

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


HOSTILE: dict[str, str | bytes | None] = {
    **REPORTS,
    "partners/spcom.yaml": 'id: spcom\nname: "S|P [x] {{ 7*7 }}\\nCOM"\ncadence: monthly\nsince: 2025-10-01\n'
                           'role: "a | b\\n# c\\n> d"\nexpertise: ["|", "[", "{{"]\n'
                           'contacts:\n  - {name: "a|b", title: "[c]", email: "\\\\|", key_person: true}\n',
    "referrals/2026-spcom-001.yaml": 'id: 2026-spcom-001\npartner: spcom\ncontract: spcom-referral\n'
                                     'client: "x | y\\nz"\nreferred: 2026-10-02\n',
    "contracts/spcom-referral.yaml": "id: spcom-referral\npartner: spcom\ntype: referral\ntitle: \"t | {{ x }}\"\n"
                                     "start: 2026-01-01\nfees:\n  customer:\n    rate: 10%\n",
}


CASES = [
    ("report_partner.ja.md", ["report", "partner", "ueda"]),
    ("report_partner.en.md", ["--lang", "en", "report", "partner", "ueda"]),
    ("report_monthly.ja.md", ["report", "monthly", "--month", "2026-10"]),
    ("report_monthly.en.md", ["--lang", "en", "report", "monthly", "--month", "2026-10"]),
    ("report_agenda.ja.md", ["report", "agenda", "エスピーコム"]),
    ("report_agenda.en.md", ["--lang", "en", "report", "agenda", "spcom"]),
]


@pytest.mark.parametrize(("golden", "args"), CASES)
def test_reports_match_their_golden_files(workspace: WorkspaceFactory, haru: Haru, golden: str,
                                          args: list[str]) -> None:
    result = haru("--data", workspace(REPORTS), *TODAY, *args)
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("golden", "args"), CASES)
def test_every_table_keeps_its_shape_on_hostile_data(workspace: WorkspaceFactory, haru: Haru, golden: str,
                                                     args: list[str]) -> None:
    partner_args = [{"エスピーコム": "spcom", "ueda": "spcom"}.get(a, a) for a in args]
    result = haru("--data", workspace(HOSTILE), *TODAY, *partner_args)
    assert result.exit_code == 0, result.stderr
    shapes = table_shapes(result.stdout)
    assert shapes and all(cells == header for header, rows in shapes for cells in rows)
    assert "S\\|P \\[x\\] {{ 7\\*7 }}" in result.stdout  # data, escaped, never evaluated as a template
    assert "\n# c" not in result.stdout and "\n> d" not in result.stdout


@pytest.mark.parametrize("args", [["report", "monthly", "--month", "2026-10"], ["report", "partner", "tanaka"],
                                  ["--lang", "en", "report", "partner", "tanaka"]])
def test_names_and_paths_from_the_data_are_never_html_or_links(workspace: WorkspaceFactory, haru: Haru,
                                                               args: list[str]) -> None:
    """SPEC §14: a skipped file named `<img src=x onerror=alert(1)>.yaml` was named raw beside the amounts."""
    result = haru("--data", workspace(MARKED), *TODAY, *args)
    assert "onerror" in result.stdout and "evil" in result.stdout  # the data is there, as text
    assert markup_from(result.stdout) == []


@pytest.mark.parametrize(("args", "said"), [
    (["report", "monthly"], ["この月の会議はありません。", "この月に記録されたフィードバックはありません。",
                             "ありません。"]),
    (["report", "partner", "solo"], ["紹介なし"]),
    (["report", "agenda", "solo"], ["未完了のアクションはありません。", "記録された決定事項はありません。",
                                    "進行中の紹介はありません。"]),
    (["--lang", "en", "report", "monthly"], ["No meetings this month.", "No feedback recorded this month.", "None."]),
])
def test_reports_on_an_empty_workspace(workspace: WorkspaceFactory, haru: Haru, args: list[str],
                                       said: list[str]) -> None:
    nothing: dict[str, str | bytes | None] = dict.fromkeys([*BASE, *REPORTS])
    empty = nothing | {"haru.yaml": "# defaults\n", "partners/solo.yaml": "id: solo\nname: x\n"}
    result = haru("--data", workspace(empty), *TODAY, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert all(sentence in result.stdout for sentence in said)  # each empty section says so
    assert all(cells == header for header, rows in table_shapes(result.stdout) for cells in rows)


def test_workspace_template_and_template_option(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    root = workspace(REPORTS)
    (root / "templates").mkdir()
    (root / "templates" / "report_agenda.md.j2").write_text("{{ p.name }} / {{ a.open_actions | length }}\n",
                                                            encoding="utf-8")
    assert haru("--data", root, *TODAY, "report", "agenda", "ueda").stdout == "株式会社ウエダ / 1\n"
    mine = tmp_path / "mine.j2"
    mine.write_text("{{ r.month | jmonth }}: {{ r.total_hours }}\n", encoding="utf-8")
    result = haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10", "--template", mine)
    assert result.stdout == "2026年10月: 3.00\n"


def test_help(haru: Haru) -> None:
    for command in ("partner", "monthly", "agenda"):
        assert "Example: haru report " + command in haru("--lang", "en", "report", command, "--help").stdout
