"""The configured model as a LangChain ``BaseChatModel``, so graphs use it the standard way."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForLLMRun,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict

from knowledge.llm import LLMBackend, Message

_ROLES = {"human": "user", "ai": "assistant", "system": "system", "tool": "user"}


def to_messages(messages: list[BaseMessage]) -> list[Message]:
    """LangChain messages as plain chat dicts (tool results become user text, see DESIGN)."""
    out: list[Message] = []
    for message in messages:
        role = _ROLES.get(message.type, "user")
        content = message.content if isinstance(message.content, str) else str(message.content)
        if message.type == "tool":
            content = f"Tool result: {content}"
        out.append({"role": role, "content": content})
    return out


class ShopmageChatModel(BaseChatModel):
    """A LangChain chat model over :class:`LLMBackend`; pass ``json_schema=`` to constrain."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    backend: LLMBackend
    max_tokens: int | None = None

    @property
    def _llm_type(self) -> str:
        return "shopmage-llama-cpp"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None,
                  **kwargs: Any) -> ChatResult:
        text = self.backend.complete(
            to_messages(messages), max_tokens=kwargs.get("max_tokens", self.max_tokens),
            json_schema=kwargs.get("json_schema"),
        )
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for token in self.backend.stream(
            to_messages(messages), max_tokens=kwargs.get("max_tokens", self.max_tokens),
            json_schema=kwargs.get("json_schema"),
        ):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
            if run_manager:
                run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk

    async def _astream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                       run_manager: AsyncCallbackManagerForLLMRun | None = None,
                       **kwargs: Any) -> AsyncIterator[ChatGenerationChunk]:
        async for token in self.backend.astream(
            to_messages(messages), max_tokens=kwargs.get("max_tokens", self.max_tokens),
            json_schema=kwargs.get("json_schema"),
        ):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
            if run_manager:
                await run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk
