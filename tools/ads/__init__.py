"""Sponsored placements: the serving auction, click model, pacing, reports and traffic."""
