"""Request bodies shared by more than one route module."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class CampaignPlanIn(BaseModel):
    """What a campaign promotes, for how much, to what ROI and when (validated)."""

    product_ids: list[str] = Field(min_length=1, max_length=50)
    budget_total: float = Field(gt=0)
    target_roi: float = Field(gt=0)
    start: date
    end: date
