"""The chat protocol the agents speak, defined once; the server streams it, ``web/`` reads it.

Client -> server frames: ``{"type": "message", "text": "..."}`` or
``{"type": "action", "action": "add_to_cart"|"remove_from_cart"|"choose", "product_id"?: str,
"quantity"?: int, "value"?: str}`` (a clarification button sends ``choose`` with its value).

Server -> client events (every one has ``type``):

- ``session``: ``{session_id}``, first event after connecting (resumable id).
- ``token``: ``{text}``, a piece of the streamed reply.
- ``products``: ``{items: [ProductCard]}``, cards shown under the reply.
- ``clarification``: ``{question, options: [str]}``, buttons the shopper can press.
- ``cart``: ``{items: [{product_id, title, price, quantity}], total}``.
- ``policy``: ``{doc, doc_title, section, passage, source}``, the store-policy passage a
  reply quotes (shipping, returns, payment, contact...), shown as written by the merchant.
- ``campaign_draft``: ``{draft}``, a campaign awaiting the merchant's confirmation.
- ``campaign``: ``{campaign}``, a created or changed campaign.
- ``forecast``: ``{forecast, chart_url}``, simulated outcome of a draft.
- ``creative``: ``{creative}``, a listing, ad copy or banner awaiting approval.
- ``error``: ``{code, message}``; the connection stays usable.
- ``busy``: ``{message}``, the model queue is full; try again.
- ``done``: ``{}``, the turn is over.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

EventName = Literal[
    "session", "token", "products", "clarification", "cart", "policy", "campaign_draft",
    "campaign",
    "forecast", "creative", "error", "busy", "done",
]


class ProductCard(BaseModel):
    """What the widget shows for one recommended product."""

    id: str
    title: str
    price: float | None = None
    image: str | None = None
    brand: str | None = None
    category: str | None = None
    type: str | None = Field(default=None, description="product type, e.g. 'gym bag'")
    why: list[str] = Field(default_factory=list, description="evidence sentences")


class ClientFrame(BaseModel):
    """One frame from the browser."""

    type: Literal["message", "action"]
    text: str | None = None
    action: Literal["add_to_cart", "remove_from_cart", "choose", "confirm", "cancel"] | None = None
    product_id: str | None = None
    quantity: int | None = None
    value: str | None = None


class ServerEvent(BaseModel):
    """One event to the browser: a ``type`` and its payload fields."""

    type: EventName
    data: dict[str, Any] = Field(default_factory=dict)

    def wire(self) -> dict[str, Any]:
        """The JSON object sent on the socket: ``{"type": ..., **data}``."""
        return {"type": self.type, **self.data}


def event(kind: EventName, **data: Any) -> dict[str, Any]:
    """Build a wire event in one call: ``event("token", text="Hi")``."""
    return ServerEvent(type=kind, data=data).wire()
