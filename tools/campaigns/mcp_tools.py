"""Merchant-only MCP tools, bound to one authenticated merchant when registered."""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.models import Merchant
from knowledge.store import Store
from tools.campaigns import service
from tools.campaigns.forecasting import forecast_campaign, reforecast_campaign
from tools.results import tool_result


def register(server: Any, store: Store, merchant: Merchant) -> None:
    """Add the campaign tools; every one acts as ``merchant`` only."""

    @server.tool()  # type: ignore[untyped-decorator]
    def list_campaigns() -> Any:
        """Your campaigns: id, name, status, budget, ROI target, period."""
        return tool_result(lambda: {"campaigns": [c.model_dump(mode="json") for c in
                                            service.list_campaigns(store.engine, merchant.id)]})

    @server.tool()  # type: ignore[untyped-decorator]
    def forecast_campaign_plan(product_ids: list[str], budget_total: float, target_roi: float,
                               start: str, end: str) -> Any:
        """Simulate a plan (p10/p50/p90 spend, GMV, ROI); nothing is created."""
        def run() -> Any:
            draft = service.CampaignDraft(product_ids=product_ids, budget_total=budget_total,
                                          target_roi=target_roi, start=date.fromisoformat(start),
                                          end=date.fromisoformat(end))
            products = service.validate(store.engine, merchant.id, draft)
            return forecast_campaign(store, products, draft, runs=8)
        return tool_result(run)

    @server.tool()  # type: ignore[untyped-decorator]
    def reforecast_campaign_traffic(campaign_id: str) -> Any:
        """Re-forecast a launched campaign on the searches it met, beside its recorded ROI."""
        return tool_result(lambda: reforecast_campaign(
            store, service.get_campaign(store.engine, merchant.id, campaign_id)))

    @server.tool()  # type: ignore[untyped-decorator]
    def pause_campaign(campaign_id: str) -> Any:
        """Pause one of your active campaigns."""
        return tool_result(lambda: service.change_campaign(store.engine, merchant.id, campaign_id,
                                                     "pause").model_dump(mode="json"))

    @server.tool()  # type: ignore[untyped-decorator]
    def resume_campaign(campaign_id: str) -> Any:
        """Resume one of your paused campaigns."""
        return tool_result(lambda: service.change_campaign(store.engine, merchant.id, campaign_id,
                                                     "resume").model_dump(mode="json"))
