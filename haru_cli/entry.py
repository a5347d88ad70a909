"""The `haru` command's entry point: `haru --version` answers before the CLI is even imported."""

import gc
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from haru_cli import __version__

        print(f"haru {__version__}")
        return
    from haru_cli.cli import main as run

    try:
        run()
    finally:
        # Python's last garbage collections at exit walk every object still tracked, Typer's and Rich's
        # too (~10 ms of `haru --help`), though nothing needs collecting when the process ends. atexit
        # handlers still run, and every file haru writes is closed by its own `with`: only the __del__ of
        # cyclic garbage is skipped, which Python does not promise at exit anyway.
        gc.freeze()
