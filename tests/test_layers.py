"""Imports run one way (STYLE.md): cli → site → render/views → rules → records; load → records; no cycle among
haru_cli's modules, counting every import — at the top, inside functions and under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "haru_cli"

# What each layer may import from haru_cli (besides itself and the leaf modules everything may use).
# escape (showing text safely) and files (reading a file safely) are leaves every layer may use.
ALLOWED = {
    "records": {"records", "i18n", "escape"},
    "rules": {"rules", "records", "escape"},
    "load": {"load", "records", "i18n", "escape", "files"},
    "write": {"write", "records", "load", "escape", "files"},
    "views": {"views", "rules", "records", "i18n", "escape"},
    "render": {"render", "views", "i18n", "escape", "files"},
    "site": {"site", "render", "views", "rules", "records", "i18n", "escape"},
    "i18n": {"i18n", "escape"},
    "escape": {"escape"},
    "files": {"files"},
    "cli": {"cli", "site", "render", "views", "rules", "records", "load", "write", "i18n", "escape", "files"},
    "entry": {"cli"},
    "__init__": set(),
    "__main__": {"entry"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """Every haru_cli module the module imports, wherever in it."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("haru_cli")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("haru_cli"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_no_import_cycle() -> None:
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " → ".join([*path[path.index(name):], name]))
        if name in done:
            return
        path.append(name)
        for target in sorted(GRAPH[name]):
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(GRAPH):
        visit(name)


def test_imports_run_one_way() -> None:
    wrong = [
        f"{name} imports {target}"
        for name, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if layer(target) not in ALLOWED[layer(name)] | {"__init__"}
    ]
    assert wrong == []
