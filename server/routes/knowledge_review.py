"""The knowledge review queue over REST: list what waits for a person, accept, reject, edit.

Merchant-authenticated (``X-API-Key``): the commonsense graph is the store's, and its
staff review it. Every decision reloads the served knowledge, so search and explanations
use it on the next request.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from knowledge.graph.review import decide, edit, review_queue
from knowledge.graph.store import Assertion
from server.deps import MerchantDep, StateDep

router = APIRouter(prefix="/api/knowledge", tags=["knowledge"])


class AssertionEdit(BaseModel):
    """A correction: any of head, relation, tail."""

    head: str | None = Field(default=None, max_length=200)
    relation: str | None = Field(default=None, max_length=60)
    tail: str | None = Field(default=None, max_length=200)


def _public(row: Assertion) -> dict[str, Any]:
    return row.model_dump(mode="json")


def _reload(state: StateDep) -> None:
    reload = getattr(state.store.search.expander, "reload", None)
    if reload is not None:
        reload()


AssertionId = Annotated[int, Path(ge=1, le=2**63 - 1, description="an assertion's id")]
"""A row id: positive and within a 64-bit SQL integer (a larger one is a 422, not a 500)."""

@router.get("/review")
def pending(_merchant: MerchantDep, state: StateDep,
            limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    """Candidates waiting for review, those closest to being served first."""
    return {"items": [_public(a) for a in review_queue(state.store.engine, limit)]}


@router.post("/assertions/{assertion_id}/{decision}")
def review(assertion_id: AssertionId, decision: Literal["accept", "reject"], _merchant: MerchantDep,
           state: StateDep) -> dict[str, Any]:
    """Accept (serve it) or reject (never serve it) one assertion."""
    row = decide(state.store.engine, assertion_id, decision)
    _reload(state)
    return _public(row)


@router.patch("/assertions/{assertion_id}")
def correct(assertion_id: AssertionId, body: AssertionEdit, _merchant: MerchantDep,
            state: StateDep) -> dict[str, Any]:
    """Correct an assertion; the corrected one is accepted with ``source: human``."""
    row = edit(state.store.engine, assertion_id, head=body.head, relation=body.relation,
               tail=body.tail)
    _reload(state)
    return _public(row)
