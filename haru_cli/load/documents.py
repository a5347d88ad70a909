"""Files that records point at (a contract's `document:`), checked where they are: never read, and never
looked for outside the workspace. Checked on every `haru validate`, not kept in the parse cache (a PDF
added since would otherwise still be reported missing)."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from haru_cli.records.dataset import Dataset
from haru_cli.records.problems import Problem, warning
from haru_cli.records.registry import CONTRACT


def document_problems(ds: Dataset) -> list[Problem]:
    """A warning for each contract whose `document:` is not a file of the workspace."""
    found = []
    for c in ds.contracts.values():
        if not c.document:
            continue
        target = PurePosixPath(c.document.replace("\\\\", "/"))
        if target.is_absolute() or ".." in target.parts or ":" in target.parts[0]:
            variant = "document.outside"
        elif not os.path.lexists(ds.root / target):
            variant = "document.missing"
        else:
            continue
        from haru_cli.load.yamlio import read_document  # PyYAML only when there is a line to point at

        path = ds.path_of(CONTRACT, c.id)
        doc, _ = read_document(ds.root / path, path)
        mark = doc.mark(("document",)) if doc is not None else (1, 1)
        found.append(warning(path, mark, "document", variant, document=c.document))
    return found
