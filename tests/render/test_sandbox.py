"""The sandbox on its own, without a template file: what it refuses and how it says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from haru_cli.render import sandbox


def test_a_path_s_attributes_are_out_of_reach(tmp_path: Path) -> None:
    env = sandbox.sandboxed()
    with pytest.raises(SecurityError) as caught:
        env.from_string("{{ p.read_text() }}").render(p=tmp_path)
    assert sandbox.reason(caught.value, "en") == (
        "not allowed in a template: access to attribute 'read_text' of 'PosixPath' object is unsafe.")


def test_bounded_filters_refuse_a_huge_padding_and_say_so_in_either_language() -> None:
    env = sandbox.sandboxed()
    assert env.from_string('{{ "a" | center(3) }}').render() == " a "
    with pytest.raises(SecurityError) as caught:
        env.from_string('{{ "a" | center(10**6) }}').render()
    assert str(sandbox.MAX_WIDTH) in sandbox.reason(caught.value, "en")
    assert sandbox.reason(caught.value, "ja") != sandbox.reason(caught.value, "en")


def test_collect_joins_what_a_template_makes_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sandbox.collect(["ab", "c"]) == "abc"
    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 2)
    with pytest.raises(SecurityError):
        sandbox.collect(["ab", "c"])


def test_no_filter_draws_at_random() -> None:
    """A report is the same every time it is made from the same records (a kept answer is printed again)."""
    from jinja2 import TemplateAssertionError

    env = sandbox.sandboxed()
    assert "random" not in env.filters and "first" in env.filters
    with pytest.raises(TemplateAssertionError, match="random"):
        env.from_string("{{ [1, 2] | random }}")
