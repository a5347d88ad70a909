"""haru — 株式会社HaRu's partner collaboration as validated YAML in git."""

__version__ = "0.1.0"
