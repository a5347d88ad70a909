"""dump_yaml writes what parse_yaml reads back to the same values (YAML 1.2), whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
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
