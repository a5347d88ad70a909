"""The command context (cli/context.py): the progress shown while a workspace loads, what a broken haru.yaml says."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_progress_shows_only_for_a_person_and_only_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from haru_cli.cli import context

    with context._progress() as report:  # piped (pytest captures): nothing at all
        assert report is None
    import rich.progress

    clock = itertools.count(0.0, 0.75)  # every reading of the clock is 0.75 s later (Rich reads it too)
    monkeypatch.setattr(context.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    shown: list[int | float] = []

    class Bar(rich.progress.Progress):
        def update(self, task_id: rich.progress.TaskID, **fields: object) -> None:  # type: ignore[override]
            shown.append(fields["completed"])  # type: ignore[arg-type]
            super().update(task_id, **fields)  # type: ignore[arg-type]

    monkeypatch.setattr(rich.progress, "Progress", Bar)
    with context._progress() as report:
        assert report is not None
        report(500, 2000)  # 0.75 s: too early for a bar
        assert shown == []
        report(1000, 2000)  # 1.5 s: the bar starts
        report(1500, 2000)
    assert shown == [1000, 1500]
    with context._progress(for_a_person=False) as report:  # json, csv, md or ics on a terminal: nothing
        assert report is None


@pytest.mark.parametrize(("args", "for_a_person"), [
    (["partner", "list"], True), (["partner", "list", "--format", "json"], False), (["validate"], True),
    (["validate", "--format", "json"], False), (["upcoming", "--format", "ics"], False), (["report", "monthly"], True),
])
def test_progress_is_for_output_a_person_reads(workspace: WorkspaceFactory, haru: Haru, args: list[str],
                                               for_a_person: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import contextmanager

    from haru_cli.cli import context

    asked: list[bool] = []

    @contextmanager
    def progress(person: bool = True) -> Iterator[None]:
        asked.append(person)
        yield None

    monkeypatch.setattr(context, "_progress", progress)
    assert haru("--data", workspace(), *args).exit_code == 0
    assert asked == [for_a_person]


def test_a_mistake_in_haru_yaml_is_named_by_every_command_before_the_defaults_stand_in(
        workspace: WorkspaceFactory, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong type in bank: said only 'haru.yaml has errors': now where, and what."""
    root = workspace({"haru.yaml": "company: テスト株式会社\nbank:\n  bank: \"0001\"\n  branch: \"001\"\n"
                                   "  type: futsu\n  number: \"0000001\"\n  holder: カ）テスト\n"})
    monkeypatch.chdir(root)
    result = haru("partner", "list")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "haru.yaml:5:9: error[enum] bank.type: 'futsu' は使えません（次のいずれか: 'ordinary', 'current', 'savings'）",
        "haru.yaml に誤りがあるため既定値を使います — haru validate で確認してください",
    ]
    assert haru("partner", "list", "--format", "json").stderr == result.stderr  # JSON on stdout, the same said
