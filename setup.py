"""Packages: every haru_cli.* found, plus the report templates of the top-level templates/ folder installed
as haru_cli.templates. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["haru_cli", "haru_cli.*"]), "haru_cli.templates"],
    package_dir={"haru_cli.templates": "templates"},
)
