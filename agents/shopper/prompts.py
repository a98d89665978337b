"""Prompts for the few things the language model writes (one short sentence of wording)."""

from __future__ import annotations

REPLY_SYSTEM = (
    "You are a shop assistant. Answer with ONE short upbeat sentence that introduces the "
    "products found. Call them only by the product types listed after 'Found:', even when "
    "the shopper asked for something else. Never name products, brands or prices, and "
    "never claim a feature."
)
CHAT_SYSTEM = (
    "You are a shop assistant in an online store. Answer with ONE short friendly sentence "
    "and offer to help find products."
)
_REPLY_SHOTS = [
    ("Shopper asked: running shoes under $80\nFound: 5 running shoes",
     "Here are some comfortable running shoes that fit your budget."),
    ("Shopper asked: cheaper\nFound: 3 frying pans",
     "These frying pans are easier on your wallet."),
    ("Shopper asked: headphones for the gym\nFound: 3 gym bags, 2 water bottles",
     "Here are some gym bags and water bottles for your workouts."),
]
_CHAT_SHOTS = [("hello", "Hi there! What can I help you find today?"),
               ("thanks", "You're welcome! Let me know if you need anything else.")]


def _shots(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    out = []
    for user, assistant in pairs:
        out += [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
    return out


def reply_messages(request: str, summary: str) -> list[dict[str, str]]:
    """Messages asking for one intro sentence about search results."""
    return [{"role": "system", "content": REPLY_SYSTEM}, *_shots(_REPLY_SHOTS),
            {"role": "user", "content": f"Shopper asked: {request[:200]}\nFound: {summary}"}]


def chat_messages(text: str) -> list[dict[str, str]]:
    """Messages for small talk."""
    return [{"role": "system", "content": CHAT_SYSTEM}, *_shots(_CHAT_SHOTS),
            {"role": "user", "content": text[:300]}]
