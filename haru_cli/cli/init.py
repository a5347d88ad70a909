"""haru init — a new workspace and data repository: folders, settings, hooks, CI, schemas, git."""

import json
import shlex
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Annotated, Literal

import typer

from haru_cli.cli.context import Failure, state_of
from haru_cli.cli.git import git_command, git_environment, git_top
from haru_cli.escape import visible
from haru_cli.i18n import Translator, file_text


def init(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(metavar="DIR")] = ".",
    company: Annotated[str, typer.Option("--company")] = "株式会社HaRu",
    locale: Annotated[Literal["ja", "en"], typer.Option("--locale")] = "ja",
    source: Annotated[str | None, typer.Option("--source", metavar="URL")] = None,
    missing: Annotated[bool, typer.Option("--missing")] = False,
    git_config: Annotated[bool, typer.Option("--git-config")] = False,
    digest: Annotated[Literal["slack", "chatwork"] | None, typer.Option("--digest")] = None,
) -> None:
    from haru_cli.cli.output import write_file
    from haru_cli.cli.schema import write_schemas
    from haru_cli.records.registry import TYPES
    from haru_cli.write import init_files

    t = Translator(state_of(ctx).language())
    if not directory.strip():
        raise typer.BadParameter(t("cli.bad.folder"), param_hint="'" + t("metavar.declared.DIR") + "'")
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise Failure(t("cli.workspace.not-folder", path=str(folder)))
    existing = next((f for f in (folder / "haru.yaml", folder / "data" / "haru.yaml") if f.exists()), None)
    if existing is not None and git_config and not missing:  # an existing clone: its merge driver, nothing else
        typer.echo(configure_merge_driver(folder, t))
        if not (existing.parent / ".gitattributes").exists():
            typer.echo(t("cli.init.no_gitattributes", folder=shlex.quote(str(existing.parent))))
        return
    if existing is not None and not missing:
        raise Failure(t("cli.init.exists", path=str(existing.parent)))
    folder.mkdir(parents=True, exist_ok=True)
    top = git_top(folder)
    # pre-commit and CI run at the repository's top: from there, the workspace is --data <its folder>.
    inner = folder.resolve().relative_to(top.resolve()).as_posix() if top else "."
    # The folder name goes into a command line that pre-commit splits and CI's shell runs: quoted for the
    # shell, then for YAML, so that no name can run a command (SPEC §14).
    words = ["haru", "validate"] if inner == "." else ["haru", "--data", inner, "validate"]
    install = source or installed_from()
    files = {
        "haru.yaml": file_text("file.haru_yaml", locale, company=_yaml_text(company), locale=locale),
        ".gitignore": init_files.GITIGNORE,
        ".gitattributes": init_files.GITATTRIBUTES,
        ".pre-commit-config.yaml": init_files.PRE_COMMIT.format(command=_yaml_text(shlex.join([*words, "--staged"]))),
        "README.md": file_text("file.readme", locale, company=company),
        **{f"{kind.folder}/.gitkeep": "" for kind in TYPES},
    }
    ci_command = shlex.join([*words, "--strict"])
    # GitHub evaluates ${{ … }} anywhere in a workflow, before any shell quoting: such a name stays out.
    expression = install is not None and "${{" in install + ci_command
    if install is not None and not expression:  # without a place to install haru from, it could only fail
        files[".github/workflows/haru.yml"] = init_files.WORKFLOW.format(
            source=_yaml_text(install), command=_yaml_text(ci_command))
        if digest is not None:
            post = shlex.join([*words[:-1], "digest", "--post", digest])  # quoted for the shell, then for YAML
            files[".github/workflows/haru-digest.yml"] = init_files.DIGEST_WORKFLOW.format(
                source=_yaml_text(install), command=_yaml_text(post), secrets=init_files.digest_secrets(digest))
    for name, content in files.items():
        target = folder / name
        if target.exists():
            typer.echo(t("cli.init.kept", path=str(target)))
            continue
        write_file(target, content, t, within=folder)
        typer.echo(visible(str(target), one_line=True))
    for line in write_schemas(folder / "schemas", t, keep_outdated=missing, within=folder):
        typer.echo(line)
    typer.echo(_git_init(folder, top, t))
    if git_config:
        typer.echo(configure_merge_driver(folder, t))
    if digest is not None and ".github/workflows/haru-digest.yml" in files:
        names = ", ".join(init_files.DIGEST_SECRETS[digest])
        typer.echo(t("cli.init.digest_secrets", names=names))
    if install is None:
        typer.echo(t("cli.init.no_workflow"))
    elif expression:
        typer.echo(t("cli.init.workflow_expression"))
    typer.echo(t("cli.init.next", folder=shlex.quote(str(folder))))
    if top is not None and inner != ".":  # a line of its own: a message's parameters never carry a newline
        typer.echo(t("cli.init.next_move", top=str(top)))


def installed_from() -> str | None:
    """Where this haru was installed from, if CI can install it from there too: a git URL (at the commit
    installed), as pip records it (PEP 610). A local folder or an unknown source gives none."""
    try:
        recorded = metadata.distribution("haru-cli").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    try:
        found = json.loads(recorded)
    except ValueError:
        return None
    vcs = found.get("vcs_info") if isinstance(found, dict) else None
    url = found.get("url") if isinstance(found, dict) else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and isinstance(url, str) and not url.startswith("file:"):
        commit = vcs.get("commit_id")
        return f"git+{url}@{commit}" if isinstance(commit, str) else f"git+{url}"
    return None


def _yaml_text(value: str) -> str:
    """One YAML scalar on one line (a newline in a folder name is an escape, never a line of the file)."""
    from haru_cli.write.yamltext import scalar_text

    return scalar_text(value)


def merge_driver_command() -> str:
    """The command git runs to merge a record: this haru's own program, by its full path where it has one
    (a virtual environment's), so that a merge does not depend on PATH; never `python -m`, which would
    import a `haru_cli` folder of the repository git runs it in (SPEC §14). Quoted for git's shell."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "haru"
    program = str(beside) if beside.is_file() else shutil.which("haru") or "haru"
    return f"{shlex.quote(program)} merge-driver %O %A %B %P"


def configure_merge_driver(folder: Path, t: Translator) -> str:
    """`merge.haru.name` and `merge.haru.driver` in the .git/config of the clone the folder is in (SPEC §18)."""
    if git_top(folder) is None:
        raise Failure(t("cli.git.not_a_repository", path=str(folder)))
    command = merge_driver_command()
    for key, value in (("merge.haru.name", t("cli.init.driver_name")), ("merge.haru.driver", command)):
        line = git_command("config", "--local", key, value)
        if line is None:
            raise Failure(t("cli.init.no_git"))
        done = subprocess.run(line, cwd=folder, capture_output=True, text=True, env=git_environment(),
                              stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise Failure(t("cli.init.git_config_failed", reason=done.stderr.strip()))
    return t("cli.init.git_configured", command=command)


def _git_init(folder: Path, top: Path | None, t: Translator) -> str:
    """`git init` unless the folder is already inside a git repository (or git is not installed)."""
    command = git_command("init", "-q")
    if command is None:
        return t("cli.init.no_git")
    if top is not None and top.resolve() == folder.resolve():
        return t("cli.init.already_git")
    if top is not None:
        return t("cli.init.inside_git", top=str(top))
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=git_environment(),
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:  # the workspace is written, but the repository the user asked for is not
        raise Failure(t("cli.init.git_failed", reason=done.stderr.strip()))
    return visible(f"git init {folder}", one_line=True)
