"""The vendored UCP spec validators (kept in evals/ so the conformance command shares them)."""

from evals.ucp_spec import (  # noqa: F401
    ACP_FEED,
    ERROR_RESPONSE,
    PROFILE,
    check_error,
    check_rest,
    errors,
    mcp_result_schema,
    mcp_tool_names,
    rest_response_schema,
)
