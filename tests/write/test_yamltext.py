"""dump_yaml writes what parse_yaml reads back to the same values (YAML 1.2), whatever the text."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from haru_cli.load.yamlio import parse_yaml
from haru_cli.write.yamltext import dump_yaml

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
scalars = st.one_of(texts, st.integers(-10**12, 10**12), st.booleans())
keys = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
records = st.dictionaries(
    keys,
    st.one_of(scalars, st.lists(texts, min_size=1, max_size=4),
              st.lists(st.dictionaries(keys, scalars, min_size=1, max_size=3), min_size=1, max_size=3),
              st.dictionaries(keys, scalars, min_size=1, max_size=3)),
    min_size=1, max_size=6,
)


@settings(max_examples=300)
@given(records)
def test_round_trip(record: dict[str, object]) -> None:
    text = dump_yaml(record)
    doc, problems = parse_yaml(text, "f.yaml")
    assert problems == [], text
    assert doc is not None and doc.data == record, text


# Texts a person types into --summary, --note or --action: spaces and line breaks anywhere, YAML's indicators.
typed = st.text(" \n\t\r-#:'\"|>?&*!%@`,[]{}~0aあ\x85\u2028\ufeff", max_size=16) | texts


def _strings(node: yaml.Node) -> object:
    """What PyYAML's reader (its composer, before any resolving) reads: every scalar as its text."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_strings(item) for item in node.value]
    return {key.value: _strings(value) for key, value in node.value}


@settings(max_examples=1500, deadline=None)
@given(typed, st.sampled_from(["  ", "    ", "   "]), st.sampled_from(["", "  ", "    "]))
@example("\n    code", "  ", "")  # a block's indentation is its first line's: the spaces were lost
@example("  インデント", "  ", "")
@example("0?", "  ", "")  # `?` ends a plain scalar in a flow list
def test_any_text_reads_back_as_it_was_written(text: str, step: str, indent: str) -> None:
    """Whatever the text, wherever it goes (a value, nested, in a list of mappings, in a flow list), at any
    indentation (an edit in place writes at the file's): PyYAML reads back that text, and haru that value."""
    record = {"summary": text, "feedback": {"comments": text, "deeper": {"note": text}},
              "actions": [{"task": text, "owner": "社長"}, {"task": text}], "decisions": [text, text]}
    body = dump_yaml(record, indent, step=step)
    written = f"top:\n{body}" if indent else body
    composed = _strings(yaml.compose(written, Loader=yaml.CSafeLoader))
    assert isinstance(composed, dict)
    assert (composed["top"] if indent else composed) == record, written
    doc, problems = parse_yaml(written, "f.yaml")
    assert problems == [] and doc is not None, written
    assert (doc.data["top"] if indent else doc.data) == record, written
