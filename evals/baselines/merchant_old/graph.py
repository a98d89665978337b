"""The merchant graph: understand -> (ask | propose | confirm | cancel | manage | why | chat)."""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from evals.baselines.merchant_old.context import MerchantContext
from evals.baselines.merchant_old.manage import chat, manage, why
from evals.baselines.merchant_old.nodes import ask, cancel, confirm, next_step, propose, understand
from evals.baselines.merchant_old.state import MerchantState

NODES = {"ask": ask, "propose": propose, "confirm": confirm, "cancel": cancel,
         "manage": manage, "why": why, "chat": chat}


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
