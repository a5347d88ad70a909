"""haru init — a new workspace and data repository: folders, settings, hooks, CI, schemas, git."""

import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, say, state_of


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The folder to make a workspace of (created if missing).")]
    = Path("."),
    company: Annotated[str, typer.Option("--company", help="The company name in haru.yaml.")] = "株式会社HaRu",
    locale: Annotated[str, typer.Option("--locale", help="ja or en.")] = "ja",
    missing: Annotated[bool, typer.Option("--missing", help="In an existing workspace, add only what is missing.")]
    = False,
) -> None:
    """Create a workspace: partners/ contracts/ meetings/ referrals/, a commented haru.yaml, .gitignore,
    a pre-commit hook running haru validate, a CI workflow, JSON schemas, a README, and `git init`.
    Nothing that exists is ever overwritten.

    Example: haru init partners-data
    """
    from haru_cli import init_files
    from haru_cli.cli.output import write_file
    from haru_cli.cli.schema import write_schemas

    lang = state_of(ctx).language()
    if directory.exists() and not directory.is_dir():
        raise Failure(say(lang, f"{directory} is a file, not a folder", f"{directory} はフォルダではなくファイルです"))
    if (directory / "haru.yaml").exists() and not missing:
        raise Failure(say(lang, f"{directory} already holds a workspace; use --missing to add only what is missing",
                          f"{directory} は既にワークスペースです。足りないものだけ加えるには --missing を"
                          "付けてください"))
    if locale not in ("ja", "en"):
        raise typer.BadParameter("use ja or en", param_hint="--locale")
    files = {
        "haru.yaml": init_files.HARU_YAML.format(company=_yaml_text(company), locale=locale),
        ".gitignore": init_files.GITIGNORE,
        ".pre-commit-config.yaml": init_files.PRE_COMMIT,
        ".github/workflows/haru.yml": init_files.WORKFLOW,
        "README.md": init_files.README.format(company=company),
        **{f"{folder}/.gitkeep": "" for folder in init_files.FOLDERS},
    }
    for name, text in files.items():
        target = directory / name
        if target.exists():
            typer.echo(say(lang, f"kept {target} (exists)", f"{target} は既にあるため残しました"))
            continue
        write_file(target, text, lang)
        typer.echo(str(target))
    for line in write_schemas(directory / "schemas", lang, keep_outdated=missing):
        typer.echo(line)
    typer.echo(_git_init(directory, lang))


def _yaml_text(text: str) -> str:
    from haru_cli.yamlio import dump_yaml

    return dump_yaml({"company": text}).removeprefix("company: ").rstrip("\n")


def _git_init(directory: Path, lang: str) -> str:
    """`git init` unless the folder is already inside a git repository (or git is not installed)."""
    git = shutil.which("git")
    if git is None:
        return say(lang, "git is not installed: no repository created", "git がないためリポジトリは作成していません")
    inside = subprocess.run([git, "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True, text=True)
    if inside.returncode == 0:
        top = Path(inside.stdout.strip())
        if top.resolve() == directory.resolve():
            return say(lang, "already a git repository", "既に git リポジトリです")
        # pre-commit and CI read their configuration at the repository's top only.
        return say(lang, f"inside the git repository {top}: move .pre-commit-config.yaml and .github/ there "
                         "(or merge them into its own) for the hook and the CI check to run",
                   f"git リポジトリ {top} の中です。フックと CI を有効にするには .pre-commit-config.yaml と "
                   ".github/ をそのトップへ移す（または既存のものに統合する）必要があります")
    done = subprocess.run([git, "init", "-q"], cwd=directory, capture_output=True, text=True)
    if done.returncode != 0:
        return say(lang, f"git init failed: {done.stderr.strip()}", f"git init に失敗しました: {done.stderr.strip()}")
    return f"git init {directory}"
