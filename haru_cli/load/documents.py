"""Files that records point at (a contract's `document:`), checked where they are: never read, and never
looked for outside the workspace. Checked on every `haru validate`, not kept in the parse cache (a PDF
added since would otherwise still be reported missing)."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from haru_cli.records.dataset import Dataset
from haru_cli.records.problems import Problem, warning
from haru_cli.records.registry import CONTRACT


def _is_file(path: Path) -> bool:
    """Whether a file (or a link, which is not followed) is there: a folder is no document."""
    try:
        return not stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def document_problems(ds: Dataset) -> list[Problem]:
    """A warning for each contract whose `document:` is not a file of the workspace."""
    found = []
    for c in ds.contracts.values():
        if not c.document:
            continue
        target = PurePosixPath(c.document.replace("\\", "/"))  # a path written on Windows: docs\a.pdf
        if target.is_absolute() or ".." in target.parts or (target.parts and ":" in target.parts[0]):
            variant = "document.outside"
        elif not target.parts or not _is_file(ds.root / target):
            variant = "document.missing"
        else:
            continue
        from haru_cli.load.yamlio import read_document  # PyYAML only when there is a line to point at

        path = ds.path_of(CONTRACT, c.id)
        doc, _ = read_document(ds.root / path, path)
        mark = doc.mark(("document",)) if doc is not None else (1, 1)
        found.append(warning(path, mark, "document", variant, document=c.document))
    return found
