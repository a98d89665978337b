"""Store-policy answers and the order-status handoff: quoted from the merchant's text only.

A policy question is answered with the best policy section, quoted word for word and sent
as a ``policy`` event (the passage the widget shows). When no section matches, the reply
says so and quotes how to contact the store. Order questions (status, tracking, changes)
get a handoff: this chat cannot see orders, so it never states a status; it quotes where
to look. The LLM never words these replies.
"""

from __future__ import annotations

import re
from typing import Any

from agents.protocol import event
from agents.shopper.turn import Plan
from knowledge.policies import PolicyBook, PolicySection

NO_CONTACT = "Please contact the store directly."
_POLICY_WORDS = re.compile(
    r"\b(?:ship(?:s|ped|ping)?|deliver(?:y|ed|s)?|arriv(?:e|al)|return(?:s|ed)?|refunds?|"
    r"exchanges?|pay(?:ment)?|installments?|klarna|paypal|discounts?|promo|coupons?|"
    r"warrant(?:y|ies)|tax)\b")


def _quote(section: PolicySection) -> str:
    return f"From our {section.doc_title.lower()} policy ({section.title}): \"{section.text}\""


def _contact_line(contact: PolicySection | None) -> str:
    return (f"Here is how to contact the store: \"{contact.text}\"" if contact else NO_CONTACT)


def policy_plan(book: PolicyBook, text: str) -> Plan:
    """Answer a policy question by quoting the best section, or say we don't know."""
    found = book.answer(text)
    if found.section is None:
        template = ("I don't know the answer to that from our store policies. "
                    + _contact_line(found.contact))
        events = [event("policy", **found.contact.as_event())] if found.contact else []
        return {"llm": False, "template": template, "events": events, "keep_results": True,
                "policy": {"answered": False, "score": found.score}}
    section = found.section
    return {"llm": False, "template": _quote(section), "keep_results": True,
            "events": [event("policy", **section.as_event())],
            "policy": {"answered": True, "doc": section.doc, "section": section.title,
                       "score": found.score}}


def order_plan(book: PolicyBook) -> Plan:
    """Hand an order question over: where to look and how to reach the store; no status."""
    help_section = book.order_help()
    template = "I can't see orders from this chat, so I can't tell you its status. "
    if help_section:
        template += f"\"{help_section.text}\""
        events = [event("policy", **help_section.as_event())]
    else:
        template += NO_CONTACT
        events = []
    return {"llm": False, "template": template, "events": events, "keep_results": True,
            "policy": {"answered": help_section is not None, "handoff": "order"}}


def policy_note(book: PolicyBook, text: str) -> dict[str, Any] | None:
    """The quoted section to add to a product answer that touches a policy, or None.

    For example "would I get free shipping on it?" about a shown product.
    """
    if not _POLICY_WORDS.search(text.lower()):
        return None
    found = book.answer(text)
    if found.section is None:
        return None
    return {"sentence": _quote(found.section),
            "event": event("policy", **found.section.as_event())}
