"""Help and click's own messages in the workspace's language (cli/localize.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Haru, WorkspaceFactory


def test_click_s_own_errors_and_help_are_in_japanese_by_default(workspace: WorkspaceFactory, haru: Haru) -> None:
    missing = haru("--data", workspace(), "fees", "journal")  # --to is required (--month defaults, SPEC §16)
    assert missing.exit_code == 2 and "エラー: オプション '--to' が必要です" in missing.stderr
    assert missing.stderr.startswith("使い方: haru fees journal")
    unknown = haru("--data", workspace(), "validate", "--strictt")
    assert unknown.exit_code == 2 and "オプション --strictt はありません" in unknown.stderr
    english = haru("--data", workspace(), "--lang", "en", "validate", "--strictt")
    assert "Error: No such option: --strictt" in english.stderr
    en_workspace = workspace({"haru.yaml": "locale: en\n"})
    assert "Usage:" in haru("--data", en_workspace, "validate", "--help").stdout  # the workspace's locale


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


# --- no English in Japanese help (SPEC §16) -------------------------------------------------------------

def help_pages(lang: str) -> dict[str, str]:
    """Every help page — haru's, every group's and every command's — by its command path."""
    import typer.main
    from typer._click.core import Context
    from typer.testing import CliRunner

    from haru_cli.cli import app

    def paths(command: Any, path: list[str]) -> list[list[str]]:
        found = [path]
        if hasattr(command, "list_commands"):
            with Context(command) as context:
                for name in command.list_commands(context):
                    found += paths(command.get_command(context, name), [*path, name])
        return found

    runner = CliRunner(env={"COLUMNS": "80", "HARU_DATA": None, "HARU_TODAY": None})
    pages = {}
    for path in paths(typer.main.get_command(app), []):
        result = runner.invoke(app, ["--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        pages[" ".join(["haru", *path])] = result.stdout
    return pages


def code_names() -> set[str]:
    """What a Japanese help page may write in latin letters because it is code: command names, the values of
    every fixed list (the records' and the options'), the keys of the records and of haru.yaml."""
    import dataclasses

    import typer.main
    from typer._click.core import Context

    from haru_cli.cli import app
    from haru_cli.records import models
    from haru_cli.records.labels import GROUPS, codes_of

    names: set[str] = {code for literal, _ in GROUPS for code in codes_of(literal)}

    def walk(command: Any) -> None:
        for param in command.params:
            names.update(str(c) for c in getattr(param.type, "choices", None) or ())
            names.update(getattr(param.type, "codes", ()))
        if hasattr(command, "list_commands"):
            with Context(command) as context:
                for name in command.list_commands(context):
                    names.add(name)
                    walk(command.get_command(context, name))

    walk(typer.main.get_command(app))
    for model in vars(models).values():
        if isinstance(model, type) and dataclasses.is_dataclass(model):
            names.update(f.name for f in dataclasses.fields(model))
    return names


# Words of no language but the trade's, written so in Japanese too (JSON, git, 生成AI): the test below finds
# each of them on some page, and nothing else, so that the list names nothing that is not said.
TRADE_WORDS = {"haru", "HaRu", "YAML", "JSON", "Schema", "CSV", "UTF", "BOM", "Markdown", "Jinja", "git",
               "iCalendar", "AI", "CI", "Web", "README", "PMO", "URL", "MCP", "Slack", "Chatwork"}
_CODE_SPANS = re.compile(r"`[^`]*`")  # `haru validate`, `path:line:column: …` (written as code)
_OPTIONS = re.compile(r"(?<![\w-])--id\s+\S+|(?<![\w-])--?[a-z][a-z0-9-]*")  # an --id's value is one too
_URLS = re.compile(r"https?://\S+")
_FILES = re.compile(r"[\w<>*\-.]*(?:/[\w<>*\-.]*)+|[\w<>*\-]*\.[A-Za-z][\w.\-]*")  # haru.yaml, certificates/<年>/
_IDS = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # 2026-11-10-ueda-regular in an example
_PLACEHOLDERS = re.compile(r"\bYYYY(?:-MM(?:-DD)?|Qn)?\b|\bN{3,}\b|\$?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\$EDITOR")


def english_words(page: str, allowed: set[str]) -> list[str]:
    """The latin words of a page that are not code (a key such as auto_renew is one word; one with a digit, a1 or
    2026Q3, is an id)."""
    page = re.sub(r"-\n\s*", "-", page)  # pre-commit, wrapped at its hyphen
    for pattern in (_CODE_SPANS, _URLS, _OPTIONS, _FILES, _IDS, _PLACEHOLDERS):
        page = pattern.sub(" ", page)
    words = re.findall(r"[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*", page)
    return [word for word in words if len(word) > 1 and not re.search(r"[0-9]", word) and word not in allowed]


def test_no_help_page_says_a_word_of_english_in_japanese() -> None:
    """SPEC §16: usage lines, metavars, ranges, defaults, environment variables and texts of every help page
    are Japanese; latin letters only for code (command and option names, values, keys, files, ids) and the
    trade's own words."""
    pages = help_pages("ja")
    found = {path: words for path, page in pages.items() if (words := english_words(page, code_names()))}
    assert {path: [w for w in words if w not in TRADE_WORDS] for path, words in found.items()} == {
        path: [] for path in found}
    assert {word for words in found.values() for word in words} == TRADE_WORDS
    assert [path for path, page in pages.items() if re.search(r"[<>]=|\bx[<>]", page)] == []  # 1<=x<=99: 1〜99


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_group_lists_every_command_with_its_first_sentence_whole(lang: str) -> None:
    """No help line is cut: not at a dot inside a file name (`haru.yaml`), nor at 45 characters, nor to `...`
    (school certify's text once was nothing but that)."""
    from haru_cli.cli.localize import first_sentence
    from haru_cli.i18n import text

    pages = help_pages(lang)
    for path, page in pages.items():
        listing = page.split("コマンド:\n" if lang == "ja" else "Commands:\n", 1)
        if len(listing) == 1:
            continue
        rows = re.findall(r"^  (\S+) +(.*(?:\n {4,}\S.*)*)", listing[1], flags=re.MULTILINE)
        assert rows, path
        for name, short in rows:
            said = " ".join(short.split())
            whole = first_sentence(text("help." + ".".join([*path.split()[1:], name]), lang))
            assert said.replace(" ", "") == whole.replace(" ", ""), (path, name)  # wrapped, not cut
            assert not said.endswith("..."), (path, name)
    if lang == "ja":
        assert "serve         同じページを http://127.0.0.1:<ポート>/" in pages["haru"]  # beside merge-driver


def test_first_sentence_ends_at_a_full_stop_outside_parentheses() -> None:
    from haru_cli.cli.localize import first_sentence

    assert first_sentence("コメント付き haru.yaml、.gitignore を作ります。既にあるものは上書きしません。") == (
        "コメント付き haru.yaml、.gitignore を作ります。")
    assert first_sentence("表示します（読み取り専用。読み直します）。\n\n例: haru serve") == (
        "表示します（読み取り専用。読み直します）。")
    assert first_sentence("Create haru.yaml and .gitignore. Nothing is overwritten.") == (
        "Create haru.yaml and .gitignore.")
    assert first_sentence("No full stop at all") == "No full stop at all"


def test_the_walk_finds_english_where_there_is_some() -> None:
    """The test above can fail: Click's own words and a type's metavar are English words to it."""
    allowed = code_names() | TRADE_WORDS
    assert english_words("  --minutes <int range>  時間。  [env var: HARU_MINUTES; required]", allowed) == [
        "int", "range", "env", "var", "required"]
    assert english_words("使い方: haru new meeting [OPTIONS] {QUERY...}", allowed) == ["OPTIONS", "QUERY"]
    assert english_words("例: haru edit 2026-11-10-ueda-regular（haru.yaml の cadence: monthly）", allowed) == []
    assert english_words("auto_renew（自動更新） は auto renew ではありません", allowed) == ["auto", "renew"]


def test_click_s_value_errors_are_japanese(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()

    def said(*args: str) -> tuple[int, str]:
        result = haru("--data", root, *args)
        return result.exit_code, result.stderr.splitlines()[-1]

    assert said("new", "meeting", "ウエダ", "--kind", "定例会", "--satisfaction", "とても") == (
        2, "エラー: '--satisfaction' の値が正しくありません: 'とても' は整数ではありません")
    assert said("action", "done", "ウエダ", "0") == (
        2, "エラー: '番号' の値が正しくありません: 0 は範囲外です（1 以上）")
    assert said("serve", "--port", "70000") == (
        2, "エラー: '--port' の値が正しくありません: 70000 は範囲外です（1〜65535）")
    assert said("validate", "--strict=yes") == (2, "エラー: オプション '--strict' は値をとりません")
    assert said("school", "evaluate", "伊藤") == (2, "エラー: 引数 '課題' が必要です")


def test_help_says_what_each_option_takes_in_japanese(haru: Haru) -> None:
    """Metavars, [required], ranges, defaults and environment variables: `<str>`, `<int range>`,
    `[1<=x<=99999999999999999999; required]` and `[env var: HARU_DATA]` were English."""
    root = haru("--help").stdout
    assert "使い方: haru [オプション] コマンド [引数]..." in root
    assert ("  --data フォルダ     ワークスペースのフォルダ（既定: 上方向で最も近い\n"
            "                      haru.yaml）。  [環境変数 HARU_DATA]\n"
            "  --today YYYY-MM-DD  この日を今日として扱います。  [環境変数 HARU_TODAY]\n") in root
    pay = haru("fees", "pay", "--help").stdout
    assert "使い方: haru fees pay [オプション] {パートナー}" in pay
    assert "  --amount 金額" in pay and "[必須]" in pay
    assert "[既定: 8765、1〜65535]" in haru("serve", "--help").stdout
    assert "[0 以上]" in haru("referral", "won", "--help").stdout  # a bound of twenty digits is no bound to tell
    english = haru("--lang", "en", "serve", "--help").stdout
    assert "--port PORT" in english and "[default: 8765; 1<=x<=65535]" in english


def test_japanese_help_is_wrapped_by_its_width_and_by_kinsoku() -> None:
    """Click wraps at spaces only and counts a wide character as one column: Japanese lines ran twice the
    width, and a long run was broken anywhere — inside `status` of a sentence, or a path."""
    from haru_cli.cli.localize import _wrapped
    from haru_cli.render.layout import width_of

    said = ("修了の条件を満たした受講生の修了証を記録し（certificates/<年>/haru-<年>-<番号>.yaml）、受講生を修了"
            "（status: completed）にして、修了証を出力します。")
    for width in range(20, 80):
        lines = _wrapped(said, width)
        assert "".join(lines).replace(" ", "") == said.replace(" ", ""), width  # nothing lost
        assert all(width_of(line) <= width for line in lines), width
        if width >= 45:  # the path, its parentheses and 、 fit on a line: it is never broken, nor a mark cut off
            assert any("（certificates/<年>/haru-<年>-<番号>.yaml）、" in line for line in lines), width
            assert not any(line[0] in "、。）」" or line[-1] in "（「" for line in lines), (width, lines)
        assert any("status:" in line for line in lines) and any("completed）" in line for line in lines)
    assert _wrapped("Plain English text, wrapped as Click wraps it.", 20) == [
        "Plain English text,", "wrapped as Click", "wraps it."]


def test_a_command_s_own_usage_words_are_said_in_the_language_too() -> None:
    """A command may write its own [OPTIONS] part (sourcing score's `[--CRITERION N]...`): its words are the
    catalogue's, and the same command said in English again is as it was written."""
    from typer.core import TyperCommand

    from haru_cli.cli.localize import localize

    command = TyperCommand("score", options_metavar="[OPTIONS] [--CRITERION N]...")
    localize(command, "ja", ["sourcing", "score"])
    assert command.options_metavar == "[オプション] [--基準 N]..."
    localize(command, "en", ["sourcing", "score"])
    assert command.options_metavar == "[OPTIONS] [--CRITERION N]..."


def test_an_extra_argument_is_said_in_japanese(haru: Haru, workspace: WorkspaceFactory) -> None:
    result = haru("--data", workspace(), "partner", "show", "ウエダ", "余分")
    assert result.exit_code == 2 and "余分な引数があります（余分）" in result.stderr
