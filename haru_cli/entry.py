"""The `haru` command's entry point: `haru --version` answers before the CLI is even imported."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from haru_cli import __version__

        print(f"haru {__version__}")
        return
    from haru_cli.cli import main as run

    run()
