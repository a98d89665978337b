"""UCP agents: agent keys, agent carts, checkout sessions, orders, idempotency records

Revision ID: d8a3c5e7f901
Revises: c4e7a1d2b9f0
Create Date: 2026-11-30 03:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d8a3c5e7f901"
down_revision: str | None = "c4e7a1d2b9f0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STR = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def _index(table: str, *columns: str, unique: bool = False) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def upgrade() -> None:
    """Create the five tables of knowledge/agents.py, commerce.py and idempotency.py."""
    op.create_table(
        "agent_key",
        sa.Column("id", STR(), nullable=False), sa.Column("name", STR(), nullable=False),
        sa.Column("key_hash", STR(), nullable=False),
        sa.Column("rate_limit", STR(), nullable=False),
        sa.Column("created_at", WHEN(), nullable=False), sa.PrimaryKeyConstraint("id"))
    _index("agent_key", "name", unique=True)
    _index("agent_key", "key_hash")
    op.create_table(
        "agent_cart",
        sa.Column("id", STR(), nullable=False), sa.Column("agent_id", STR(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=True), sa.Column("status", STR(), nullable=False),
        sa.Column("currency", STR(), nullable=False),
        sa.Column("created_at", WHEN(), nullable=False),
        sa.Column("updated_at", WHEN(), nullable=False), sa.PrimaryKeyConstraint("id"))
    _index("agent_cart", "agent_id")
    op.create_table(
        "checkout_session",
        sa.Column("id", STR(), nullable=False), sa.Column("agent_id", STR(), nullable=False),
        sa.Column("cart_id", STR(), nullable=True), sa.Column("lines", sa.JSON(), nullable=True),
        sa.Column("buyer", sa.JSON(), nullable=True), sa.Column("status", STR(), nullable=False),
        sa.Column("currency", STR(), nullable=False), sa.Column("token", STR(), nullable=False),
        sa.Column("order_id", STR(), nullable=True),
        sa.Column("expires_at", WHEN(), nullable=False),
        sa.Column("created_at", WHEN(), nullable=False),
        sa.Column("updated_at", WHEN(), nullable=False), sa.PrimaryKeyConstraint("id"))
    _index("checkout_session", "agent_id", "cart_id", "status")
    op.create_table(
        "shop_order",
        sa.Column("id", STR(), nullable=False), sa.Column("checkout_id", STR(), nullable=False),
        sa.Column("agent_id", STR(), nullable=True), sa.Column("channel", STR(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=True), sa.Column("buyer", sa.JSON(), nullable=True),
        sa.Column("subtotal", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("currency", STR(), nullable=False),
        sa.Column("created_at", WHEN(), nullable=False), sa.PrimaryKeyConstraint("id"))
    _index("shop_order", "checkout_id", unique=True)
    _index("shop_order", "agent_id", "channel", "created_at")
    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.Integer(), nullable=False), sa.Column("caller", STR(), nullable=False),
        sa.Column("key", STR(), nullable=False), sa.Column("request_hash", STR(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=True),
        sa.Column("created_at", WHEN(), nullable=False), sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("caller", "key"))
    _index("idempotency_record", "caller")


def downgrade() -> None:
    """Drop the five tables."""
    for table in ("idempotency_record", "shop_order", "checkout_session", "agent_cart",
                  "agent_key"):
        op.drop_table(table)
