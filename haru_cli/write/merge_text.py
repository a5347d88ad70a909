"""The merged file's text (SPEC §18): ours' own text with theirs' changes made in place by the edits that
`action done` and `time log` use (write/patch.py) — every line neither side's change touched kept byte for
byte, comments included — and each conflict left between git's markers, ours' lines and theirs' lines of
the smallest part of the record that holds it on lines of its own."""

from __future__ import annotations

import yaml

from haru_cli.write.merge import Edit, Insert, Merged, Path, Remove, Set
from haru_cli.write.patch import insert, remove, set_value

MARKER_SIZE = 7  # git's: <<<<<<<, =======, >>>>>>>
OURS_LABEL, THEIRS_LABEL = "ours", "theirs"


def with_edits(ours: str, merged: Merged, theirs: str) -> str:
    """Ours' text with the merge's edits made (NotEditable: an edit cannot be made in this text). An item of
    theirs goes in as theirs writes it — its lines, comments and all — where its dash stands where ours'
    dashes do; else written as the item beside it is."""
    text = ours
    theirs_root = _compose(theirs)
    for edit in merged.edits:
        copied = _copied(text, theirs, theirs_root, edit) if isinstance(edit, Insert) else None
        text = copied if copied is not None else _made(text, edit)
    return text


def _copied(text: str, theirs: str, theirs_root: yaml.Node | None, edit: Insert) -> str | None:
    """The text with theirs' own lines of the item put in, if they fit as they are (same indentation, and
    read back as the item in its place)."""
    from haru_cli.load.yamlio import parse_yaml
    from haru_cli.write.merge import same

    root = _compose(text)
    ours_list = _walk(root, edit.path) if root is not None else None
    block = _block(theirs, theirs_root, (*edit.path, edit.source)) if edit.source is not None else None
    if block is None or not isinstance(ours_list, yaml.SequenceNode) or ours_list.flow_style or not ours_list.value:
        return None
    lines = theirs[block[0]:block[1]]
    lines += "" if lines.endswith("\n") else "\n"
    beside = ours_list.value[min(edit.index, len(ours_list.value) - 1)]
    start = text.rfind("\n", 0, beside.start_mark.index) + 1
    if not lines.startswith(text[start:beside.start_mark.index]):  # the same dash, at the same column
        return None
    at = start if edit.index < len(ours_list.value) else _line_end(text, _last(ours_list.value[-1]).end_mark.index)
    after = text[:at] + lines + text[at:]
    before_doc, after_doc = parse_yaml(text, "ours")[0], parse_yaml(after, "ours")[0]
    if before_doc is None or after_doc is None:
        return None
    expected = before_doc.data
    target = expected
    for step in edit.path:
        target = target[step]
    target.insert(edit.index, edit.item)
    return after if same(after_doc.data, expected) else None


def _made(text: str, edit: Edit) -> str:
    if isinstance(edit, Set):
        return set_value(text, edit.path, edit.value)
    if isinstance(edit, Remove):
        return remove(text, edit.path)
    assert isinstance(edit, Insert)
    return insert(text, edit.path, edit.index, edit.item)


def with_conflicts(text: str, theirs: str, conflicts: list[Path]) -> str:
    """The text with each conflict's lines (as ours has them, in text) and theirs' lines (as theirs has them)
    between conflict markers; a conflict whose lines cannot be told apart is widened to the key or item
    around it, up to the whole file."""
    ours_root, theirs_root = _compose(text), _compose(theirs)
    regions: list[tuple[int, int, str]] = []
    for path in sorted(set(conflicts), key=len):
        for depth in range(len(path), -1, -1):
            at = path[:depth]
            mine, found = _block(text, ours_root, at), _block(theirs, theirs_root, at)
            if mine is not None and found is not None:
                regions.append((mine[0], mine[1], theirs[found[0]:found[1]]))
                break
    kept: list[tuple[int, int, str]] = []
    for region in sorted(regions, key=lambda r: (r[0], -r[1])):  # a region inside another goes
        if kept and region[0] < kept[-1][1]:
            continue
        kept.append(region)
    for start, end, other in reversed(kept):
        text = text[:start] + markers(text[start:end], other) + text[end:]
    return text


def markers(ours: str, theirs: str) -> str:
    """Ours' and theirs' lines between git's conflict markers."""
    def lines(part: str) -> str:
        return part if not part or part.endswith("\n") else part + "\n"

    return (f"{'<' * MARKER_SIZE} {OURS_LABEL}\n{lines(ours)}{'=' * MARKER_SIZE}\n{lines(theirs)}"
            f"{'>' * MARKER_SIZE} {THEIRS_LABEL}\n")


def split_conflicts(text: str) -> tuple[str, str] | None:
    """Ours' and theirs' texts of a file holding conflict markers (the lines outside them in both; a base
    section of diff3 style in neither); None when it holds none, or they do not pair up."""
    sides: tuple[list[str], list[str]] = ([], [])
    state, found = "both", False
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        opens, base = _is_marker(bare, "<"), _is_marker(bare, "|")
        if state == "both" and opens:
            state, found = "ours", True
        elif state == "ours" and base:
            state = "base"
        elif state in ("ours", "base") and bare == "=" * MARKER_SIZE:
            state = "theirs"
        elif state == "theirs" and _is_marker(bare, ">"):
            state = "both"
        elif state != "both" and (opens or base or bare == "=" * MARKER_SIZE or _is_marker(bare, ">")):
            return None  # a marker out of its place
        else:
            if state in ("both", "ours"):
                sides[0].append(line)
            if state in ("both", "theirs"):
                sides[1].append(line)
    if state != "both" or not found:
        return None
    return "".join(sides[0]), "".join(sides[1])


def _is_marker(line: str, char: str) -> bool:
    return line.startswith(char * MARKER_SIZE) and (len(line) == MARKER_SIZE or line[MARKER_SIZE] in " \t")


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None


def _block(text: str, root: yaml.Node | None, path: Path) -> tuple[int, int] | None:
    """Where the lines of the value at path are in text — from its key's (or its dash's) line to the end of
    its last line — when they are lines of their own; None when they are not (written inside {…}, or a key
    sharing its line with a list's dash). The whole text for the record itself."""
    if not path or root is None:
        return (0, len(text)) if not path else None
    parent = _walk(root, path[:-1])
    if isinstance(parent, yaml.MappingNode) and not parent.flow_style and isinstance(path[-1], str):
        entry = next(((k, v) for k, v in parent.value if k.value == path[-1]), None)
        if entry is None:
            return None
        start_node, node = entry
    elif isinstance(parent, yaml.SequenceNode) and not parent.flow_style and isinstance(path[-1], int):
        if path[-1] >= len(parent.value):
            return None
        start_node = node = parent.value[path[-1]]
    else:
        return None
    line_start = text.rfind("\n", 0, start_node.start_mark.index) + 1
    lead = text[line_start:start_node.start_mark.index].strip()
    if lead not in ("", "-") or (lead == "-" and start_node is not node):  # a key after its item's dash
        return None
    return line_start, _line_end(text, _last(node).end_mark.index)


def _walk(node: yaml.Node, path: Path) -> yaml.Node | None:
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            return None
        if found is None:
            return None
        node = found
    return node


def _last(node: yaml.Node) -> yaml.Node:
    """The last value written in a node (a block collection's end mark can lie past comments after it)."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _line_end(text: str, index: int) -> int:
    """The start of the line after the one index is on; index itself at the start of a line already."""
    if index == 0 or text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1

