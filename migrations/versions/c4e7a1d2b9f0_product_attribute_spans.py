"""product attribute spans: where each extracted attribute value came from

Revision ID: c4e7a1d2b9f0
Revises: 8bf44956044d
Create Date: 2026-11-30 02:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4e7a1d2b9f0"
down_revision: str | None = "8bf44956044d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add product.attribute_spans (JSON, nullable)."""
    op.add_column("product", sa.Column("attribute_spans", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Drop product.attribute_spans."""
    op.drop_column("product", "attribute_spans")
