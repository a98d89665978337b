"""Campaigns: tables, service, audiences, traffic simulation, bidding, forecasts."""
