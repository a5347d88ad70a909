"""What is said of a file left out (SPEC §15), by a command and by the dashboard alike."""

from __future__ import annotations

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Skipped


def skipped_reason(skipped: Skipped, t: Translator) -> str:
    """Why a record is not there: its file has errors, or it rests on one that has."""
    if skipped.because:
        return t("cli.skipped_because", path=skipped.path, because=skipped.because)
    return t("cli.skipped_file", path=skipped.path)
