"""Output formats, the Jinja sandbox."""

from __future__ import annotations

from typing import Any

TEMPLATES_FOLDER = "templates"  # a workspace's own templates (render/templates.py reads them)


class TemplateProblem(Exception):
    """A template that cannot be read or rendered (a syntax error, an undefined name, a sandbox
    violation, a symbolic link): says where. Here, so that the CLI can catch it without importing Jinja."""

    @classmethod
    def of(cls, where: str, lang: str, key: str, **params: Any) -> TemplateProblem:
        """A problem of the catalogue: `where: reason`, in the language of the report."""
        from haru_cli.i18n import text

        return cls(f"{where}: {text(key, lang, **params)}")
