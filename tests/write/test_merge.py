"""The three-way merge of a record's values (SPEC §18): one-sided changes taken, both sides' new entries of
a list that only grows once each in date order, a value changed two ways a conflict — and, by Hypothesis,
against second formulations: a set of entries, a map of keys changed on one side, merge(b, x, b) == x."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.registry import MEETING, STUDENT, TIME, Appended
from haru_cli.write.merge import MISSING, Insert, Remove, Set, merge, same

ENTRIES = TIME.appended


def entry(day: int, hours: float = 1.0, note: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"date": f"2026-12-{day:02d}", "hours": hours, "area": "admin"}
    return found | ({"note": note} if note else {})


def test_a_key_changed_on_one_side_takes_that_side() -> None:
    base = {"id": "ueda", "owner": "佐藤", "cadence": "monthly"}
    found = merge(base, {**base, "owner": "鈴木"}, {**base, "cadence": "quarterly"})
    assert found.data == {"id": "ueda", "owner": "鈴木", "cadence": "quarterly"}
    assert found.edits == [Set(("cadence",), "quarterly")] and found.conflicts == []


def test_a_key_removed_on_one_side_goes_and_a_key_added_comes() -> None:
    base = {"id": "ueda", "notes": "x"}
    found = merge(base, {"id": "ueda", "notes": "x", "kana": "ウエダ"}, {"id": "ueda"})
    assert found.data == {"id": "ueda", "kana": "ウエダ"}
    assert found.edits == [Remove(("notes",))]


def test_a_key_changed_two_ways_is_a_conflict_and_ours_is_kept() -> None:
    base = {"id": "ueda", "owner": "佐藤"}
    found = merge(base, {**base, "owner": "鈴木"}, {**base, "owner": "田中"})
    assert found.conflicts == [("owner",)] and found.data["owner"] == "鈴木"


def test_a_key_changed_alike_on_both_sides_is_no_conflict() -> None:
    base = {"id": "ueda", "owner": "佐藤"}
    assert merge(base, {**base, "owner": "鈴木"}, {**base, "owner": "鈴木"}).conflicts == []


def test_nested_keys_merge_one_by_one() -> None:
    base = {"deal": {"signed": "2026-07-01", "amount": 100}}
    found = merge(base, {"deal": {"signed": "2026-07-02", "amount": 100}}, {"deal": {"signed": "2026-07-01",
                                                                                      "amount": 200}})
    assert found.data == {"deal": {"signed": "2026-07-02", "amount": 200}} and found.conflicts == []


def test_both_sides_new_entries_come_once_each_in_date_order() -> None:
    base = {"id": "2026-12", "entries": [entry(1)]}
    ours = {"id": "2026-12", "entries": [entry(1), entry(5, note="社長")]}
    theirs = {"id": "2026-12", "entries": [entry(1), entry(3, note="PM"), entry(9, note="PM")]}
    found = merge(base, ours, theirs, ENTRIES)
    assert [e["date"][-2:] for e in found.data["entries"]] == ["01", "03", "05", "09"]
    assert found.edits == [Insert(("entries",), 1, entry(3, note="PM"), 1),
                           Insert(("entries",), 3, entry(9, note="PM"), 2)]


def test_an_entry_both_sides_added_alike_is_one_entry() -> None:
    base = {"entries": [entry(1)]}
    found = merge(base, {"entries": [entry(1), entry(2)]}, {"entries": [entry(1), entry(2), entry(4)]}, ENTRIES)
    assert found.data["entries"] == [entry(1), entry(2), entry(4)]


def test_a_file_both_branches_added_merges_its_entries() -> None:
    found = merge(MISSING, {"id": "2027-01", "entries": [entry(5)]}, {"id": "2027-01", "entries": [entry(4)]},
                  ENTRIES)
    assert found.data == {"id": "2027-01", "entries": [entry(4), entry(5)]} and not found.conflicts


def test_without_the_list_being_one_that_grows_two_additions_conflict() -> None:
    base = {"contacts": [{"name": "a"}]}
    found = merge(base, {"contacts": [{"name": "a"}, {"name": "b"}]}, {"contacts": [{"name": "a"}, {"name": "c"}]},
                  ENTRIES)
    assert found.conflicts == [("contacts",)]


def test_an_entry_taken_away_on_one_side_while_the_other_adds_is_a_conflict() -> None:
    base = {"entries": [entry(1), entry(2)]}
    found = merge(base, {"entries": [entry(1)]}, {"entries": [entry(1), entry(2), entry(3)]}, ENTRIES)
    assert found.conflicts == [("entries",)] and found.data["entries"] == [entry(1)]


def test_one_entry_edited_on_both_sides_merges_by_key_when_it_is_still_the_same_entry() -> None:
    base = {"actions": [{"task": "送付"}]}
    ours = {"actions": [{"task": "送付", "done": True}, {"task": "新規"}]}
    theirs = {"actions": [{"task": "送付", "owner": "鈴木"}]}
    found = merge(base, ours, theirs, MEETING.appended)
    assert found.data["actions"] == [{"task": "送付", "done": True, "owner": "鈴木"}, {"task": "新規"}]


def test_an_entry_edited_into_another_entry_on_one_side_and_edited_on_the_other_conflicts() -> None:
    base = {"entries": [entry(1, note="a")]}
    found = merge(base, {"entries": [entry(7, note="a")]}, {"entries": [entry(1, note="b")]}, ENTRIES)
    assert found.conflicts == [("entries", 0)]


def test_evaluations_of_one_student_on_two_branches_are_both_kept() -> None:
    evaluation = {"assignment": "a1", "date": "2026-06-10", "levels": {"具体性": 4}}
    later = {"assignment": "a2", "date": "2026-07-01", "levels": {"巻き込み": 3}}
    retake = {"assignment": "a1", "date": "2026-06-20", "levels": {"具体性": 3}}
    found = merge({"evaluations": [evaluation]}, {"evaluations": [evaluation, later]},
                  {"evaluations": [evaluation, retake]}, STUDENT.appended)
    assert found.data["evaluations"] == [evaluation, retake, later]


def test_values_of_different_types_are_different() -> None:
    assert not same(1, True) and not same(1, 1.0) and same(float("nan"), float("nan"))
    assert merge({"x": 1}, {"x": True}, {"x": 1}).data == {"x": True}


# --- properties, against second formulations ----------------------------------------------------------

DAYS = st.integers(min_value=1, max_value=28)
NOTES = st.text(alphabet="abcあい", min_size=1, max_size=3)
ENTRY = st.builds(lambda day, note: entry(day, note=note), DAYS, NOTES)
ORDERED = st.lists(ENTRY, max_size=6).map(lambda items: sorted(items, key=lambda e: e["date"]))


@given(ORDERED, ORDERED, ORDERED)
def test_merged_entries_are_the_union_once_each_with_the_new_ones_in_date_order(
        base: list[dict[str, Any]], ours_new: list[dict[str, Any]], theirs_new: list[dict[str, Any]]) -> None:
    found = merge({"entries": base}, {"entries": base + ours_new}, {"entries": base + theirs_new}, ENTRIES)
    merged = found.data.get("entries", [])
    assert not found.conflicts
    assert merged[:len(base)] == base  # what both had stays where it was
    # a multiset model: each side's new entries, an entry both added counted once as often as both added it
    def counts(items: list[dict[str, Any]]) -> dict[tuple[Any, ...], int]:
        out: dict[tuple[Any, ...], int] = {}
        for item in items:
            key = tuple(sorted(item.items()))
            out[key] = out.get(key, 0) + 1
        return out
    ours_c, theirs_c = counts(ours_new), counts(theirs_new)
    expected = {k: max(ours_c.get(k, 0), theirs_c.get(k, 0)) for k in ours_c.keys() | theirs_c.keys()}
    assert counts(merged[len(base):]) == expected
    assert [e["date"] for e in merged[len(base):]] == sorted(e["date"] for e in merged[len(base):])


KEYS = st.sampled_from(["a", "b", "c", "d", "e"])
VALUES = st.one_of(st.integers(-3, 3), st.sampled_from(["x", "y", "z"]), st.booleans())
MAPS = st.dictionaries(KEYS, VALUES, max_size=5)


@given(MAPS, MAPS, st.sets(KEYS))
def test_keys_changed_on_one_side_only_merge_as_a_map_of_who_changed_what(
        base: dict[str, Any], changes: dict[str, Any], theirs_keys: set[str]) -> None:
    """Each changed key goes to one side; the merge is base with each side's changes, and no conflict."""
    ours, theirs = dict(base), dict(base)
    for key, value in changes.items():
        (theirs if key in theirs_keys else ours)[key] = value
    found = merge(base, ours, theirs)
    expected = {**base, **changes}
    assert not found.conflicts and found.data == expected


@given(MAPS, MAPS)
def test_a_side_unchanged_gives_the_other_side(base: dict[str, Any], other: dict[str, Any]) -> None:
    assert same(merge(base, other, base).data, other) and same(merge(base, base, other).data, other)
    assert merge(base, other, base).conflicts == [] and merge(base, base, other).conflicts == []


@given(MAPS, MAPS, MAPS)
def test_a_merge_without_conflict_is_the_same_whichever_side_is_ours(
        base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    one, other = merge(base, ours, theirs), merge(base, theirs, ours)
    assert bool(one.conflicts) == bool(other.conflicts)
    if not one.conflicts:
        assert same(one.data, other.data)


@given(MAPS, MAPS, MAPS)
def test_a_conflict_is_exactly_a_key_both_sides_changed_differently(
        base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    def at(side: dict[str, Any], key: str) -> Any:
        return side.get(key, MISSING)
    expected = sorted((k,) for k in base.keys() | ours.keys() | theirs.keys()
                      if not same(at(ours, k), at(theirs, k)) and not same(at(base, k), at(ours, k))
                      and not same(at(base, k), at(theirs, k)))
    assert sorted(merge(base, ours, theirs).conflicts) == expected


@given(st.lists(ENTRY, max_size=4), st.lists(ENTRY, max_size=4))
def test_an_ordered_list_of_no_dates_keeps_ours_then_theirs(ours_new: list[Any], theirs_new: list[Any]) -> None:
    rule = (Appended("entries", None, ("date",)),)
    found = merge({"entries": []}, {"entries": ours_new}, {"entries": theirs_new}, rule)
    rest = list(theirs_new)
    for item in ours_new:
        if item in rest:
            rest.remove(item)
    assert found.data.get("entries", []) == ours_new + rest
