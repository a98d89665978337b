"""Budget pacing and ROI control: the spend plan from the traffic shape, and the hourly update.

The plan spreads the budget over the flight by the real hourly traffic shares
(``bat_traffic_share.csv``): by time t the campaign should have spent
``budget x planned_share(t)``. Two multipliers shade the value-based bid:

- ``multiplier`` (ROI): rises while realised ROI (attributed GMV / spend, from recorded
  events) is above target, falls below it;
- ``pace``: rises while spend is behind plan, falls when ahead.

The bid uses the smaller of the two, so neither the ROI target nor the plan is broken to
serve the other; and a campaign ahead of plan by more than a slack sits out (throttling).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

import numpy as np

from tools.campaigns.traffic import hourly_shape

ROI_GAIN = 0.2
PACE_GAIN = 0.6
AHEAD_SLACK = 0.01  # share of budget a campaign may run ahead of plan before sitting out
LIMITS = (0.05, 20.0)
PRIOR_CLICKS = 20  # clicks' worth of "on target" evidence before realised ROI speaks
AIM = 1.08  # aim a little above the target: realised ROI is noisy
EXPLORE_STEP = 0.08  # how fast the ROI multiplier may follow pacing without ROI evidence


def flight_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The flight from the start day's midnight to the end day's next midnight (UTC)."""
    first = datetime.combine(start, time(0), tzinfo=UTC)
    return first, datetime.combine(end, time(0), tzinfo=UTC) + timedelta(days=1)


def aware(ts: datetime) -> datetime:
    """A timezone-aware UTC timestamp."""
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def hour_index(start: date, now: datetime) -> int:
    """Hours since the flight began (negative before it)."""
    first, _ = flight_bounds(start, start)
    return math.floor((aware(now) - first).total_seconds() / 3600)


def planned_share(start: date, end: date, now: datetime) -> float:
    """The share of the budget the plan has spent by ``now`` (0 before, 1 after the flight)."""
    first, last = flight_bounds(start, end)
    now = aware(now)
    if now <= first:
        return 0.0
    if now >= last:
        return 1.0
    days = (last - first).days
    shape, cum = _shape()
    elapsed = (now - first).total_seconds() / 3600
    day, hour = divmod(elapsed, 24)
    h = int(hour)
    within = cum[h] + (hour - h) * shape[h]
    return float((day + within) / days)


@cache
def _shape() -> tuple[list[float], list[float]]:
    shape, _ = hourly_shape()
    return [float(x) for x in shape], [0.0, *(float(x) for x in np.cumsum(shape))]


@dataclass
class Control:
    """The controller's state for one campaign."""

    multiplier: float
    pace: float

    @property
    def shade(self) -> float:
        """The bid multiplier in force."""
        return min(self.multiplier, self.pace)


def update(control: Control, *, spent: float, gmv: float, budget: float, target_roi: float,
           plan_share: float, typical_cpc: float) -> Control:
    """One hourly step of both controllers from recorded spend and attributed GMV.

    Realised ROI is read with a prior of ``PRIOR_CLICKS`` clicks "on target", so a few
    unlucky first hours do not collapse the bids; while ROI is not below target and spend
    is behind plan, the ROI multiplier may rise with the pacing one (exploration).
    """
    prior = PRIOR_CLICKS * typical_cpc
    aim = target_roi * AIM
    roi_ratio = (gmv + prior * aim) / (spent + prior) / aim
    plan = budget * plan_share
    behind = (plan - spent) / max(budget, 1e-9)  # positive: behind plan
    pace_step = PACE_GAIN * float(np.clip(behind * 20, -1.0, 1.0))
    roi_step = ROI_GAIN * float(np.clip(roi_ratio - 1.0, -0.5, 0.5))
    if roi_ratio >= 0.97 and pace_step > 0:
        roi_step = max(roi_step, min(pace_step, EXPLORE_STEP))
    m = float(np.clip(control.multiplier * math.exp(roi_step), *LIMITS))
    p = float(np.clip(control.pace * math.exp(pace_step), *LIMITS))
    # anti-windup: the multiplier not in force may not run far from the one that is
    m, p = min(m, 2 * p), min(p, 2 * m)
    return Control(m, p)


def throttled(*, spent: float, budget: float, plan_share_next_hour: float) -> bool:
    """True when spend is already past the plan for the end of this hour plus a slack."""
    return spent >= budget * (plan_share_next_hour + AHEAD_SLACK)
