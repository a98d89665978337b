"""The merchant graph: understand, then one answering node.

understand -> ask | propose | confirm | cancel | manage | why | audience | creative | chat.
"""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from agents.merchant.assist import audience, creative
from agents.merchant.context import MerchantContext
from agents.merchant.manage import chat, manage, why
from agents.merchant.nodes import ask, cancel, confirm, next_step, propose, understand
from agents.merchant.state import MerchantState

NODES = {"ask": ask, "propose": propose, "confirm": confirm, "cancel": cancel,
         "manage": manage, "why": why, "audience": audience, "creative": creative, "chat": chat}


def build_graph(checkpointer: Any = None) -> Any:
    """Compile the merchant graph (tests and evals pass their own checkpointer)."""
    graph = StateGraph(MerchantState, context_schema=MerchantContext)
    graph.add_node("understand", understand)
    for name, node in NODES.items():
        graph.add_node(name, node)  # type: ignore[call-overload]
        graph.add_edge(name, END)
    graph.add_edge(START, "understand")
    graph.add_conditional_edges("understand", next_step, list(NODES))
    return graph.compile(checkpointer=checkpointer)
