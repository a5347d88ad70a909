"""Imports run one way (STYLE.md): cli → site → render/views → rules → records; load → records; no cycle among
haru_cli's modules, counting every import — at the top, inside functions and under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "haru_cli"

# STYLE.md's graph, and nothing more: cli → site → render/views → rules → records; load → records (write,
# load's mirror, → load). A layer imports the layers its arrows point at, and records, the types everything reads.
ARROWS: dict[str, set[str]] = {
    "cli": {"site", "render", "views", "rules", "load", "write"},  # parse options → load → rules → views → render
    "site": {"render", "views"},  # routes and renders: no rule of its own
    "render": {"views"},
    "views": {"rules"},
    "rules": set(),  # pure: records in, values out
    "load": set(),  # files → records: it runs the checks it is handed, and imports none
    "write": {"load"},  # records → files, reading what it edits as load does
    "records": set(),
}
# The leaves: escape (showing text safely) anywhere; the catalogue wherever text is shown (not rules, which
# decide and never say); files (reading a file, bounded) where files are read; processes (the cores, and
# whether to fork) where work is shared out among processes.
LEAVES = {"escape": set(ARROWS) | {"i18n", "files"}, "i18n": set(ARROWS) - {"rules"},
          "files": {"cli", "load", "write", "render"}, "processes": {"load", "site"}}
ALLOWED: dict[str, set[str]] = {
    **{layer: {layer, "records", *targets, *(leaf for leaf, users in LEAVES.items() if layer in users)}
       for layer, targets in ARROWS.items()},
    "i18n": {"i18n", "escape"}, "escape": {"escape"}, "files": {"files"}, "processes": {"processes"},
    "entry": {"cli"}, "__init__": set(), "__main__": {"entry"},
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
