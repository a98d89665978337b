"""The language model: llama.cpp in-process by default, an OpenAI-compatible server at scale.

One backend object per process. In-process calls are blocking, so they run in a worker
thread, one at a time, behind a bounded queue: when ``llm_queue_size`` callers are
already waiting, the next is told "busy" at once (:class:`BusyError`) instead of waiting.
Anything a program reads back is generated under a JSON schema (a llama.cpp grammar).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

from knowledge.errors import BusyError, ConfigError, EngineUnavailableError, ShopmageError
from knowledge.settings import Settings

Message = dict[str, str]


def load_weights_unrepacked() -> None:
    """Make llama.cpp keep the weights in plain CPU buffers (``use_extra_bufts`` off).

    On a CPU with AMX, llama.cpp repacks the weights for AMX tiles, and the first decode
    then crashes the process (SIGSEGV) where the kernel does not grant AMX tile state, as in
    the sandboxed Sapphire Rapids machines of 2026-12-01. ``llama_cpp.Llama`` takes no
    argument for it, so its default model parameters are wrapped once, before a load.
    """
    import llama_cpp.llama_cpp as low  # the module whose defaults ``Llama`` reads at load

    default = getattr(low, "llama_model_default_params")  # noqa: B009 (untyped module)
    if getattr(default, "unrepacked", False):
        return

    def unrepacked() -> Any:
        params = default()
        params.use_extra_bufts = False
        return params

    unrepacked.unrepacked = True  # type: ignore[attr-defined]
    setattr(low, "llama_model_default_params", unrepacked)  # noqa: B010


class ModelGate:
    """One call at a time; at most ``queue_size`` callers waiting, the rest refused."""

    def __init__(self, queue_size: int) -> None:
        """Create an idle gate."""
        self.queue_size = queue_size
        self.waiting = 0
        self._lock = asyncio.Lock()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold the model; raises :class:`BusyError` at once when the queue is full."""
        if self._lock.locked() and self.waiting >= self.queue_size:
            raise BusyError("the assistant is busy right now; please try again in a moment")
        self.waiting += 1
        try:
            await self._lock.acquire()
        finally:
            self.waiting -= 1
        try:
            yield
        finally:
            self._lock.release()


class LLMBackend:
    """Chat completion, streaming and schema-constrained JSON over one configured model."""

    def __init__(self, settings: Settings) -> None:
        """Open the configured model (in-process GGUF, or a client for a model server)."""
        self.settings = settings
        self.gate = ModelGate(settings.llm_queue_size)
        self._thread_lock = threading.Lock()
        self._llama: Any = None
        self._client: Any = None
        if settings.llm_base_url:
            from openai import OpenAI

            self._client = OpenAI(
                base_url=settings.llm_base_url, api_key=settings.llm_api_key, timeout=30.0,
                max_retries=0,
            )
            self.model_name = settings.llm_model_name
            self._check_server(settings.llm_base_url)
        else:
            self.model_path = settings.resolved_llm_path()
            self.model_name = self.model_path.name
            self._llama = self._load(self.model_path)

    def _check_server(self, base_url: str) -> None:
        """Fail fast, naming the setting and address, when the model server does not answer."""
        try:
            self._client.with_options(timeout=5.0).models.list()
        except Exception as exc:
            raise ConfigError(
                f"SHOPMAGE_LLM_BASE_URL: no OpenAI-compatible model server answers at "
                f"{base_url}: {exc}"
            ) from exc

    def _load(self, path: Any) -> Any:
        from llama_cpp import Llama

        load_weights_unrepacked()
        try:
            return Llama(
                model_path=str(path),
                n_ctx=self.settings.llm_n_ctx,
                n_threads=self.settings.llm_threads,
                seed=self.settings.llm_seed,
                verbose=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(f"SHOPMAGE_LLM_MODEL_PATH: cannot load {str(path)!r}: {exc}") from exc

    # -- blocking calls (run them off the event loop) ---------------------------------------

    def _params(self, max_tokens: int | None, temperature: float | None,
                json_schema: dict[str, Any] | None) -> dict[str, Any]:
        params: dict[str, Any] = {
            "max_tokens": max_tokens or self.settings.llm_max_tokens,
            "temperature": self.settings.llm_temperature if temperature is None else temperature,
            "seed": self.settings.llm_seed,
        }
        if json_schema is not None:
            params["response_format"] = {"type": "json_object", "schema": json_schema}
        return params

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float | None = None, json_schema: dict[str, Any] | None = None,
               stop_flag: threading.Event | None = None) -> Iterator[str]:
        """Yield the reply token by token (blocking; one caller at a time)."""
        params = self._params(max_tokens, temperature, json_schema)
        with self._thread_lock:
            try:
                if self._client is not None:
                    # llama-cpp-python 0.3.36 ignores a grammar when repeat_penalty != 1.0,
                    # and its server defaults to 1.1: pin it so constraints hold remotely too.
                    chunks = self._client.chat.completions.create(
                        model=self.model_name, messages=messages, stream=True,
                        extra_body={"repeat_penalty": 1.0}, **params
                    )
                    for chunk in chunks:
                        if stop_flag is not None and stop_flag.is_set():
                            break
                        if chunk.choices and chunk.choices[0].delta.content:
                            yield chunk.choices[0].delta.content
                    return
                for part in self._llama.create_chat_completion(
                    messages=messages, stream=True, **params
                ):
                    if stop_flag is not None and stop_flag.is_set():
                        break
                    text = part["choices"][0]["delta"].get("content")
                    if text:
                        yield text
            except ShopmageError:
                raise
            except Exception as exc:  # engine failures become one clear error
                if self._client is not None and _server_gone(exc):
                    raise EngineUnavailableError(
                        "SHOPMAGE_LLM_BASE_URL", "the model server",
                        str(self.settings.llm_base_url), exc.__cause__ or exc) from exc
                raise ShopmageError(f"the language model failed: {exc}") from exc

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float | None = None,
                 json_schema: dict[str, Any] | None = None) -> str:
        """The whole reply as one string (blocking)."""
        return "".join(
            self.stream(messages, max_tokens=max_tokens, temperature=temperature,
                        json_schema=json_schema)
        )

    def complete_json(self, messages: list[Message], schema: dict[str, Any],
                      **kwargs: Any) -> dict[str, Any]:
        """A reply constrained to ``schema`` and parsed; raises when it is not valid JSON."""
        kwargs.setdefault("max_tokens", 256)
        text = self.complete(messages, json_schema=schema, **kwargs)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ShopmageError(
                f"the model returned malformed JSON (cut short?): {text[:80]!r}") from exc
        if not isinstance(value, dict):
            raise ShopmageError("the model returned JSON that is not an object")
        return value

    # -- async, queued ------------------------------------------------------------------------

    async def acomplete(self, messages: list[Message], **kwargs: Any) -> str:
        """Queued :meth:`complete` off the event loop; :class:`BusyError` when the queue is full."""
        async with self.gate.slot():
            return await asyncio.to_thread(self.complete, messages, **kwargs)

    async def acomplete_json(self, messages: list[Message], schema: dict[str, Any],
                             **kwargs: Any) -> dict[str, Any]:
        """Queued :meth:`complete_json`."""
        async with self.gate.slot():
            return await asyncio.to_thread(self.complete_json, messages, schema, **kwargs)

    async def astream(self, messages: list[Message], **kwargs: Any) -> AsyncIterator[str]:
        """Queued token stream; stops the model early when the consumer goes away."""
        async with self.gate.slot():
            loop = asyncio.get_running_loop()
            queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
            stop = threading.Event()

            def produce() -> None:
                try:
                    for token in self.stream(messages, stop_flag=stop, **kwargs):
                        loop.call_soon_threadsafe(queue.put_nowait, ("token", token))
                    loop.call_soon_threadsafe(queue.put_nowait, ("end", None))
                except BaseException as exc:  # handed to the consumer below
                    loop.call_soon_threadsafe(queue.put_nowait, ("error", exc))

            worker = loop.run_in_executor(None, produce)
            try:
                while True:
                    kind, value = await queue.get()
                    if kind == "token":
                        yield value
                    elif kind == "error":
                        raise value
                    else:
                        break
            finally:
                stop.set()
                await asyncio.shield(worker)


def _server_gone(exc: Exception) -> bool:
    """Whether a model-server call failed because the server does not answer."""
    import httpx
    from openai import APIConnectionError

    return isinstance(exc, (APIConnectionError, httpx.TransportError))
