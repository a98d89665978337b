import asyncio

import pytest

from knowledge.errors import BusyError
from knowledge.llm import LLMBackend, ModelGate

pytestmark = pytest.mark.llm

SCHEMA = {
    "type": "object",
    "properties": {"color": {"type": "string"}, "max_price": {"type": "number"}},
    "required": ["color", "max_price"],
}


def test_constrained_generation_is_valid_json(llm: LLMBackend) -> None:
    messages = [{"role": "user",
                 "content": "black sneakers under 50 dollars. Give color and max price."}]
    value = llm.complete_json(messages, SCHEMA, max_tokens=60)
    assert set(value) == {"color", "max_price"}
    assert isinstance(value["color"], str) and isinstance(value["max_price"], (int, float))


def test_temperature_zero_is_repeatable(llm: LLMBackend) -> None:
    messages = [{"role": "user", "content": "Name one fruit."}]
    assert llm.complete(messages, max_tokens=12) == llm.complete(messages, max_tokens=12)


async def test_streamed_generation_yields_tokens(llm: LLMBackend) -> None:
    tokens = [t async for t in llm.astream([{"role": "user", "content": "Say hello."}],
                                           max_tokens=16)]
    assert len(tokens) > 2 and "".join(tokens).strip()


async def test_gate_answers_busy_when_queue_is_full() -> None:
    gate = ModelGate(queue_size=1)
    release = asyncio.Event()

    async def hold() -> None:
        async with gate.slot():
            await release.wait()

    async def wait_turn() -> None:
        async with gate.slot():
            pass

    holder = asyncio.create_task(hold())
    await asyncio.sleep(0)
    waiter = asyncio.create_task(wait_turn())
    await asyncio.sleep(0)
    with pytest.raises(BusyError):
        async with gate.slot():
            pass
    release.set()
    await asyncio.gather(holder, waiter)
    async with gate.slot():  # free again
        pass
