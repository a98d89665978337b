"""FastAPI dependencies: the application state and the authenticated merchant."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Header, Request

from knowledge.merchants import authenticate
from knowledge.models import Merchant
from knowledge.settings import Settings
from knowledge.store import Store


@dataclass
class AppState:
    """Everything built once at start-up; capabilities add their services to ``services``."""

    settings: Settings
    store: Store
    services: dict[str, Any] = field(default_factory=dict)


def get_state(request: Request) -> AppState:
    """The application's state (built by the lifespan)."""
    state: AppState = request.app.state.shopmage
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def get_merchant(state: StateDep,
                 x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None) -> Merchant:
    """The merchant whose API key came in ``X-API-Key`` (401 otherwise)."""
    return authenticate(state.store.engine, x_api_key)


MerchantDep = Annotated[Merchant, Depends(get_merchant)]
