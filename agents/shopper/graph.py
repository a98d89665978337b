"""The shopper graph: understand -> (clarify | act | policy) -> respond, per session."""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from agents.shopper.context import ShopperContext
from agents.shopper.nodes import act, answer_policy, clarify, respond, understand
from agents.shopper.state import ShopperState


def build_graph(checkpointer: Any = None) -> Any:
    """Compile the graph; the store, router and session travel in :class:`ShopperContext`.

    The tool set is fixed here: only catalogue, cart, recommendation and knowledge tools
    (no merchant operation exists in this graph, whatever a message asks).
    """
    graph = StateGraph(ShopperState, context_schema=ShopperContext)
    graph.add_node("understand", understand)
    graph.add_node("clarify", clarify)
    graph.add_node("act", act)
    graph.add_node("policy", answer_policy)
    graph.add_node("respond", respond)
    graph.add_edge(START, "understand")
    graph.add_edge("clarify", END)
    graph.add_edge("act", "respond")
    graph.add_edge("policy", "respond")
    graph.add_edge("respond", END)
    return graph.compile(checkpointer=checkpointer, name="shopper")
