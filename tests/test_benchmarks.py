"""benchmarks/generate.py: the benchmark's workspace holds every record type, and haru finds nothing wrong
with it (benchmarks/run.py times haru on it; speed is measured there, never here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from haru_cli.records.registry import TYPES
from tests.helpers import TODAY, Haru

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
