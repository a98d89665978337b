"""``/v1/chat/completions``: the shopping assistant behind the OpenAI chat API.

Any OpenAI client can talk to the shopper graph. The conversation is the shopper
session named by the request's ``user`` field (or a new one); the last user message is
the turn. Product cards come back in the text and, structured, in ``shopmage.products``.

Errors follow OpenAI's shape and statuses, so clients retry the right ones: 400
``invalid_request_error``, 401 ``authentication_error``, 429 ``rate_limit_error`` when the
model queue is full (with ``Retry-After``), 503 when an engine is unavailable.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from agents.shopper.service import ShopperService
from knowledge.errors import (
    BusyError,
    EngineUnavailableError,
    InvalidRequestError,
    PermissionDeniedError,
    ShopmageError,
)
from server.deps import ShopperDep
from server.errors import ServiceUnavailableError

router = APIRouter(tags=["openai"])
MODEL = "shopmage-shopper"


class ChatMessage(BaseModel):
    """One OpenAI chat message (text content only)."""

    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """The subset of the OpenAI chat request the shopper honours."""

    model: str = MODEL
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    user: str | None = Field(default=None, max_length=100, pattern=r"^[A-Za-z0-9_\-]+$")
    max_tokens: int | None = None
    temperature: float | None = None


def _last_user_text(body: ChatRequest) -> str:
    for message in reversed(body.messages):
        if message.role == "user":
            content = message.content
            if isinstance(content, list):
                content = " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
            if content and content.strip():
                return content.strip()
    raise InvalidRequestError("the request needs a non-empty user message")


def _cards_text(cards: list[dict[str, Any]]) -> str:
    lines = [f"- {c['title']} (id {c['id']}" + (f", ${c['price']:.2f}" if c.get("price")
                                                 is not None else "") + ")" for c in cards]
    return ("\n\n" + "\n".join(lines)) if lines else ""


async def _events(service: ShopperService, body: ChatRequest
                  ) -> AsyncIterator[dict[str, Any]]:
    session = body.user or "openai-" + uuid.uuid4().hex[:12]
    async for event in service.run_turn(session, {"type": "message",
                                                  "text": _last_user_text(body)}):
        if event["type"] == "busy":
            raise BusyError(event.get("message", "busy"))
        if event["type"] == "error":
            if event.get("code") == "unavailable":
                raise ServiceUnavailableError(event.get("message", "unavailable"))
            raise InvalidRequestError(event.get("message", "the request failed"))
        yield event


def _chunk(cid: str, delta: dict[str, Any], finish: str | None = None,
           extra: dict[str, Any] | None = None) -> str:
    body = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()),
            "model": MODEL, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if extra:
        body["shopmage"] = extra
    return f"data: {json.dumps(body)}\n\n"


async def _stream(first: dict[str, Any] | None,
                  rest: AsyncIterator[dict[str, Any]]) -> AsyncIterator[str]:
    cid = "chatcmpl-" + uuid.uuid4().hex
    yield _chunk(cid, {"role": "assistant", "content": ""})
    products: list[dict[str, Any]] = []
    events = [first] if first else []
    try:
        for event in events:
            if event["type"] == "token":
                yield _chunk(cid, {"content": event["text"]})
            elif event["type"] == "products":
                products = event["items"]
        async for event in rest:
            if event["type"] == "token":
                yield _chunk(cid, {"content": event["text"]})
            elif event["type"] == "products":
                products = event["items"]
    except ShopmageError as exc:
        yield _chunk(cid, {"content": f"\n[{exc}]"})
    if products:
        yield _chunk(cid, {"content": _cards_text(products)})
    yield _chunk(cid, {}, "stop", {"products": products})
    yield "data: [DONE]\n\n"


@router.post("/v1/chat/completions", response_model=None)
async def chat_completions(body: ChatRequest, service: ShopperDep) -> Any:
    """OpenAI-compatible chat completion (streaming with ``stream: true``)."""
    try:
        return await _complete(service, body)
    except ShopmageError as exc:
        return openai_error(exc)


def openai_error(exc: ShopmageError) -> JSONResponse:
    """A domain error in OpenAI's error shape and status."""
    status, kind, headers = 500, "api_error", None
    if isinstance(exc, InvalidRequestError):
        status, kind = 400, "invalid_request_error"
    elif isinstance(exc, PermissionDeniedError):
        status, kind = 401, "authentication_error"
    elif isinstance(exc, BusyError):
        status, kind, headers = 429, "rate_limit_error", {"Retry-After": "2"}
    elif isinstance(exc, EngineUnavailableError | ServiceUnavailableError):
        status, kind, headers = 503, "service_unavailable", {"Retry-After": "2"}
    body = {"error": {"message": str(exc), "type": kind, "param": None, "code": kind}}
    return JSONResponse(body, status, headers)


async def _complete(service: ShopperService, body: ChatRequest) -> Any:
    events = _events(service, body)
    if body.stream:
        first = await anext(events, None)  # errors before the first byte become HTTP errors
        return StreamingResponse(_stream(first, events),
                                 media_type="text/event-stream")
    text, products, clarification = "", [], None
    async for event in events:
        if event["type"] == "token":
            text += event["text"]
        elif event["type"] == "products":
            products = event["items"]
        elif event["type"] == "clarification":
            clarification = event
    return {
        "id": "chatcmpl-" + uuid.uuid4().hex, "object": "chat.completion",
        "created": int(time.time()), "model": MODEL,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text + _cards_text(products)}}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "shopmage": {"products": products, "clarification": clarification},
    }


@router.get("/v1/models")
def models() -> dict[str, Any]:
    """The one model this endpoint serves."""
    return {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "shopmage"}]}
