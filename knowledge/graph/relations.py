"""The relation vocabulary (COSMO's 15, plus NEEDS for audience/intent -> attribute)."""

from __future__ import annotations

from knowledge.errors import InvalidRequestError

RELATIONS: tuple[str, ...] = (
    "USED_FOR_FUNCTION", "USED_FOR_EVENT", "USED_FOR_AUDIENCE", "USED_BY", "CAPABLE_OF",
    "USED_TO", "USED_AS", "IS_A", "USED_IN_LOCATION", "USED_IN_BODY", "USED_WITH", "USED_ON",
    "X_IS_A", "X_WANT", "X_INTERESTED_IN", "NEEDS",
)
HEAD_TYPES: tuple[str, ...] = ("audience", "intent", "product", "query", "category")
SOURCES: tuple[str, ...] = ("seed", "mining", "llm", "human")
STATUSES: tuple[str, ...] = ("candidate", "accepted", "rejected")


def check_relation(relation: str) -> str:
    """The relation in canonical form; unknown ones are rejected with the valid list."""
    canonical = relation.strip().upper().replace(" ", "_").replace("-", "_")
    if canonical not in RELATIONS:
        raise InvalidRequestError(
            f"unknown relation {relation!r}; valid relations: {', '.join(RELATIONS)}")
    return canonical


def check_choice(value: str, field: str, allowed: tuple[str, ...]) -> str:
    """A field value from a fixed list, or a clear error naming the list."""
    if value not in allowed:
        raise InvalidRequestError(f"unknown {field} {value!r}; valid: {', '.join(allowed)}")
    return value
