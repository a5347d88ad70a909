"""Report templates (render/templates.py): the sandbox, its bounds, and what a template can reach."""

from __future__ import annotations

import os
import time
from decimal import Decimal
from pathlib import Path

import pytest

from haru_cli.render import sandbox
from haru_cli.render import templates as templating
from tests.helpers import TODAY, Haru, WorkspaceFactory


def with_template(root: Path, text: str, name: str = "report_monthly.md.j2") -> Path:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")
    return root


def _file(folder: Path, text: str) -> Path:
    target = folder / "t.j2"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("payload", [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ r.month.__class__.__mro__[1].__subclasses__() }}",
    "{{ t.__init__.__globals__ }}",
    "{% set x = r.meetings.append(1) %}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
])
def test_a_workspace_template_cannot_reach_python(workspace: WorkspaceFactory, haru: Haru, payload: str) -> None:
    root = with_template(workspace(), f"月次\n{payload}\n")
    result = haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10")
    assert result.exit_code == 1
    assert "uid=" not in result.stdout + result.stderr
    assert result.stderr.startswith("haru: templates/report_monthly.md.j2:2: ")
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_templates_never_see_the_dataset_or_a_path(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = with_template(workspace(), "{{ ds.root.read_text() }}\n", "report_partner.md.j2")
    result = haru("--data", root, *TODAY, "report", "partner", "ueda")
    assert result.exit_code == 1 and "'ds' is undefined" in result.stderr


def test_the_sandbox_refuses_paths_and_modules_whatever_holds_them(tmp_path: Path) -> None:
    out = templating.render_document("x", {"p": tmp_path, "m": os}, workspace=None, lang="en",
                                     template_file=_file(tmp_path, "{{ p }}|{{ m }}\n"))
    assert out.startswith(str(tmp_path))  # printing a value is fine
    for body in ("{{ p.read_text() }}", "{{ p.parent }}", "{{ m.system }}", "{{ m.path.join('a') }}"):
        with pytest.raises(templating.TemplateProblem, match="not allowed in a template"):
            templating.render_document("x", {"p": tmp_path, "m": os}, workspace=None, lang="en",
                                       template_file=_file(tmp_path, body))


@pytest.mark.parametrize(("body", "reason"), [
    ("{{ 'a' * 10000000000 }}", "repeating"),
    ("{{ 'ab' * 600000 }}", "repeating"),
    ("{{ 2 ** 100000000 }}", "power"),
    ("{{ '%999999999d' % 1 }}", "wider"),
    ("{{ 'a' | center(999999999) }}", "center of more than 1000"),
    ("{{ 'x'.ljust(2000000000) }}", "a count or width over 1000"),
    ("{{ '{:>2000000000}'.format(1) }}", "wider"),
    ("{{ (1).to_bytes(2000000000, 'big') }}", "a count or width over 1000"),
    ("{{ '%(a)900000000s' | format(a=1) }}", "wider"),
    ("{{ [1] | batch(200000000, 0) | first }}", "batch of more than 1000"),
    ("{{ 'ab' | replace('a', 'a' * 999999) | replace('a', 'a' * 999) }}", "replace that makes"),
    ("{{ '\t'.expandtabs(1000000000) }}", "a count or width over 1000"),
    ("{% for i in range(3000) %}{{ 'x' * 1000000 }}{% endfor %}", "a document of more than 16 MB"),
    ("{{ 9 ** 64 ** 64 }}", "too large"),
    ("{{ " + "(" * 300 + "1" + ")" * 300 + " }}", "nested too deep"),
    ("{% for x in [1] %}" * 25 + "{% endfor %}" * 25, "nested"),
    ("{{ '%999999999d' | format(1) }}", "wider"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "range"),
    # single C steps that no timer stops: a quadratic sum of lists, and huge numbers turned into text
    ("{{ ([[0] * 1000] * 10000) | sum(start=[]) | length }}", "a sum of anything but numbers"),
    ("{{ ([0] * 600000 + [1] * 600000) | length }}", "repeating"),
    ("{{ ((d.scaleb(1000) ** 64) ** 15) | int }}", "too large"),
    ("{{ d.scaleb(1000).scaleb(1000) | int }}", "too large"),
])
def test_a_template_cannot_exhaust_memory_or_time(tmp_path: Path, body: str, reason: str) -> None:
    with pytest.raises(templating.TemplateProblem, match=reason):
        templating.render_document("x", {"d": Decimal("3.2")}, workspace=None, lang="en",
                                   template_file=_file(tmp_path, body))


@pytest.mark.parametrize("body", [
    '{{ (("a" * 999999) ~ "b") in (["a" * 1000000] * 1000000) }}',  # one step of C: no timer in-process stops it
])
def test_a_template_stuck_in_one_step_of_c_is_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      body: str) -> None:
    monkeypatch.setattr(templating, "APART", True)
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 1)
    started = time.monotonic()
    with pytest.raises(templating.TemplateProblem, match="t.j2: took longer than 1 seconds"):
        templating.render_document("x", {}, workspace=None, lang="en", template_file=_file(tmp_path, body))
    assert time.monotonic() - started < 10


def test_a_template_rendered_apart_gives_its_text_or_its_problem(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "APART", True)
    out = templating.render_document("x", {"v": "値\u202e"}, workspace=None, lang="ja",
                                     template_file=_file(tmp_path, "{{ v }} {{ 6 * 7 }}\n"))
    assert out == "値\\u202e 42\n"
    with pytest.raises(templating.TemplateProblem, match="'nope' is undefined"):
        templating.render_document("x", {}, workspace=None, lang="en", template_file=_file(tmp_path, "{{ nope }}"))


def test_what_a_template_makes_is_shown_literally(tmp_path: Path) -> None:
    out = templating.render_document("x", {}, workspace=None, lang="en",
                                     template_file=_file(tmp_path, '{{ "\\x1b]0;pwned\\x07" }}{{ "\\ud800" }}'))
    assert out == "\\x1b]0;pwned\\x07\\ud800"


def test_haru_s_own_texts_and_ordinary_filters_still_work(tmp_path: Path) -> None:
    from haru_cli.i18n import Translator

    body = ('{{ t("report.minutes", minutes=99999) }}|{{ "%05d" | format(3) }}|{{ "a,b" | replace(",", ";") }}|'
            '{{ [1, 2, 3] | batch(2) | list }}|{{ "abcdef" | truncate(5, leeway=0) }}|{{ "a" | center(3) }}')
    out = templating.render_document("x", {"t": Translator("en")}, workspace=None, lang="en",
                                     template_file=_file(tmp_path, body))
    assert out == " (99999 min)|00003|a;b|[[1, 2], [3]]|ab...| a "


def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 1)
    body = "{% for a in 'x' * 999999 %}{% for b in 'x' * 999999 %}{% endfor %}{% endfor %}"
    with pytest.raises(templating.TemplateProblem, match="longer than 1 seconds"):
        templating.render_document("x", {}, workspace=None, lang="en", template_file=_file(tmp_path, body))


def test_a_symlinked_template_or_include_is_refused(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET\n", encoding="utf-8")
    root = with_template(workspace(), "x\n{% include 'leak' %}\n")
    (root / "templates" / "leak").symlink_to(secret)
    result = haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10")
    assert result.exit_code == 1 and "TOP-SECRET" not in result.stdout + result.stderr
    assert "templates/leak: シンボリックリンクです" in result.stderr  # in the language of the report
    (root / "templates" / "report_monthly.md.j2").unlink()
    (root / "templates" / "report_monthly.md.j2").symlink_to(secret)
    result = haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10")
    assert result.exit_code == 1 and "TOP-SECRET" not in result.stdout + result.stderr


def test_a_symlinked_templates_folder_is_refused(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "report_monthly.md.j2").write_text("FROM ELSEWHERE\n", encoding="utf-8")
    root = workspace()
    (root / "templates").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10")
    assert result.exit_code == 1 and "FROM ELSEWHERE" not in result.stdout
    assert "templates: シンボリックリンクです" in result.stderr


def test_a_template_that_is_a_pipe_does_not_hang(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    (root / "templates").mkdir()
    os.mkfifo(root / "templates" / "report_monthly.md.j2")
    result = haru("--data", root, "--lang", "en", *TODAY, "report", "monthly", "--month", "2026-10")
    assert result.exit_code == 1 and "not a regular file" in result.stderr


def test_a_template_that_fails_while_rendering(workspace: WorkspaceFactory, haru: Haru, tmp_path: object) -> None:
    from pathlib import Path

    template = Path(str(tmp_path)) / "t.j2"
    template.write_text("ok\n{{ 1/0 }}\n", encoding="utf-8")
    result = haru("--data", workspace(), "report", "partner", "ueda", "--template", template)
    assert result.exit_code == 1
    assert result.stderr == f"haru: {template}:2: ZeroDivisionError: division by zero\n"
