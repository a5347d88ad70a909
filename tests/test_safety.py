"""SPEC §14: a data repository from someone else never runs code, reads or writes outside the workspace,
hangs or crashes haru. One test per attack of issue 12, each tried as an attacker would."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from haru_cli.escape import visible
from haru_cli.load import cache
from haru_cli.load.loader import load_workspace
from haru_cli.load.workspace import scan_workspace
from haru_cli.load.yamlio import parse_yaml
from haru_cli.render import sandbox
from haru_cli.render import templates as templating
from haru_cli.write.atomic import LEFTOVER_AGE, write_new
from tests.helpers import TODAY, Haru, WorkspaceFactory

git_needed = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def aged(root: Path) -> Path:
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past), follow_symlinks=False)
    return root


def problems(root: Path) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.variant) for p in load_workspace(root).problems]


# --- 1. templates run in the sandbox ----------------------------------------------------------------


def with_template(root: Path, text: str, name: str = "report_monthly.md.j2") -> Path:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")
    return root


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


def _file(folder: Path, text: str) -> Path:
    target = folder / "t.j2"
    target.write_text(text, encoding="utf-8")
    return target


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


# --- 2. nothing is read or written through symbolic links out of the workspace ---------------------------


def test_a_symlinked_cache_folder_is_never_written_through(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = workspace()
    (root / cache.CACHE_FOLDER).symlink_to(elsewhere)
    aged(root)
    result = haru("--data", root, "partner", "list")
    assert result.exit_code == 0
    assert list(elsewhere.iterdir()) == []
    assert ".haru-cache" in result.stderr  # said, since every run is then slow


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "elsewhere"])
def test_a_cache_file_that_is_a_link_or_pipe_is_neither_read_nor_written(
        workspace: WorkspaceFactory, tmp_path: Path, target: str) -> None:
    root = aged(workspace())
    folder = root / cache.CACHE_FOLDER
    folder.mkdir()
    pickle_file = folder / cache.CACHE_FILE
    if target == "fifo":
        os.mkfifo(pickle_file)
    else:
        destination = Path(target) if target.startswith("/") else tmp_path / target
        pickle_file.symlink_to(destination)
    code = ("import sys; from pathlib import Path; from haru_cli.load.loader import load_workspace; "
            "print(len(load_workspace(Path(sys.argv[1]), cache=True).partners))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert not (tmp_path / "elsewhere").exists()
    assert not pickle_file.is_symlink() or target == "/dev/zero" or not pickle_file.exists()


def test_the_cache_gitignore_is_not_written_through_a_link(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    root = workspace()
    (root / cache.CACHE_FOLDER).mkdir()
    outside = tmp_path / "outside.txt"
    (root / cache.CACHE_FOLDER / ".gitignore").symlink_to(outside)
    load_workspace(aged(root), cache=True)
    assert not outside.exists()
    assert (root / cache.CACHE_FOLDER / cache.CACHE_FILE).is_file()


def test_a_full_disk_never_leaves_an_empty_gitignore(workspace: WorkspaceFactory,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    monkeypatch.setattr(os, "replace", full)
    load_workspace(root, cache=True)
    assert sorted(p.name for p in (root / cache.CACHE_FOLDER).iterdir()) == []


def test_a_record_linked_to_a_file_outside_is_refused_unread(workspace: WorkspaceFactory, haru: Haru,
                                                             tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: other\nname: x\ncadence: SECRET-VALUE\n", encoding="utf-8")
    root = workspace()
    (root / "partners" / "other.yaml").symlink_to(outside)
    assert problems(root) == [("partners/other.yaml", 1, "file-name", "file-name.symlink")]
    result = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    assert result.exit_code == 1 and "SECRET" not in result.stdout
    assert json.loads(result.stdout)["problems"][0]["message"].startswith("a symbolic link")


def test_help_is_not_read_through_a_linked_or_huge_settings_file(
    workspace: WorkspaceFactory, haru: Haru, tmp_path: Path
) -> None:
    (tmp_path / "settings.yaml").write_text("locale: en\n", encoding="utf-8")
    root = workspace()
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").symlink_to(tmp_path / "settings.yaml")
    linked = haru("--data", root, "validate", "--help")
    assert linked.exit_code == 0 and "使い方:" in linked.stdout  # the linked file's locale is not read
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").write_text("locale: en\n" + "#" * 70_000 + "\n", encoding="utf-8")
    huge = haru(f"--data={root}", "validate", "--help")
    assert huge.exit_code == 0 and "使い方:" in huge.stdout
    (root / "haru.yaml").write_text("locale: en\n", encoding="utf-8")
    assert "Usage:" in haru(f"--data={root}", "validate", "--help").stdout  # --data=DIR is read too


def test_a_linked_record_file_or_folder_leaves_the_amounts_incomplete(workspace: WorkspaceFactory, haru: Haru,
                                                                       tmp_path: Path) -> None:
    from tests.helpers import BASE

    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(textwrap.dedent(str(BASE["referrals/2026-ueda-001.yaml"])), encoding="utf-8")
    root = workspace()
    (root / "referrals" / "2026-ueda-001.yaml").unlink()
    (root / "referrals" / "2026-ueda-001.yaml").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-07")
    assert result.exit_code == 1 and "referrals/2026-ueda-001.yaml" in result.stderr  # not a silent ¥0
    shutil.rmtree(root / "referrals")
    (root / "referrals").symlink_to(tmp_path)
    folder = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-07")
    assert folder.exit_code == 1 and "referrals" in folder.stderr


def test_a_linked_record_folder_or_settings_file_is_refused(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "2026").mkdir(parents=True)
    (elsewhere / "2026" / "m.yaml").write_text("id: m\npartners: [ueda]\ndate: 2026-01-01\n", encoding="utf-8")
    (tmp_path / "settings.yaml").write_text("locale: en\n", encoding="utf-8")
    root = workspace({"referrals/2026-ueda-001.yaml": None})
    shutil.rmtree(root / "meetings")
    (root / "meetings").mkdir()
    (root / "meetings" / "2026").symlink_to(elsewhere / "2026")
    (root / "contracts-old").symlink_to(elsewhere)
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").symlink_to(tmp_path / "settings.yaml")
    assert [(path, variant) for path, _, _, variant in problems(root)] == [
        ("haru.yaml", "file-name.symlink"), ("meetings/2026", "file-name.symlink")]
    shutil.rmtree(root / "meetings")
    (root / "meetings").symlink_to(elsewhere)
    assert ("meetings", "file-name.symlink") in [(path, variant) for path, _, _, variant in problems(root)]


def test_new_never_writes_through_a_linked_folder(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = workspace()
    shutil.rmtree(root / "meetings")
    (root / "meetings").mkdir()
    (root / "meetings" / "2026").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "--lang", "en", "new", "meeting", "ueda", "--kind", "other")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []


# --- 3. text written into scripts is quoted ----------------------------------------------------------

HOSTILE_FOLDER = "data$(id>..HOOKPWN)`id>..PWN2`;id>..PWN3 'q\" x"


def fake_haru(folder: Path) -> Path:
    """A `haru` on PATH that records its arguments (one per line) and succeeds."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "haru"
    script.write_text(f"#!{sys.executable}\nimport sys\nopen({str(folder / 'args')!r}, 'w')"
                      ".write('\\n'.join(sys.argv[1:]))\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


def git_env(path: Path) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{path}{os.pathsep}{os.environ.get('PATH', '')}", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.jp",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.jp"}
    env.pop("HARU_DATA", None)
    return env


def pwned(top: Path) -> list[str]:
    """Files the hostile name would have made, had any part of it run."""
    return sorted(str(p) for p in top.parent.rglob("*") if p.name in ("..HOOKPWN", "..PWN2", "..PWN3"))


@git_needed
def test_hook_install_quotes_the_folder_name(tmp_path: Path, haru: Haru) -> None:
    from tests.helpers import write_workspace

    repo = tmp_path / "repo"
    write_workspace(repo / HOSTILE_FOLDER, {})
    bin_folder = fake_haru(tmp_path / "bin")
    env = git_env(bin_folder)
    subprocess.run(["git", "init", "-q"], cwd=repo, env=env, check=True)
    assert haru("--data", repo / HOSTILE_FOLDER, "hook", "install").exit_code == 0
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    done = subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert pwned(repo) == []
    assert (bin_folder / "args").read_text(encoding="utf-8").splitlines() == [
        "--no-cache", "--data", HOSTILE_FOLDER, "validate", "--staged"]


@git_needed
def test_init_quotes_the_folder_name_in_the_hook_and_the_workflow(tmp_path: Path, haru: Haru,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    assert haru("init", HOSTILE_FOLDER, "--source", "git+https://example.jp/haru.git").exit_code == 0
    config = yaml.safe_load((repo / HOSTILE_FOLDER / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entry = config["repos"][0]["hooks"][0]["entry"]
    assert shlex.split(entry) == ["haru", "--data", HOSTILE_FOLDER, "validate", "--staged"]  # as pre-commit splits it
    workflow = yaml.safe_load((repo / HOSTILE_FOLDER / ".github" / "workflows" / "haru.yml").read_text("utf-8"))
    run = workflow["jobs"]["validate"]["steps"][-1]["run"]
    bin_folder = fake_haru(tmp_path / "bin")
    done = subprocess.run(["bash", "-c", run], cwd=repo, env=git_env(bin_folder), timeout=60)
    assert done.returncode == 0
    assert pwned(repo) == []
    assert (bin_folder / "args").read_text(encoding="utf-8").splitlines() == [
        "--data", HOSTILE_FOLDER, "validate", "--strict"]


@git_needed
def test_a_newline_in_the_folder_name_never_becomes_a_line_of_yaml(tmp_path: Path, haru: Haru,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = "w:\n    runs-on: ubuntu-latest\n    steps:\n      - run: id\n#"
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    assert haru("init", folder, "--source", "git+https://example.jp/haru.git").exit_code == 0
    workflow = yaml.safe_load((repo / folder / ".github" / "workflows" / "haru.yml").read_text("utf-8"))
    assert list(workflow["jobs"]) == ["validate"]  # no job of the name's making
    assert shlex.split(workflow["jobs"]["validate"]["steps"][-1]["run"]) == [
        "haru", "--data", folder, "validate", "--strict"]
    config = yaml.safe_load((repo / folder / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert shlex.split(config["repos"][0]["hooks"][0]["entry"]) == ["haru", "--data", folder, "validate", "--staged"]


@git_needed
def test_a_github_expression_in_the_folder_name_keeps_the_workflow_out(tmp_path: Path, haru: Haru,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    folder = "x${{ github.event.head_commit.message }}"
    result = haru("--lang", "en", "init", folder, "--source", "git+https://example.jp/haru.git")
    assert result.exit_code == 0 and "GitHub would evaluate as an expression" in result.stdout
    assert not (repo / folder / ".github").exists() and (repo / folder / ".pre-commit-config.yaml").is_file()


# --- 4. bounded input ----------------------------------------------------------------------------------


def test_an_integer_of_thousands_of_digits_is_a_range_problem(workspace: WorkspaceFactory, haru: Haru) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                f"value: {{amount: {'9' * 5000}, per: month}}\nfees:\n  customer:\n    rate: 15%\n")
    root = workspace({"contracts/ueda-referral.yaml": contract})
    assert problems(root) == [("contracts/ueda-referral.yaml", 5, "range", "range.digits")]
    for command in (["validate"], ["partner", "list"], ["fees", "calc"]):
        result = haru("--data", root, *command)
        assert result.exit_code in (0, 1) and "internal error" not in result.stderr


def test_twenty_digits_are_still_a_number(workspace: WorkspaceFactory) -> None:
    doc, found = parse_yaml("a: 99999999999999999999\nb: -00000000000000000000000001\nc: 0x" + "f" * 21 + "\n",
                            "x.yaml")
    assert doc is not None and doc.data["a"] == 10**20 - 1 and doc.data["b"] == -1
    assert [(p.line, p.variant) for p in found] == [(3, "range.digits")]


def test_problems_per_file_are_capped_and_counted(workspace: WorkspaceFactory, haru: Haru) -> None:
    keys = "".join(f"k{n}: 1\n" for n in range(5000))
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\n" + keys})
    result = haru("--data", root, "--lang", "en", "validate")
    lines = result.stdout.splitlines()
    assert len(lines) == 102  # a hundred problems, the line that says how many more, the summary
    assert "error[more-problems] ... and 4,900 more problems in this file" in lines[100]
    assert lines[-1] == "5 files checked: 5000 errors, 0 warnings"
    data = json.loads(haru("--data", root, "validate", "--format", "json").stdout)
    assert data["errors"] == 5000 and len(data["problems"]) == 101


def test_a_file_of_millions_of_values_is_refused_at_once(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\naliases: [" + "a," * 1_000_000 + "a]\n"})
    assert problems(root) == [("partners/ueda.yaml", 3, "unreadable", "unreadable.too-many-values")]


def test_text_is_bounded_so_that_output_cannot_multiply_a_file(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A name is shown in every row of its partner's items: a name of megabytes and a few hundred actions
    would make gigabytes of output, from a workspace of a few megabytes."""
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: " + "長" * 501 + "\nnotes: " + "x" * 20_001 + "\n"})
    assert problems(root) == [("partners/ueda.yaml", 2, "range", "range.too-long"),
                              ("partners/ueda.yaml", 3, "range", "range.too-long")]
    result = haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "json")
    assert result.exit_code == 1 and "長" * 501 not in result.stdout  # left out (and its fees said incomplete)


# --- 5. names and characters ------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    with open(os.path.join(os.fsencode(root / "partners"), b"\xff\xfe.yaml"), "w", encoding="utf-8") as handle:
        handle.write("id: x\nname: x\n")
    assert problems(root) == [("partners/\\xff\\xfe.yaml", 1, "file-name", "file-name.encoding")]
    text = haru("--data", root, "validate")
    assert text.exit_code == 1 and "partners/\\xff\\xfe.yaml:1:1: error[file-name]" in text.stdout
    data = json.loads(haru("--data", root, "validate", "--format", "json").stdout)
    assert data["problems"][0]["path"] == "partners/\\xff\\xfe.yaml"
    assert haru("--data", root, "partner", "list").exit_code == 0


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u200b", "\u202e", "\x1b", "\x07", "\ufeff", "\u2066"])
def test_problem_lines_escape_invisible_characters(workspace: WorkspaceFactory, haru: Haru, char: str) -> None:
    root = workspace({"partners/ueda.yaml": f'id: ueda\nname: x\n"ke\\u{ord(char):04x}y": 1\n'})
    result = haru("--data", root, "validate")
    assert char not in result.stdout
    assert f"\\u{ord(char):04x}" in result.stdout or f"\\x{ord(char):02x}" in result.stdout
    assert len(result.stdout.splitlines()) == 2


def test_a_colon_in_a_file_name_keeps_the_problem_line_parsable(workspace: WorkspaceFactory, haru: Haru,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace({"partners/a:1:2.yaml": "id: x\nname: y\n"})
    monkeypatch.chdir(root)
    line = haru("--data", root, "validate").stdout.splitlines()[0]
    assert line.startswith('"partners/a:1:2.yaml":1:5: error[id-filename]')


def test_cr_line_ends_count_lines_like_lf(workspace: WorkspaceFactory) -> None:
    text = "id: ueda\nname: x\ncadence: weekly\nkana: [\n"
    lf = problems(workspace({"partners/ueda.yaml": text}))
    cr = problems(workspace({"partners/ueda.yaml": text.replace("\n", "\r")}))
    assert [p[1] for p in lf] == [p[1] for p in cr] == [4]
    typed = 'id: ueda\nname: x\ncadence: weekly\nsince: nope\nnotes: "a\u2028b"\n'  # LS ends no line
    both = [problems(workspace({"partners/ueda.yaml": typed.replace("\n", end)})) for end in ("\n", "\r", "\r\n")]
    assert both[0] == both[1] == both[2]
    assert [p[1] for p in both[0]] == [3, 4]


# --- 6. the cache is never stale ------------------------------------------------------------------------


def test_chmod_and_a_restored_mtime_are_seen(workspace: WorkspaceFactory) -> None:
    root = aged(workspace())
    partner = root / "partners" / "ueda.yaml"
    before = scan_workspace(root).fingerprint
    partner.chmod(0o600)
    assert scan_workspace(root).fingerprint != before
    load_workspace(root, cache=True)
    time.sleep(0.05)  # file times come from a coarse clock: let it tick past the cache's writing
    info = partner.stat()
    text = partner.read_text(encoding="utf-8")
    partner.write_text(text.replace("kana: ウエダ", "kana: ウエタ"), encoding="utf-8")  # same size
    os.utime(partner, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old time put back
    assert partner.stat().st_size == info.st_size and partner.stat().st_mtime_ns == info.st_mtime_ns
    assert load_workspace(root, cache=True).partners["ueda"].kana == "ウエタ"


# --- 7. CSV is safe to open in a spreadsheet ---------------------------------------------------------


def test_csv_cells_that_look_like_formulas_stay_text(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/evil.yaml": 'id: evil\nname: "=HYPERLINK(\\"http://x\\",\\"y\\")"\ncadence: none\n'
                                            'kana: "@SUM(1)"\n'})
    out = haru("--data", root, "partner", "list", "--format", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert ['=HYPERLINK("http://x","y")'] not in [r[:1] for r in rows]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in [r[0] for r in rows]


def test_money_in_csv_is_a_plain_integer_negative_ones_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    referral = ("id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nkind: student\nclient: x\n"
                "referred: 2026-06-01\nstatus: cancelled\ndeal: {signed: 2026-07-01}\ncancelled: 2026-08-15\n")
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                "fees:\n  student:\n    fixed: 30000\n    clawback: 3m\n")
    root = workspace({"referrals/2026-ueda-001.yaml": referral, "contracts/ueda-referral.yaml": contract})
    out = haru("--data", root, "fees", "calc", "--month", "2026-08", "--format", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1:8] == ["0", "-30000", "0", "0", "0", "0", "2026-09-30"]  # the clawback shows, as a number
    assert rows[1][-1] == "-30000"  # carried forward: a number, not a text that starts with '


# --- 8. leftovers and exit codes -------------------------------------------------------------------------


def test_a_long_id_is_refused_before_any_io(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), "--lang", "en", "new", "partner", "X", "--id", "a" * 300)
    assert result.exit_code == 2 and "is not an id" in result.stderr and "Traceback" not in result.stderr


def test_a_killed_write_leaves_nothing_for_long(tmp_path: Path) -> None:
    leftover = tmp_path / ".ueda.yaml.haru-abc123xy.tmp"
    young = tmp_path / ".other.yaml.haru-zzz999aa.tmp"
    theirs = tmp_path / ".notes.txt.ab12cd34.tmp"  # another program's atomic write: never haru's to remove
    for file in (leftover, young, theirs):
        file.write_text("half", encoding="utf-8")
    old = time.time() - LEFTOVER_AGE - 5
    os.utime(leftover, (old, old))
    os.utime(theirs, (old, old))
    write_new(tmp_path / "new.yaml", "id: new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.ab12cd34.tmp", ".other.yaml.haru-zzz999aa.tmp",
                                                          "new.yaml"]


@git_needed
def test_init_fails_when_git_init_fails(tmp_path: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'fatal: cannot init' >&2\nexit 128\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    result = haru("--lang", "en", "init", tmp_path / "ws")
    assert result.exit_code == 1 and "git init failed: fatal: cannot init" in result.stderr


# --- found by trying it as an attacker (after issue 12's first pass) ------------------------------------


def test_leading_zeros_do_not_make_a_long_integer_a_crash(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"haru.yaml": "fiscal_year_start: " + "0" * 5000 + "4\n",
                      "meetings/2026/2026-11-10-ueda-regular.yaml": "id: 2026-11-10-ueda-regular\npartners: [ueda]\n"
                      "date: 2026-11-10\nminutes: " + "0" * 5000 + "60\n"})
    assert load_workspace(root).problems == []  # 0…04 is 4, as YAML 1.2 reads it
    root = workspace({"haru.yaml": "fiscal_year_start: " + "0" * 5000 + "1" * 30 + "\n"})
    assert [p.variant for p in load_workspace(root).problems] == ["range.digits"]
    assert haru("--data", root, "partner", "list").exit_code == 0


def test_a_folder_named_like_the_cache_file_is_ignored(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = aged(workspace())
    (root / cache.CACHE_FOLDER / cache.CACHE_FILE).mkdir(parents=True)
    (root / cache.CACHE_FOLDER / cache.CACHE_FILE / "x").write_text("x", encoding="utf-8")
    for _ in range(2):
        assert haru("--data", root, "partner", "list").exit_code == 0


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_schema_files_that_are_links_or_pipes_are_never_read(workspace: WorkspaceFactory, haru: Haru,
                                                             kind: str) -> None:
    root = workspace()
    (root / "schemas").mkdir()
    target = root / "schemas" / "partner.schema.json"
    if kind == "link":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    for args in (["init", "--missing", root], ["schema", "--out", root / "schemas"]):
        result = haru("--lang", "en", *args)
        said = "a symbolic link (never followed)" if kind == "link" else "not a regular file"
        assert result.exit_code == 1 and said in result.stderr, result.stderr


@git_needed
def test_hook_install_refuses_a_workspace_laid_out_as_a_git_folder(tmp_path: Path, haru: Haru,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A committed HEAD, objects/, refs/ and a config naming core.hooksPath make the workspace a git folder
    of its own: haru must not write the hook where that config says."""
    from tests.helpers import write_workspace

    outside = tmp_path / "outside-hooks"
    ws = write_workspace(tmp_path / "repo" / "data", {})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "repo", env=git_env(tmp_path), check=True)
    (ws / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (ws / "objects").mkdir()
    (ws / "refs").mkdir()
    (ws / "config").write_text(f"[core]\n\tbare = false\n\tworktree = .\n\thooksPath = {outside}\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    result = haru("--lang", "en", "hook", "install")
    assert result.exit_code == 1 and not outside.exists(), result.stderr
    assert "not a usual .git" in result.stderr or "not inside a git repository" in result.stderr


def test_a_partner_listed_thousands_of_times_is_checked_in_linear_time(workspace: WorkspaceFactory) -> None:
    partners = ", ".join(f"p{n}" for n in range(15_000))
    root = workspace({"meetings/2026/m.yaml": f"id: m\npartners: [{partners}, p1]\ndate: 2026-01-01\n"})
    problems = load_workspace(root).problems
    assert {p.code for p in problems} == {"ref-partner", "more-problems"}


def test_a_renewal_term_of_a_day_or_two_is_refused(workspace: WorkspaceFactory) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2020-01-01\nend: 2020-01-01\n"
                "auto_renew: true\nterm: 1d\nfees:\n  customer:\n    rate: 15%\n")
    assert [(p.code, p.variant) for p in load_workspace(workspace({"contracts/ueda-referral.yaml": contract})).problems
            ] == [("auto-renew-term", "auto-renew-term.short")]


@pytest.mark.parametrize("cell", [" =1+1", "＝1+1", "\u200b=1+1", "\u3000@SUM(A1)", "-1", "+1"])
def test_formulas_behind_spaces_and_look_alikes_are_quoted_too(cell: str) -> None:
    from haru_cli.render.formats import csv_cell

    assert csv_cell(cell) == "'" + visible(cell)  # a zero-width space shown as \u200b


def test_json_escapes_bidi_zero_width_and_lone_surrogates() -> None:
    from haru_cli.render.formats import json_text

    text = json_text({"name": "a\u202eb\u200bc\ud800"})
    assert "\u202e" not in text and "\u200b" not in text and "\\u202e" in text
    text.encode("utf-8")
    assert json.loads(text) == {"name": "a\u202eb\u200bc\ud800"}
