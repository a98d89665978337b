"""The LangChain tool wrappers: identity comes from the runtime context, never the model."""

from __future__ import annotations

import uuid

from langchain_core.messages import AIMessage
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode

from agents.shopper.context import ShopperContext
from agents.understanding.router import IntentRouter
from agents.understanding.vocabulary import vocabulary_from_engine
from knowledge.carts import show_cart
from knowledge.store import Store
from tools.shopper_tools import SHOPPER_TOOLS


def test_model_visible_schemas_have_no_identity_fields() -> None:
    for tool in SHOPPER_TOOLS:
        fields = set(tool.tool_call_schema.model_json_schema().get("properties", {}))
        assert not fields & {"runtime", "session_id", "user_id", "merchant_id"}, tool.name
    assert not {t.name for t in SHOPPER_TOOLS} & {"create_campaign", "update_price"}


def test_cart_tool_writes_to_the_context_session(shop: Store) -> None:
    graph = StateGraph(MessagesState, context_schema=ShopperContext)
    graph.add_node("tools", ToolNode(SHOPPER_TOOLS))
    graph.add_edge(START, "tools")
    app = graph.compile()
    mine, other = uuid.uuid4().hex, uuid.uuid4().hex
    call = AIMessage(content="", tool_calls=[{
        "name": "add_to_cart", "id": "call1",
        "args": {"product_id": "SHO00", "quantity": 2, "session_id": other}}])
    ctx = ShopperContext(store=shop, router=IntentRouter.__new__(IntentRouter),
                         vocabulary=vocabulary_from_engine(shop.engine), session_id=mine)
    result = app.invoke({"messages": [call]}, context=ctx)
    assert "SHO00" in result["messages"][-1].content
    assert [(i.product_id, i.quantity) for i in show_cart(shop.engine, mine).items] == [
        ("SHO00", 2)]
    assert show_cart(shop.engine, other).items == []
