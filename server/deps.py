"""The application's typed state and the FastAPI dependencies routes declare.

``AppState`` is built once by the lifespan; each capability's ``setup`` fills its own
field. Routes never reach into it by string key: they declare what they need
(``StateDep``, ``EngineDep``, ``ShopperDep``, ``MerchantServiceDep``, ``MerchantDep``).
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy.engine import Engine

from agents.merchant.service import MerchantService
from agents.shopper.service import ShopperService
from knowledge.merchants import authenticate
from knowledge.models import Merchant
from knowledge.settings import Settings
from knowledge.store import Store
from server.errors import ServiceUnavailableError
from server.sockets import SessionRateLimits
from tools.ads.serving import AdServer
from tools.ucp.service import ShoppingService


@dataclass
class AppState:
    """Everything built once at start-up, one typed field per part."""

    settings: Settings
    store: Store
    shopper: ShopperService | None = None
    """The shopper assistant (``server.routes.shopper_ws.setup``)."""
    merchant: MerchantService | None = None
    """The merchant assistant (``server.routes.merchant.setup``)."""
    checkpointers: dict[str, contextlib.AsyncExitStack] = field(default_factory=dict)
    """Open conversation checkpointers by capability, closed at shutdown."""
    shopper_limits: SessionRateLimits = field(init=False)
    """Turns per minute per shopper session."""
    merchant_limits: SessionRateLimits = field(init=False)
    """Turns per minute per merchant chat session."""
    ads: AdServer | None = None
    """Sponsored slots: the auction, pacing and the ledger (``server.routes.ads.setup``)."""
    ucp: ShoppingService | None = None
    """The UCP shopping service shared by REST and MCP (``server.routes.ucp.setup``)."""
    ucp_mcp_app: Any = None
    """The ASGI app of the UCP MCP endpoint (``server.routes.ucp_mcp.setup``)."""
    ucp_mcp_running: AbstractAsyncContextManager[Any] | None = None
    """The MCP session manager's run context, exited at shutdown."""

    def __post_init__(self) -> None:
        """Rate limits come from settings."""
        per_minute = self.settings.rate_limit_per_minute
        self.shopper_limits = SessionRateLimits(per_minute, "shopper")
        self.merchant_limits = SessionRateLimits(per_minute, "merchant")

    def shopper_service(self) -> ShopperService:
        """The shopper assistant, or a clear error when this server has none."""
        if self.shopper is None:
            raise ServiceUnavailableError("the shopping assistant is not available on this server")
        return self.shopper

    def merchant_service(self) -> MerchantService:
        """The merchant assistant, or a clear error when this server has none."""
        if self.merchant is None:
            raise ServiceUnavailableError("the merchant assistant is not available on this server")
        return self.merchant


def get_state(request: Request) -> AppState:
    """The application's state (built by the lifespan)."""
    state: AppState = request.app.state.shopmage
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def get_engine(state: StateDep) -> Engine:
    """The store's database engine."""
    return state.store.engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def get_shopper(state: StateDep) -> ShopperService:
    """The shopper assistant."""
    return state.shopper_service()


ShopperDep = Annotated[ShopperService, Depends(get_shopper)]


def get_merchant_service(state: StateDep) -> MerchantService:
    """The merchant assistant."""
    return state.merchant_service()


MerchantServiceDep = Annotated[MerchantService, Depends(get_merchant_service)]


def get_merchant(state: StateDep,
                 x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None) -> Merchant:
    """The merchant whose API key came in ``X-API-Key`` (401 otherwise)."""
    return authenticate(state.store.engine, x_api_key)


MerchantDep = Annotated[Merchant, Depends(get_merchant)]
