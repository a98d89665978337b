"""Budget pacing and ROI control: the spend plan from the traffic shape, and the hourly update.

The plan spreads the budget over the flight by the real hourly traffic shares
(``bat_traffic_share.csv``): by time t the campaign should have spent
``budget x planned_share(t)``. The bid is the value-per-click estimate (pCVR x price)
over the target ROI, shaded by the smaller of two multipliers:

- ``multiplier`` (the ROI dual, integral control in log space) follows the ROI that the
  *present* bids buy, read from the click model's value of the recent clicks (so it
  answers within hours, without waiting for sparse orders), corrected by a calibration
  factor (recorded GMV against what the model expected of the same clicks, shrunk
  towards 1 by a prior), and blended with a few pseudo-clicks "as needed" so a night's
  handful of clicks cannot collapse the bids. The ROI asked for is the aim plus any
  deficit so far spread over the budget left. Behind plan, the multiplier rises with the
  pacing step as far as the ROI headroom (the error, in log space) allows: the ROI
  constraint caps the catch-up instead of slowing it. The aim's margin above the target is
  insurance against noisy realised ROI; behind plan it is spent on catching up (the aim
  falls linearly to the target by ``BEHIND_RELAX`` of the budget behind). With no recent
  click there is no evidence: a campaign behind plan then probes upwards, so a few
  unlucky hours cannot stall it at a bid that never wins;
- ``pace`` (budget pacing, integral control in log space) rises while spend is behind
  plan and falls when ahead; a campaign ahead of plan by more than a slack sits out
  (throttling) until the plan catches up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

import numpy as np

from tools.campaigns.traffic import hourly_shape

ROI_GAIN = 0.5
MAX_ROI_STEP = 0.3  # per hour, in log space
PACE_GAIN = 0.6
AHEAD_SLACK = 0.01  # share of budget a campaign may run ahead of plan before sitting out
LIMITS = (0.05, 20.0)
PRIOR_CLICKS = 20  # clicks' worth of "as expected" evidence before recorded GMV speaks
AIM = 1.15  # aim above the target: realised ROI is noisy (1.1 met the target in 5 of 6 dev runs)
EXPLORE_STEP = 0.1  # how fast the ROI multiplier may rise without evidence against it
NEED_LIMITS = (0.7, 2.0)  # the ROI asked of the remaining spend, in multiples of the aim
RECENT_CLICKS = 24  # the clicks that tell what the present bids buy ...
RECENT_HOURS = 6  # ... if no older than this (else a bid cut to nothing never recovers)
RECENT_PRIOR_CLICKS = 6  # pseudo-clicks "as needed" blended into the recent evidence
BEHIND_RELAX = 0.05  # behind plan by this share of the budget, the aim falls to the target
CATCH_UP_STEP = 0.6  # the most the ROI multiplier may rise in an hour behind plan ...
GMV_AIM, GMV_ROI_GAIN, GMV_EXPLORE_STEP = 1.08, 0.2, 0.08  # without a click model


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


@dataclass
class Evidence:
    """What the ledger and the click model say about a campaign's clicks."""

    expected_gmv: float  # the model's value of every recorded click
    recent_expected: float  # ... of the last RECENT_CLICKS clicks
    recent_spent: float  # what those clicks cost


def roi_error(*, spent: float, gmv: float, budget: float, target_roi: float,
              typical_cpc: float, evidence: Evidence, behind: float = 0.0) -> float | None:
    """log(ROI the present bids buy / ROI needed from here on); None without recent clicks.

    ``behind``: spend behind plan, as a share of the budget (negative: ahead).
    """
    # the margin above the target is insurance, given up while spend falls behind plan
    aim = target_roi * (1 + (AIM - 1) * (1 - float(np.clip(behind / BEHIND_RELAX, 0, 1))))
    prior = PRIOR_CLICKS * typical_cpc * aim
    expected = evidence.expected_gmv
    calibration = (gmv + prior) / (expected + prior)
    left = max(budget - spent, PRIOR_CLICKS * typical_cpc)
    need = float(np.clip(aim + (aim * spent - calibration * expected) / left,
                         aim * NEED_LIMITS[0], aim * NEED_LIMITS[1]))
    if evidence.recent_spent <= 0 or evidence.recent_expected <= 0:
        return None
    # a handful of clicks (a night's) is weak evidence: blend in pseudo-clicks on need
    pseudo = RECENT_PRIOR_CLICKS * typical_cpc
    bought = (calibration * evidence.recent_expected + pseudo * need) / (
        evidence.recent_spent + pseudo)
    return math.log(bought / need)


def update(control: Control, *, spent: float, gmv: float, budget: float, target_roi: float,
           plan_share: float, typical_cpc: float, evidence: Evidence | None = None
           ) -> Control:
    """One hourly step of both controllers from the recorded ledger.

    ``evidence`` None: no click model (the forecasting simulator); see
    :func:`update_from_gmv`.
    """
    if evidence is None:
        return update_from_gmv(control, spent=spent, gmv=gmv, budget=budget,
                               target_roi=target_roi, plan_share=plan_share,
                               typical_cpc=typical_cpc)
    behind = (budget * plan_share - spent) / max(budget, 1e-9)  # positive: behind plan
    pace_step = PACE_GAIN * float(np.clip(behind * 20, -1.0, 1.0))
    err = roi_error(spent=spent, gmv=gmv, budget=budget, target_roi=target_roi,
                    typical_cpc=typical_cpc, evidence=evidence, behind=behind)
    if err is None:  # no recent click: probe upwards while behind plan, else hold
        roi_step = min(pace_step, EXPLORE_STEP) if pace_step > 0 else 0.0
    else:
        roi_step = float(np.clip(ROI_GAIN * err, -MAX_ROI_STEP, MAX_ROI_STEP))
        if err >= -0.03 and pace_step > 0:  # behind plan: rise with the pace, capped by ROI
            roi_step = max(roi_step, min(pace_step, max(EXPLORE_STEP, err), CATCH_UP_STEP))
    m = float(np.clip(control.multiplier * math.exp(roi_step), *LIMITS))
    p = float(np.clip(control.pace * math.exp(pace_step), *LIMITS))
    # anti-windup: the multiplier not in force may not run far from the one that is
    return Control(min(m, 2 * p), min(p, 2 * m))


def update_from_gmv(control: Control, *, spent: float, gmv: float, budget: float,
                    target_roi: float, plan_share: float, typical_cpc: float) -> Control:
    """The step without a click model: ROI read from recorded GMV alone, gently.

    Realised ROI is read with a prior of ``PRIOR_CLICKS`` clicks "on target", so a few
    unlucky first hours do not collapse the bids; while ROI is not below target and spend
    is behind plan, the ROI multiplier may rise with the pacing one (exploration).
    """
    prior = PRIOR_CLICKS * typical_cpc
    aim = target_roi * GMV_AIM
    roi_ratio = (gmv + prior * aim) / (spent + prior) / aim
    behind = (budget * plan_share - spent) / max(budget, 1e-9)
    pace_step = PACE_GAIN * float(np.clip(behind * 20, -1.0, 1.0))
    roi_step = GMV_ROI_GAIN * float(np.clip(roi_ratio - 1.0, -0.5, 0.5))
    if roi_ratio >= 0.97 and pace_step > 0:
        roi_step = max(roi_step, min(pace_step, GMV_EXPLORE_STEP))
    m = float(np.clip(control.multiplier * math.exp(roi_step), *LIMITS))
    p = float(np.clip(control.pace * math.exp(pace_step), *LIMITS))
    return Control(min(m, 2 * p), min(p, 2 * m))


def throttled(*, spent: float, budget: float, plan_share_next_hour: float) -> bool:
    """True when spend is already past the plan for the end of this hour plus a slack."""
    return spent >= budget * (plan_share_next_hour + AHEAD_SLACK)
