"""Store policies: sections retrieved and quoted word for word, unknown -> contact, edits seen."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from agents.shopper.policy import order_plan, policy_plan
from knowledge.embeddings import Embedder
from knowledge.policies import DEMO_POLICIES, PolicyBook, policy_dir, read_sections
from knowledge.settings import Settings


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "policies"
    shutil.copytree(DEMO_POLICIES, folder)
    return folder


def test_policy_question_is_answered_with_the_quoted_passage(embedder: Embedder,
                                                             tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    plan = policy_plan(PolicyBook(folder, embedder), "how many days do I get to send shoes back?")
    event = plan["events"][0]
    assert plan["policy"]["answered"] and event["doc"] == "returns"
    assert event["passage"] in " ".join((folder / "returns.md").read_text().split())
    assert event["passage"] in plan["template"] and not plan["llm"]


def test_unknown_policy_says_so_and_shows_how_to_contact(embedder: Embedder,
                                                         tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    plan = policy_plan(PolicyBook(folder, embedder), "can I bring my parrot to your warehouse?")
    assert not plan["policy"]["answered"]
    assert plan["template"].startswith("I don't know")
    assert [e["doc"] for e in plan["events"]] == ["contact"]
    assert "support@example-store.com" in plan["template"]


def test_merchant_edits_are_picked_up(embedder: Embedder, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    book = PolicyBook(folder, embedder)
    assert "30 days" in policy_plan(book, "what is the return window?")["template"]
    path = folder / "returns.md"
    time.sleep(0.01)
    path.write_text(path.read_text().replace("within 30 days", "within 60 days"))
    assert "60 days" in policy_plan(book, "what is the return window?")["template"]


def test_order_status_hands_over_without_inventing_a_status(embedder: Embedder,
                                                            tmp_path: Path) -> None:
    plan = order_plan(PolicyBook(_folder(tmp_path), embedder))
    assert plan["template"].startswith("I can't see orders")
    assert "My orders" in plan["template"] and plan["events"][0]["doc"] == "contact"
    empty = order_plan(PolicyBook(tmp_path / "nothing-here", embedder))
    assert empty["events"] == [] and "contact the store" in empty["template"]


def test_policy_folder_setting_and_sections(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert policy_dir(settings) == DEMO_POLICIES
    (tmp_path / "data" / "policies").mkdir()
    assert policy_dir(settings) == tmp_path / "data" / "policies"
    own = Settings(data_dir=tmp_path / "data", policy_dir=tmp_path / "mine")
    assert policy_dir(own) == tmp_path / "mine"
    sections = read_sections(DEMO_POLICIES)
    assert {s.doc for s in sections} >= {"shipping", "delivery", "returns", "payment",
                                         "discounts", "contact"}
