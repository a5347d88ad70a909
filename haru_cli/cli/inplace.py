"""Reading a record that a command rewrites (`haru edit`, `action done`, `time log` …): only a regular file
of at most 4 MB that is UTF-8 text (SPEC §14: a record that cannot be read whole is never replaced; what
haru could not read it would write back as `�`)."""

from __future__ import annotations

from haru_cli.cli.context import Run


def read_record(run: Run, path: str) -> tuple[bytes, str]:
    """The bytes of the record's file and its text (a BOM kept); a refusal naming the file and why."""
    from haru_cli.files import MAX_FILE_BYTES, NotRegular, TooLarge, read_regular
    from haru_cli.load.yamlio import decode

    try:
        was = read_regular(run.ds.root / path)
    except NotRegular as exc:
        run.fail("cli.change.link" if exc.variant == "file-name.symlink" else "cli.change.not_regular", path=path)
    except TooLarge:
        run.fail("cli.change.too_large", path=path, limit=MAX_FILE_BYTES // 2**20)
    except OSError as exc:
        run.fail("cli.change.unreadable", path=path, reason=exc.strerror or str(exc))
    text, problems = decode(was, path)
    if text is None:
        guess = problems[0].params.get("guess") if problems else None
        if guess in ("Shift_JIS", "EUC-JP", "UTF-16"):
            run.fail("cli.change.encoding", path=path, encoding=guess)
        run.fail("cli.change.not_text", path=path)
    return was, was.decode("utf-8")
