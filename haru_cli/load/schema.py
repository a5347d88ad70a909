"""JSON Schema of every record type and of haru.yaml, from the models, with descriptions in Japanese
and English that editors show on hover (yaml-language-server)."""

from __future__ import annotations

import dataclasses
from typing import Any

from haru_cli.i18n import catalogue
from haru_cli.records.models import FeeRule, Settings, as_json
from haru_cli.records.registry import TYPES


def schemas() -> dict[str, type[Any]]:
    """Every schema's name (a record type's, and haru.yaml's) → its model: the registry's types as they are now."""
    return {**{kind.name: kind.model for kind in TYPES}, "haru": Settings}


def _description(model: type[Any], field: str = "") -> str | None:
    """`日本語 / English`, from the catalogue's `schema.<Model>[.<key>]`: what editors show on hover."""
    found = catalogue().get(f"schema.{model.__name__}" + (f".{field}" if field else ""))
    if found is None:
        return None
    japanese, english = found
    return japanese if japanese == english else f"{japanese} / {english}"


def _models(model: type[Any]) -> dict[str, type[Any]]:
    """The record types a model holds (itself, its sub-records and theirs), by name."""
    import typing

    found: dict[str, type[Any]] = {model.__name__: model}
    pending = [model]
    while pending:
        for hint in typing.get_type_hints(pending.pop()).values():
            for candidate in _types_in(hint):
                if isinstance(candidate, type) and dataclasses.is_dataclass(candidate) \
                        and candidate.__name__ not in found:
                    found[candidate.__name__] = candidate
                    pending.append(candidate)
    return found


def _types_in(annotation: Any) -> list[Any]:
    import typing

    return [annotation, *(t for arg in typing.get_args(annotation) for t in _types_in(arg))]


def record_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record type, with hover descriptions."""
    from haru_cli.load.validation import adapter

    model = schemas()[name]
    schema = adapter(model).json_schema()
    for part in (schema, *schema.get("$defs", {}).values()):
        part.pop("description", None)  # a docstring is for readers of the code: the catalogue's are for editors
    _describe(schema, model)
    models = _models(model)
    for sub_name, sub_schema in schema.get("$defs", {}).items():
        if sub_name in models:
            _describe(sub_schema, models[sub_name])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"haru:{name}", **schema}


# What a schema can say of SPEC 3.4 that the model leaves to checks.py: a rate or a fixed fee, and basis
# and months only with a rate.
def _fee_rule_shapes() -> dict[str, Any]:
    absent = NULL_ONLY
    return {"oneOf": [
        {"required": ["rate"], "properties": {"fixed": absent}},
        {"required": ["fixed"], "properties": {"rate": absent, "basis": absent, "months": absent}},
    ]}


# Null, and nothing else: how an optional key accepts `key:` with nothing after it (which counts as not
# given) without yaml-language-server offering a `null` completion, as a {"type": "null"} branch makes it.
NULL_ONLY = {"not": {"type": ["string", "number", "integer", "boolean", "object", "array"]}}


def _describe(schema: dict[str, Any], model: type[Any]) -> None:
    """Descriptions, defaults as they are written, and null allowed wherever a key may be left out.

    Shaped for yaml-language-server: no titles (it shows the nearest one on every untitled key, and joins
    an anyOf's as `Partner || Partner`), and an optional key's null as NULL_ONLY, never as a null type."""
    schema.pop("title", None)
    described = _description(model)
    if described:
        schema["description"] = described
    if model is FeeRule:
        schema.update(_fee_rule_shapes())
    required = set(schema.get("required", []))
    defaults = {f.name: f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
                for f in dataclasses.fields(model)}
    for field, prop in list(schema.get("properties", {}).items()):
        prop.pop("title", None)  # "Kana" says less than the description
        default = defaults[field]
        if default is not dataclasses.MISSING and default is not None:  # as written: `10%`, not a Rate's fields
            prop["default"] = as_json(default)
        else:
            prop.pop("default", None)  # a null default would be offered as a completion
        branches = prop.get("anyOf")
        if isinstance(branches, list):  # Pydantic's `X | None`: its null branch becomes NULL_ONLY
            prop["anyOf"] = [NULL_ONLY if b == {"type": "null"} else b for b in branches]
            if field not in required and NULL_ONLY not in prop["anyOf"]:  # a type of its own made of branches
                prop["anyOf"].append(NULL_ONLY)
            for branch in prop["anyOf"]:
                branch.pop("title", None)
        elif field not in required:
            meta = {k: prop.pop(k) for k in ("default",) if k in prop}
            prop = schema["properties"][field] = {"anyOf": [dict(prop), NULL_ONLY], **meta}
        described = _description(model, field)
        if described:
            prop["description"] = described


def schema_files() -> dict[str, str]:
    """File name → text of every schema, as `haru schema --out` writes them."""
    import json

    return {f"{name}.schema.json": json.dumps(record_schema(name), ensure_ascii=False, indent=2) + "\n"
            for name in schemas()}
