"""haru init — a new workspace and data repository: folders, settings, hooks, CI, schemas, git."""

import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, say, state_of


def init(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(metavar="DIR", help="The folder to make a workspace of (created if "
                                                                 "missing).")] = ".",
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
    from haru_cli.cli.output import write_file
    from haru_cli.cli.schema import write_schemas
    from haru_cli.write import init_files

    lang = state_of(ctx).language()
    if not directory.strip():
        raise typer.BadParameter("give a folder (. for this one)", param_hint="DIR")
    if locale not in ("ja", "en"):
        raise typer.BadParameter("use ja or en", param_hint="--locale")
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise Failure(say(lang, f"{folder} is a file, not a folder", f"{folder} はフォルダではなくファイルです"))
    existing = next((f for f in (folder / "haru.yaml", folder / "data" / "haru.yaml") if f.exists()), None)
    if existing is not None and not missing:
        raise Failure(say(lang, f"{existing.parent} already holds a workspace; use --missing to add only what is "
                                "missing", f"{existing.parent} は既にワークスペースです。足りないものだけ加えるには "
                                           "--missing を付けてください"))
    folder.mkdir(parents=True, exist_ok=True)
    top = _git_top(folder)
    # pre-commit and CI run at the repository's top: from there, the workspace is --data <its folder>.
    inner = folder.resolve().relative_to(top.resolve()).as_posix() if top else "."
    # The folder name goes into a command line that pre-commit splits and CI's shell runs: quoted for the
    # shell, then for YAML, so that no name can run a command (SPEC §14).
    command = shlex.join(["haru", "validate"] if inner == "." else ["haru", "--data", inner, "validate"])
    english = locale == "en"
    files = {
        "haru.yaml": (init_files.HARU_YAML_EN if english else init_files.HARU_YAML).format(
            company=_yaml_text(company), locale=locale),
        ".gitignore": init_files.GITIGNORE,
        ".pre-commit-config.yaml": init_files.PRE_COMMIT.format(command=_yaml_text(command)),
        ".github/workflows/haru.yml": init_files.WORKFLOW.format(command=_yaml_text(f"{command} --strict")),
        "README.md": (init_files.README_EN if english else init_files.README).format(company=company),
        **{f"{name}/.gitkeep": "" for name in init_files.FOLDERS},
    }
    for name, text in files.items():
        target = folder / name
        if target.exists():
            typer.echo(say(lang, f"kept {target} (exists)", f"{target} は既にあるため残しました"))
            continue
        write_file(target, text, lang, within=folder)
        typer.echo(str(target))
    for line in write_schemas(folder / "schemas", lang, keep_outdated=missing, within=folder):
        typer.echo(line)
    typer.echo(_git_init(folder, top, lang))


def _yaml_text(text: str) -> str:
    from haru_cli.load.yamlio import dump_yaml

    return dump_yaml({"company": text}).removeprefix("company: ").rstrip("\n")


def _git_top(folder: Path) -> Path | None:
    """The top of the git repository the folder is in, if any (and if git is installed)."""
    git = shutil.which("git")
    if git is None:
        return None
    found = subprocess.run([git, "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True)
    return Path(found.stdout.strip()) if found.returncode == 0 else None


def _git_init(folder: Path, top: Path | None, lang: str) -> str:
    """`git init` unless the folder is already inside a git repository (or git is not installed)."""
    git = shutil.which("git")
    if git is None:
        return say(lang, "git is not installed: no repository created", "git がないためリポジトリは作成していません")
    if top is not None and top.resolve() == folder.resolve():
        return say(lang, "already a git repository", "既に git リポジトリです")
    if top is not None:
        return say(lang, f"inside the git repository {top}: move .pre-commit-config.yaml and .github/ to its top "
                         "(or merge them into its own) for the hook and the CI check to run",
                   f"git リポジトリ {top} の中です。フックと CI を有効にするには .pre-commit-config.yaml と "
                   ".github/ をそのトップへ移して（または既存のものに統合して）ください")
    done = subprocess.run([git, "init", "-q"], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:  # the workspace is written, but the repository the user asked for is not
        raise Failure(say(lang, f"git init failed: {done.stderr.strip()}",
                          f"git init に失敗しました: {done.stderr.strip()}"))
    return f"git init {folder}"
