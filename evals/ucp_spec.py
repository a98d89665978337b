"""The vendored UCP specs (../shared/specs) as validators, for tests and the conformance check.

The product never reads these files; only tests and ``python -m evals.ucp_conformance`` do.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from knowledge.settings import REPO_ROOT

SPECS = REPO_ROOT.parent / "shared" / "specs"
UCP = SPECS / "ucp" / "source"
REST_URI = "https://ucp.dev/services/shopping/rest.openapi.json"
SOURCE_URI = "https://ucp.dev/source"
PROFILE_FILE_URI = SOURCE_URI + "/discovery/profile_schema.json"
MCP_URI = "https://ucp.dev/services/shopping/mcp.openrpc.json"
ACP_FEED = SPECS / "acp" / "spec" / "2026-04-17" / "json-schema" / "schema.feed.json"


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Every UCP schema under its ``$id``, plus the REST and MCP service documents."""
    resources = []
    for path in (UCP / "schemas").rglob("*.json"):
        doc = json.loads(path.read_text())
        resources.append((doc["$id"], Resource.from_contents(doc)))
        # the profile schema refers to its neighbours by file path, not by $id
        resources.append((f"{SOURCE_URI}/{path.relative_to(UCP)}", Resource.from_contents(doc)))
    profile = json.loads((UCP / "discovery" / "profile_schema.json").read_text())
    profile.pop("$id")
    resources.append((PROFILE_FILE_URI, Resource.from_contents(profile)))
    for uri, path in ((REST_URI, UCP / "services/shopping/rest.openapi.json"),
                      (MCP_URI, UCP / "services/shopping/mcp.openrpc.json")):
        doc = json.loads(Path(path).read_text())
        resources.append((uri, Resource.from_contents(
            doc, default_specification=_draft())))
    return Registry().with_resources(resources)


def _draft() -> Any:
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def validator(ref: str) -> Draft202012Validator:
    """A validator of the schema at ``ref`` (an absolute URI with an optional fragment)."""
    return Draft202012Validator({"$ref": ref}, registry=registry(),
                                format_checker=FormatChecker())


def rest_response_schema(operation_id: str, status: int) -> str:
    """The URI of the REST response schema of ``operation_id`` for ``status``."""
    spec = json.loads((UCP / "services/shopping/rest.openapi.json").read_text())
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                response = op["responses"][str(status)]
                return REST_URI + str(response["content"]["application/json"]["schema"]["$ref"])
    raise KeyError(operation_id)


def errors(ref: str, body: Any) -> list[str]:
    """Every schema violation of ``body`` against ``ref`` (empty: valid)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(ref).iter_errors(body)]


def check_rest(operation_id: str, status: int, body: Any) -> None:
    """Assert a successful REST response validates against the operation's schema."""
    assert body["ucp"]["status"] == "success", body
    problems = errors(rest_response_schema(operation_id, status), body)
    assert not problems, problems


ERROR_RESPONSE = "https://ucp.dev/schemas/shopping/types/error_response.json"
PROFILE = PROFILE_FILE_URI + "#/$defs/business_profile"


def check_error(body: Any, code: str | None = None) -> None:
    """Assert ``body`` is a UCP error response (with ``code`` first, when given)."""
    problems = errors(ERROR_RESPONSE, body)
    assert not problems, problems
    if code is not None:
        assert body["messages"][0]["code"] == code, body


def mcp_result_schema(method: str) -> str:
    """The URI of the MCP binding's result schema of tool ``method``."""
    from urllib.parse import urljoin

    spec = json.loads((UCP / "services/shopping/mcp.openrpc.json").read_text())
    for entry in spec["methods"]:
        if entry["name"] == method:
            return urljoin(MCP_URI, str(entry["result"]["schema"]["$ref"]))
    raise KeyError(method)


def mcp_tool_names() -> set[str]:
    """Every tool the UCP MCP binding defines."""
    spec = json.loads((UCP / "services/shopping/mcp.openrpc.json").read_text())
    return {entry["name"] for entry in spec["methods"]}
