"""A record's YAML text edited in place (`haru action done`, `haru referral won|pay|cancel` …): a value
replaced, a key added or taken away, or an item appended, and nothing else. Comments, key order, quoting,
blank lines and indentation everywhere else stay byte for byte as they were, so that `git diff` shows the
one change.

Positions come from PyYAML's composer (nodes with their start and end in the text, and their style); the
new text is built from the old by splicing, then read back and compared with the old data changed as
asked: an edit that would mean anything else is refused (NotEditable), never written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from haru_cli.load.yamlio import parse_yaml
from haru_cli.write.yamltext import dump_yaml, scalar_text

Path = tuple[str | int, ...]  # keys and list positions from the top of the record: ("actions", 0, "done")


class NotEditable(Exception):
    """The edit cannot be made in place in this text (it is not a mapping, the path crosses a scalar …)."""


def set_value(text: str, path: Path, value: Any) -> str:
    """The text with the value at path set (added to its mapping when the key is not there; a missing
    mapping on the way is added too)."""
    return _checked(text, lambda data: _data_set(data, path, _as_data(value)), _set(text, path, value))


def append(text: str, path: Path, item: Any) -> str:
    """The text with an item appended to the list at path (the key added when there is none)."""
    return _checked(text, lambda data: _data_append(data, path, _as_data(item)), _append(text, path, item))


def insert(text: str, path: Path, index: int, item: Any) -> str:
    """The text with an item put into the list at path before its item at index (at the end when there is
    none), written as the item it goes before is (the merge driver's items of the other branch)."""
    after = _insert_item(text, path, index, item)
    return _checked(text, lambda data: _data_insert(data, path, index, _as_data(item)), after)


def remove(text: str, path: Path) -> str:
    """The text without the key at path and its value (its lines, or its part of a {…}); the text as it
    was when there is no such key."""
    parent = _walk(_compose(text), path[:-1])
    if parent is None or _is_null(parent):
        return text
    if not isinstance(parent, yaml.MappingNode):
        raise NotEditable(f"{_dotted(path[:-1])} is not a mapping")
    at = next((i for i, (k, _) in enumerate(parent.value) if k.value == path[-1]), None)
    if at is None:
        return text
    return _checked(text, lambda data: _data_remove(data, path), _remove(text, parent, at))


# --- splicing ------------------------------------------------------------------------------------------


def _set(text: str, path: Path, value: Any) -> str:
    root = _compose(text)
    parent, node = _walk(root, path[:-1]), None
    if parent is None or _is_null(parent):  # a mapping on the way is missing (or empty): add it, with the key
        return _set(text, path[:-1], {path[-1]: value})
    if isinstance(parent, yaml.MappingNode):
        node = next((v for k, v in parent.value if k.value == path[-1]), None)
    elif isinstance(parent, yaml.SequenceNode) and isinstance(path[-1], int) and path[-1] < len(parent.value):
        node = parent.value[path[-1]]
    if node is None:
        if not isinstance(parent, yaml.MappingNode) or not isinstance(path[-1], str):
            raise NotEditable(f"no place for {_dotted(path)}")
        return _add_key(text, parent, path[-1], value)
    if _is_null(node):
        return _fill(text, node, value)
    if isinstance(node, yaml.ScalarNode) and not isinstance(value, dict | list):
        return _replace_scalar(text, node, value)
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        for key, inner in value.items():
            text = _set(text, (*path, key), inner)
        return text
    if isinstance(parent, yaml.MappingNode):  # a list, or a value of another kind: written anew
        return _replace_entry(text, parent, next(i for i, (k, _) in enumerate(parent.value) if k.value == path[-1]),
                              value)
    raise NotEditable(f"{_dotted(path)} holds something else")


def _append(text: str, path: Path, item: Any) -> str:
    return _insert_item(text, path, None, item)


def _insert_item(text: str, path: Path, index: int | None, item: Any) -> str:
    """An item into the list at path before its item at index (None, or past the end: appended)."""
    root = _compose(text)
    node = _walk(root, path)
    if node is None or _is_null(node):
        if index not in (None, 0):
            raise NotEditable(f"{_dotted(path)} has no item {index}")
        return _set(text, path, [item])
    if not isinstance(node, yaml.SequenceNode):
        raise NotEditable(f"{_dotted(path)} is not a list")
    before = index is not None and index < len(node.value)
    if node.flow_style:
        if before:
            at = node.value[index].start_mark.index
            return text[:at] + _flow(item) + ", " + text[at:]
        at = node.value[-1].end_mark.index if node.value else node.end_mark.index - 1
        return text[:at] + (", " if node.value else "") + _flow(item) + text[at:]
    last = node.value[index] if before else node.value[-1]  # the item whose way of writing it follows
    dash = _dash_column(text, last)
    lead = " " * dash + "-" + " " * max(1, last.start_mark.column - dash - 1)  # as that item is written
    if before:
        at = text.rfind("\n", 0, last.start_mark.index) + 1  # the start of its dash's line
        if text[at:last.start_mark.index].strip() != "-":
            raise NotEditable(f"{_dotted(path)}.{index} does not begin its line")
    else:
        at = _line_after(text, _last_leaf(last).end_mark.index)
    if isinstance(item, dict) and isinstance(last, yaml.MappingNode) and not last.flow_style:
        # A value the last item writes as {…} or […] (`scores: {expertise: 4, …}`) is written so here too.
        flows = {k.value for k, v in last.value if isinstance(v, yaml.CollectionNode) and v.flow_style}
        pad = " " * last.start_mark.column
        first, *rest = "".join(f"{pad}{key}: {_flow(value)}\n" if key in flows and isinstance(value, dict | list)
                               else dump_yaml({key: value}, pad)
                               for key, value in item.items()).splitlines(keepends=True)
        rendered = lead + first.lstrip() + "".join(rest)
    else:
        rendered = f"{lead}{_flow(item)}\n"
    return _insert(text, at, rendered)


def _add_key(text: str, mapping: yaml.MappingNode, key: str, value: Any) -> str:
    if mapping.flow_style:  # after the last value (on its line, where a {…} spans lines), or into {}
        at = mapping.value[-1][1].end_mark.index if mapping.value else mapping.end_mark.index - 1
        return text[:at] + f"{', ' if mapping.value else ''}{key}: {_flow(value)}" + text[at:]
    indent = mapping.value[0][0].start_mark.column if mapping.value else 0
    at = _line_after(text, _last_leaf(mapping).end_mark.index)
    return _insert(text, at, dump_yaml({key: value}, " " * indent, step=_step(text)))


def _remove(text: str, mapping: yaml.MappingNode, at: int) -> str:
    key, value = mapping.value[at]
    if mapping.flow_style:  # with the comma before it (or, the first, after it)
        if at > 0:
            return text[:mapping.value[at - 1][1].end_mark.index] + text[value.end_mark.index:]
        end = mapping.value[1][0].start_mark.index if len(mapping.value) > 1 else value.end_mark.index
        return text[:key.start_mark.index] + text[end:]
    line_start = text.rfind("\n", 0, key.start_mark.index) + 1
    if text[line_start:key.start_mark.index].strip():  # `- due: …`: the key shares its line with a dash
        raise NotEditable(f"{key.value} does not begin its line")
    return text[:line_start] + text[_line_after(text, _last_leaf(value).end_mark.index):]


def _replace_entry(text: str, mapping: yaml.MappingNode, at: int, value: Any) -> str:
    """A key's value written anew: where the old value is a scalar or written as {…}/[…], in its place (a
    collection as {…}/[…]); where it is a block of lines, the key's lines replaced by the key written anew at
    its indentation."""
    key, node = mapping.value[at]
    if not isinstance(node, yaml.CollectionNode) or node.flow_style:
        if not isinstance(value, dict | list):
            return _replace_scalar(text, node, value)
        block_scalar = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
        return text[:node.start_mark.index] + _flow(value) + ("\n" if block_scalar else "") + text[node.end_mark.index:]
    line_start = text.rfind("\n", 0, key.start_mark.index) + 1
    if text[line_start:key.start_mark.index].strip() or mapping.flow_style:
        raise NotEditable(f"{key.value} does not begin its line")
    end = _line_after(text, _last_leaf(node).end_mark.index)
    pad = " " * key.start_mark.column
    step = _step(text)
    if isinstance(node, yaml.SequenceNode) and node.value:  # a list's items stay where its dashes were
        step = " " * max(0, _dash_column(text, node.value[0]) - key.start_mark.column)
    empty = isinstance(value, dict | list) and not value  # dump_yaml leaves an empty value out
    written = f"{pad}{key.value}: {_flow(value)}\n" if empty else dump_yaml({key.value: value}, pad, step=step)
    return text[:line_start] + written + text[end:]


def _fill(text: str, node: yaml.Node, value: Any) -> str:
    """A key written with nothing after it (`deal:`, `deal: ~`, `deal: null`) given a value."""
    if not isinstance(value, dict | list):
        return _replace_scalar(text, node, value, space=True)
    start, end = node.start_mark.index, node.end_mark.index
    head = text[:start].rstrip(" ") if end > start else text[:start]  # `~`, `null` or a tag goes
    text = head + text[end:]
    line_start = text.rfind("\n", 0, len(head)) + 1
    indent = len(text[line_start:]) - len(text[line_start:].lstrip(" "))
    block = dump_yaml({"x": value}, " " * indent, step=_step(text)).partition("\n")[2]  # the lines under the key
    return _insert(text, _line_after(text, len(head)), block)


def _replace_scalar(text: str, node: yaml.Node, value: Any, *, space: bool = False) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    rendered = scalar_text(value, in_flow=_in_flow(text, start))
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):  # a block scalar ends its line
        rendered += "\n"
    if space and not text[:start].endswith((" ", "\t")):
        rendered = " " + rendered
    return text[:start] + rendered + text[end:]


_KEY_LINE = re.compile(r"^( +)[A-Za-z_][A-Za-z0-9_-]*:", re.MULTILINE)


def _step(text: str) -> str:
    """How far the file indents a nested mapping (two spaces unless it shows otherwise)."""
    indents = [len(match.group(1)) for match in _KEY_LINE.finditer(text)]
    return " " * min(indents, default=2)


def _insert(text: str, at: int, lines: str) -> str:
    if at == len(text) and text and not text.endswith("\n"):
        return text + "\n" + lines
    return text[:at] + lines + text[at:]


def _line_after(text: str, index: int) -> int:
    """The start of the line after the one index is on (a trailing comment stays with its line); index
    itself when it is at the start of a line already (where a block scalar or collection ends)."""
    if index == 0 or text[index - 1] == "\n":
        while index > 1 and text[index - 2:index] == "\n\n":  # a block text's blank lines after it stay after
            index -= 1
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The last value written in a node: where the node's own lines end (a collection's end mark can lie
    past the comments and blank lines after it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _dash_column(text: str, item: yaml.Node) -> int:
    line_start = text.rfind("\n", 0, item.start_mark.index) + 1
    dash = text.rfind("-", line_start, item.start_mark.index)
    if dash < 0:
        raise NotEditable("a list item without its dash")
    return dash - line_start


def _in_flow(text: str, index: int) -> bool:
    """Whether a position lies inside a flow collection ([…] or {…}) on its line."""
    line = text[text.rfind("\n", 0, index) + 1:index]
    return line.count("[") + line.count("{") > line.count("]") + line.count("}")


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items() if v is not None) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar_text(value, in_flow=True)


def _compose(text: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        raise NotEditable(str(exc).splitlines()[0]) from None
    if not isinstance(root, yaml.MappingNode):
        raise NotEditable("the file is not a mapping")
    return root


def _walk(node: yaml.Node | None, path: Path) -> yaml.Node | None:
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value in (
        "", "~", "null", "Null", "NULL")


def _dotted(path: Path) -> str:
    return ".".join(str(step) for step in path)


# --- checking -----------------------------------------------------------------------------------------


def _as_data(value: Any) -> Any:
    """The value as haru reads it back from YAML (a date as its text, as the record files hold it)."""
    if isinstance(value, dict | list) and not value:  # written as {} or [], read back as such
        return type(value)()
    doc, _ = parse_yaml(dump_yaml({"x": value}) or "x:\n", "value")
    return doc.data.get("x") if doc is not None and isinstance(doc.data, dict) else None


def _read(text: str) -> Any:
    doc, problems = parse_yaml(text, "record")
    if doc is None or problems:
        raise NotEditable("the file does not read as YAML")
    return doc.data


def _checked(before: str, change: Callable[[Any], None], after: str) -> str:
    """The new text, if it reads back as the old data with just the asked change made."""
    expected = _read(before)
    change(expected)
    if _read(after) != expected:
        raise NotEditable("the edit would change more than it should")
    return after


def _data_set(data: Any, path: Path, value: Any) -> None:
    for step in path[:-1]:
        if isinstance(data, dict) and data.get(step) is None:
            data[step] = {}
        data = data[step]
    if isinstance(data, dict) and isinstance(value, dict) and isinstance(data.get(path[-1]), dict):
        data[path[-1]].update(value)
    else:
        data[path[-1]] = value


def _data_remove(data: Any, path: Path) -> None:
    for step in path[:-1]:
        data = data[step]
    del data[path[-1]]


def _data_insert(data: Any, path: Path, index: int, item: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    if data.get(path[-1]) is None:
        data[path[-1]] = []
    data[path[-1]].insert(index, item)


def _data_append(data: Any, path: Path, item: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    if data.get(path[-1]) is None:
        data[path[-1]] = []
    data[path[-1]].append(item)
