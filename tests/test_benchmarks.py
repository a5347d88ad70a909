"""benchmarks/generate.py: the benchmark's workspace holds every record type, and haru finds nothing wrong
with it (benchmarks/run.py times haru on it; speed is measured there, never here); and run.py's growth
exponent and faster-half mean are what they say."""

from __future__ import annotations

import importlib.util
import math
import statistics
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.registry import TYPES
from tests.helpers import TODAY, Haru

ROOT = Path(__file__).resolve().parent.parent


def _module(name: str) -> ModuleType:
    """benchmarks/<name>.py, registered under its name, as its neighbours import it (run.py imports generate)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _generator() -> ModuleType:
    return _module("generate")


def _run() -> ModuleType:
    _generator()
    return _module("run")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_the_generated_workspace_holds_every_record_type_and_validates_strictly(tmp_path: Path, haru: Haru) -> None:
    written = _generator().workspace(tmp_path / "ws", 20, 1)
    files = _files(tmp_path / "ws")
    assert len(files) == written
    for kind in TYPES:
        assert any(name.startswith(f"{kind.folder}/") for name in files), kind.name
    result = haru("--data", tmp_path / "ws", *TODAY, "validate", "--strict")
    assert result.exit_code == 0, result.output
    assert f"{written} ファイルを検査: エラー 0 件、警告 0 件" in result.output


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path: Path) -> None:
    generate = _generator()
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        generate.workspace(tmp_path / name, 5, seed)
    assert _files(tmp_path / "a") == _files(tmp_path / "b") != _files(tmp_path / "c")


SECONDS = st.floats(0.01, 10.0)


@given(start_up=SECONDS, own=SECONDS, k=st.floats(0.3, 2.5), ratio=st.floats(2.0, 8.0))
def test_the_growth_exponent_is_the_one_the_times_grow_by(start_up: float, own: float, k: float,
                                                          ratio: float) -> None:
    """Times made as start-up + own × size^k give back k, whatever the start-up."""
    small, big = start_up + own, start_up + own * ratio**k
    assert math.isclose(_run().growth_exponent(start_up, small, big, ratio), k, rel_tol=1e-9)


@given(times=st.lists(SECONDS, min_size=1, max_size=40), noise=st.lists(st.floats(0.0, 5.0), min_size=40,
       max_size=40), shift=SECONDS)
def test_the_faster_half_ignores_what_only_slows_the_slower_runs(times: list[float], noise: list[float],
                                                                 shift: float) -> None:
    faster_half = _run().faster_half
    found = faster_half(times)
    assert min(times) <= found <= statistics.median_high(times) + 1e-12
    assert math.isclose(faster_half([t + shift for t in times]), found + shift, rel_tol=1e-9)
    ranked, faster = sorted(times), (len(times) + 1) // 2  # what a busy machine adds to the slower runs:
    slowed = ranked[:faster] + [t + n for t, n in zip(ranked[faster:], noise, strict=False)]  # nothing
    assert math.isclose(faster_half(slowed), found, rel_tol=1e-9)
    assert faster_half(times[:1]) == times[0] and faster_half(times[:1] * 3) == times[0]


@given(fast=SECONDS, slow=SECONDS, runs=st.integers(1, 40))
def test_the_faster_half_is_the_faster_half_rounded_up(fast: float, slow: float, runs: int) -> None:
    """Of n runs, the ⌈n/2⌉ fastest: all of them fast gives the fast time; one fewer fast, more."""
    faster_half = _run().faster_half
    fast, slow = min(fast, slow), max(fast, slow) + 1.0
    half = -(-runs // 2)
    assert math.isclose(faster_half([slow] * (runs - half) + [fast] * half), fast)
    assert faster_half([fast] * (half - 1) + [slow] * (runs - half + 1)) > fast
    assert faster_half([9.0, 1.0, 2.0]) == 1.5 and faster_half([4.0, 1.0, 2.0, 3.0]) == 1.5
