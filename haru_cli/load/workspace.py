"""Which workspace a command works on (SPEC §2): --data, else HARU_DATA, else the nearest one upwards."""

from __future__ import annotations

from pathlib import Path

SETTINGS_FILE = "haru.yaml"


class WorkspaceNotFound(Exception):
    """No workspace where one was asked for or looked for."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(f"{reason}: {path}")
        self.reason = reason  # "no-folder" | "not-folder" | "no-settings" | "none-found"
        self.path = path


def find_workspace(explicit: Path | None, start: Path) -> Path:
    """The workspace folder: explicit (from --data or HARU_DATA; it or its data/ holds haru.yaml) or the
    nearest from start upwards that holds haru.yaml or data/haru.yaml."""
    if explicit is not None:
        if explicit.exists() and not explicit.is_dir():
            raise WorkspaceNotFound("not-folder", explicit)
        if not explicit.is_dir():
            raise WorkspaceNotFound("no-folder", explicit)
        for folder in (explicit, explicit / "data"):
            if (folder / SETTINGS_FILE).is_file():
                return folder
        raise WorkspaceNotFound("no-settings", explicit)
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
        if (folder / "data" / SETTINGS_FILE).is_file():
            return folder / "data"
    raise WorkspaceNotFound("none-found", start)
