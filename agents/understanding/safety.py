"""The small hand-written safety layer that decides before the intent model.

Only three kinds of request are caught, each by a pattern that needs the *request*, not
just a word ("admin", "password" or "all users" alone never fire, so "office chair for an
admin assistant" or "a password journal" still search):

- prompt injection: "ignore your instructions", "system prompt", "developer mode";
- other people's data or credentials: "emails of all users", "the admin password",
  "other customers' orders", "log in as the merchant";
- store operations a shopper may not run: "set the price to 0", "delete all products",
  "make me a 100% coupon", SQL.
"""

from __future__ import annotations

import re

_PEOPLE = r"(?:users?|customers?|shoppers?|people|buyers?|members?|accounts?|clients?)"
_DATA = (r"(?:orders?|e-?mails?|address(?:es)?|names?|carts?|baskets?|passwords?|data|details|"
         r"histor(?:y|ies)|phone(?: numbers?)?|credit cards?|payments?|info(?:rmation)?|"
         r"purchases?|accounts?|logins?)")

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("prompt_injection", re.compile(
        r"\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|rules|prompts?|"
        r"guidelines|restrictions)\b|\bsystem (?:prompt|instructions?|message)\b|"
        r"\bdeveloper mode\b|\bjailbreak|\byou are now\b|\bno (?:rules|restrictions|limits) "
        r"(?:apply|anymore)\b|\bpretend (?:there are|you have) no\b|\byou have no rules\b|"
        r"\b(?:reveal|print|show|repeat) (?:me )?(?:your|the) (?:hidden )?(?:prompt|"
        r"instructions|rules|configuration)\b")),
    ("others_data", re.compile(
        rf"\b(?:other|another|all|every|each|the last|previous)\s+(?:\w+\s+)?{_PEOPLE}(?:'s|s'|')?"
        rf"\s+(?:\w+\s+){{0,3}}{_DATA}\b|"
        rf"\b{_DATA}\s+(?:of|for|from)\s+(?:all|every|other|another|each)\s+(?:the\s+)?"
        rf"(?:\w+\s+)?{_PEOPLE}\b|"
        rf"\b(?:list|show|give|dump|export|send)(?: me)? (?:all|every|the) (?:the )?{_PEOPLE}\b"
        rf"(?!\s+(?:of|in) (?:our|my))|"
        rf"\bwhat did (?:the last|other|another) {_PEOPLE}\b.{{0,30}}\b(?:buy|order)|"
        rf"\b(?:someone|somebody) else'?s\s+{_DATA}\b")),
    ("credentials", re.compile(
        r"\b(?:admin|administrator|root|merchant|your|staff)(?:'s)?\s+(?:password|"
        r"passwd|credentials?|api keys?|tokens?|login)s?\b|\bapi keys?\b|"
        r"\b(?:log ?in|login|sign in|logged in)\s+as\s+(?:an?\s+|the\s+)?(?:admin|"
        r"administrator|merchant|root|owner|staff|another user|someone)\b|"
        r"\b(?:act|pretend) (?:as|to be|you are) (?:the |an? )?(?:store )?(?:admin|"
        r"administrator|merchant|owner)\b")),
    ("store_operation", re.compile(
        r"\b(?:change|set|update|edit|modify|lower|raise)\s+(?:the\s+)?(?:price|stock|"
        r"inventory|product description)s?\s+(?:of|for|to)\b|"
        r"\bset (?:the )?(?:stock|inventory) to\b|"
        r"\b(?:delete|drop|wipe|truncate|erase)\s+(?:all|every|the)\s+(?:the\s+)?(?:products?|"
        r"users?|orders?|tables?|customers?|database|store|catalog(?:ue)?)\b"
        r"(?!\s+(?:from|in|out of) (?:my|the) (?:cart|basket))|"
        r"\bdrop table\b|\bselect \* from\b|\bsql\b|"
        r"\b(?:create|make|generate|give)(?: me)? (?:a |an )?(?:new )?(?:\d+ ?% (?:off )?)?"
        r"(?:discount|coupon|promo(?:tion)?|voucher)(?: code)?(?: for me| that)\b|"
        r"\b(?:100|9\d) ?% (?:off|discount)\b|\brefund me\b")),
)


def safety_rule(text: str) -> str | None:
    """Name of the safety rule ``text`` trips (the message is then out of scope), or None."""
    low = " ".join(text.lower().split())
    return next((name for name, pattern in RULES if pattern.search(low)), None)
