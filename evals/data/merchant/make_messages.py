# ruff: noqa
"""How messages.jsonl was written (kept as the record of its labels; not run by the project).

The merchant test set was typed here before any merchant code or tuning and committed as
"frozen before tuning"; re-running it rewrites the same file byte for byte. Today is
2026-11-24 (a Tuesday); helpers compute the expected dates from the stated periods.
"""
import json
from datetime import date, timedelta
from typing import Any

T = date(2026, 11, 24); TOM = T + timedelta(days=1)
def per(n: int, start: date = TOM) -> dict[str, Any]:
    return dict(days=n, start=start.isoformat(), end=(start + timedelta(days=n - 1)).isoformat())
def upto(end: date, start: date = TOM) -> dict[str, Any]:
    return dict(days=(end - start).days + 1, start=start.isoformat(), end=end.isoformat())
def startonly(s: date) -> dict[str, Any]:
    return dict(start=s.isoformat())
WEEKEND = dict(days=2, start="2026-11-28", end="2026-11-29")
NEXTWEEK = dict(days=7, start="2026-11-30", end="2026-12-06")
MON = date(2026, 11, 30)
items: list[dict[str, Any]] = []
def C(text: str, products: Any, budget: Any = None, roi: Any = None, daily: Any = None, period: Any = None, outcome: Any = None) -> None:
    s = dict(budget=budget, daily_budget=daily, target_roi=roi, products=products, campaign=None)
    s.update(period or {})
    if outcome is None:
        ok = bool(products) and roi is not None and (budget is not None or (daily and (period or {}).get("days")))
        outcome = "draft" if ok else "ask"
    items.append(dict(text=text, intent="create", slots=s, outcome=outcome))
def M(text: str, intent: str, campaign: Any, outcome: str, after: Any = None, budget: Any = None, roi: Any = None, daily: Any = None, products: Any = None, period: Any = None, kind: Any = None) -> None:
    s = dict(budget=budget, daily_budget=daily, target_roi=roi, products=products, campaign=campaign)
    s.update(period or {})
    it = dict(text=text, intent=intent, slots=s, outcome=outcome)
    if after: it["after"] = after
    if kind: it["creative_kind"] = kind
    items.append(it)

# ---- goals (create) ----
C("Promote our yoga mats. budget 12k, roas 4", ["yoga mat"], 12000, 4)
C("spend 2,500 over 10 days on the headlamps, want 3x ROAS", ["headlamp"], 2500, 3, period=per(10))
C("sleeping bags: 5000 over the next two weeks, i need at least 3x return", ["sleeping bag"], 5000, 3, period=per(14))
C("new campaign for the trekking poles, 1.5k total, target roas 350%", ["trekking poles"], 1500, 3.5)
C("I want to push the foam rollers with a daily cap of 200 for a month, roas 3", ["foam roller"], None, 3, daily=200, period=per(30))
C("Can you set up ads for the camping stoves? $2,500 budget, don't go below 2 roi", ["camping stove"], 2500, 2)
C("3 grand on resistance bands this weekend, 4x return", ["resistance bands"], 3000, 4, period=WEEKEND)
C("run the baby carriers for the next 3 weeks, budget $1,800, roas of 2.5", ["baby carrier"], 1800, 2.5, period=per(21))
C("starting monday, promote the water filters with 4k and a 3x roas", ["water filter"], 4000, 3, period=startonly(MON))
C("advertise our headlamps until Dec 24, 2k budget, roas 3", ["headlamp"], 2000, 3, period=upto(date(2026, 12, 24)))
C("teethers - 1.2k budget, ROAS at least 2.5, for 10 days", ["teether"], 1200, 2.5, period=per(10))
C("i'd like to get more sales on my dumbbells. can spend about $3000, need a return of at least 3x", ["dumbbells"], 3000, 3)
C("Launch a campaign for the jump ropes — 800 dollars, tROAS 400%", ["jump rope"], 800, 4)
C("gym bags campaign pls, 1k budget roas 2", ["gym bag"], 1000, 2)
C("We just restocked the camping chairs and I want to move them before the new year. Budget is $6,000 and I'd like ROAS of 3 or better.", ["camping chair"], 6000, 3)
C("promote coolers 2500 usd roi 2.5 two weeks", ["cooler"], 2500, 2.5, period=per(14))
C("Set me up an ad campaign for the baby monitors. total spend 4,000, acos under 25%", ["baby monitor"], 4000, 4)
C("boost the high chairs, $1.5k, 3x, for a fortnight", ["high chair"], 1500, 3, period=per(14))
C("get the strollers in front of more people, budget 10k, minimum roas 2", ["stroller"], 10000, 2)
C("can we advertise the crib sheets over the next 30 days? 900 budget and a 3.5 roas", ["crib sheet"], 900, 3.5, period=per(30))
C("diaper bags: 2k, roas 3, from Dec 1 to Dec 14", ["diaper bag"], 2000, 3, period=upto(date(2026, 12, 14), date(2026, 12, 1)))
C("Please promote the play mats. Budget: 1,000. Target ROAS: 300%.", ["play mat"], 1000, 3)
C("I have 5k to spend on the maternity leggings next week, looking for 3x", ["maternity leggings"], 5000, 3, period=NEXTWEEK)
C("hoodies promo — 2 grand, roi 2.5, through christmas", ["hoodie"], 2000, 2.5, period=upto(date(2026, 12, 25)))
C("advertise the Zenflow yoga mats for 6 weeks with a budget of $7,500 and a target roas of 4", ["yoga mat"], 7500, 4, period=per(42))
C("run ads on our tents for december, budget 8k, want at least 2.5x back", ["tent"], 8000, 2.5, period=upto(date(2026, 12, 31), date(2026, 12, 1)))
C("promote the kids pajamas, $50 a day for two weeks, roas 3", ["kids pajamas"], None, 3, daily=50, period=per(14))
C("backpacks - spend 3.5k over 3 weeks with roas ≥ 2", ["backpack"], 3500, 2, period=per(21))
C("I need a campaign for the water bottles, every dollar of ad spend should bring back 4 dollars, budget 1500", ["water bottle"], 1500, 4)
C("Headlamps. 600 bucks. roas 5. 1 week.", ["headlamp"], 600, 5, period=per(7))
C("promote the rain jackets with a 2.5k budget, break even at least", ["rain jacket"], 2500, 1)
C("can you run a promo for our trekking poles this weekend, 500 budget, 3x roas", ["trekking poles"], 500, 3, period=WEEKEND)
C("baby bowls campaign, 1,200 budget, target roas 2.5, for 10 days starting monday", ["baby bowls"], 1200, 2.5, period=per(10, MON))
C("I want more people buying the prenatal yoga balls. 2000 total, roas should be at least 3", ["prenatal yoga ball"], 2000, 3)
C("set up ads for sleeping bags, daily budget 150 for 20 days, roas 2", ["sleeping bag"], None, 2, daily=150, period=per(20))
C("Promote camping stoves — €3000 — 4:1 ROAS", ["camping stove"], 3000, 4)
C("budget 12k, roas 4 for the tents", ["tent"], 12000, 4)
C("5000 over the next two weeks for the foam rollers, i need at least 3x return", ["foam roller"], 5000, 3, period=per(14))
C("target roas 350% on the resistance bands, budget 2k", ["resistance bands"], 2000, 3.5)
C("for the headlamps: a daily cap of 200 and roas 3 for a month", ["headlamp"], None, 3, daily=200, period=per(30))
C("spend 2,500 over 10 days on water filters, want 3x ROAS", ["water filter"], 2500, 3, period=per(10))
C("advertise the baby bottles, five thousand dollars, roas 3", ["baby bottles"], 5000, 3)
C("I'd like to promote the teethers. Not sure about budget yet", ["teether"])
C("promote the yoga mats", ["yoga mat"])
C("can you make a campaign for the headlamps with 2k budget?", ["headlamp"], 2000)
C("new campaign: roas 3, 10 days", None, None, 3, period=per(10))
C("promote the air fryers, 2k budget, roas 3", [], 2000, 3)
C("advertise our standing desks - $4,000, target ROAS 300%", [], 4000, 3)
C("run a campaign on the wireless headphones, 3k, 4x return", [], 3000, 4)
C("i wanna sell more dog beds, 1k budget roas 2", [], 1000, 2)
C("push the camping chairs harder, 1.5k, roas 2.5 until the end of the month", ["camping chair"], 1500, 2.5, period=upto(date(2026, 11, 30)))
C("budget 2500 roas 3 baby carriers", ["baby carrier"], 2500, 3)
C("promote the cotton crib sheets starting Dec 1 for two weeks, 700 budget, want a roas of 2", ["crib sheet"], 700, 2, period=per(14, date(2026, 12, 1)))
C("Hi! I sell hiking gear and want to promote my tents for the holiday season. I can put in around $4,500 and would be happy with 3x ROAS. Can you set that up?", ["tent"], 4500, 3)
C("promote foam rollers 1k 3x", ["foam roller"], 1000, 3)
C("lets do a push on jump ropes for the next 10 days, 400 budget, min 2.5 roas", ["jump rope"], 400, 2.5, period=per(10))
C("need more visibility for our diaper bags. $2k/month, roas 3", ["diaper bag"], 2000, 3)
C("campaign for dumbells, budjet 2000, roas 3", ["dumbbells"], 2000, 3)
C("promote the fitness trackers with 1,500, roas 2", ["fitness tracker"], 1500, 2)
C("advertise our stainless steel water bottles, 1.2k, return of 3x on ad spend", ["water bottle"], 1200, 3)
C("I want to promote the lightweight backpacks, budget 2.5k, target return 250%", ["backpack"], 2500, 2.5)
C("kick off a campaign for high chairs and baby monitors, 3k total, roas 3", ["high chair", "baby monitor"], 3000, 3)
C("promote maternity leggings, $40/day, 10 days, 3x", ["maternity leggings"], None, 3, daily=40, period=per(10))
C("run the yoga mats this weekend with 300 dollars, roas 4", ["yoga mat"], 300, 4, period=WEEKEND)
C("Put 1.5k behind the baby bowls for a month, I want to see at least 2.5 return on ad spend", ["baby bowls"], 1500, 2.5, period=per(30))
C("promote trekking poles, budget 2k", ["trekking poles"], 2000)
C("promote the coolers w/ 2000 budget & roas no lower than 3", ["cooler"], 2000, 3)
C("make a campaign for the base layers, 1000 budget, roas 2", ["base layer"], 1000, 2)

# ---- pause / resume / update by name or product ----
M("pause the tents campaign", "pause", ["tents"], "act", {"status": "paused"})
M("pause the yoga mat campaign", "pause", ["yoga"], "act", {"status": "paused"})
M("stop the headlamp ads", "pause", ["headlamps"], "act", {"status": "paused"})
M("please pause 'Baby bottles launch'", "pause", ["bottles"], "act", {"status": "paused"})
M("turn off the resistance bands campaign for now", "pause", ["bands"], "act", {"status": "paused"})
M("can you put the hiking backpacks campaign on hold", "pause", ["hiking"], "act", {"status": "paused"})
M("pause the back to school one", "pause", ["school"], "act", {"status": "paused"})
M("halt the ads for my tents pls", "pause", ["tents"], "act", {"status": "paused"})
M("pause the backpack campaign", "pause", ["school", "hiking"], "ask")
M("pause the dumbbell campaign", "pause", [], "ask")
M("pause the stroller ads", "pause", [], "ask")
M("stop my camping stove campaign", "pause", [], "ask")
M("pause the christmas campaign", "pause", [], "ask")
M("pause my campaign", "pause", "all", "ask")
M("resume the foam roller campaign", "resume", ["rollers"], "act", {"status": "active"})
M("turn the sleeping bag ads back on", "resume", ["sleeping"], "act", {"status": "active"})
M("restart 'Sleeping bags winter'", "resume", ["sleeping"], "act", {"status": "active"})
M("unpause the foam rollers", "resume", ["rollers"], "act", {"status": "active"})
M("resume the cooler campaign", "resume", [], "ask")
M("reactivate the jump rope campaign", "resume", [], "ask")
M("raise the budget of my yoga mat campaign to 3000", "update", ["yoga"], "act", {"budget_total": 3000}, budget=3000)
M("set the tents budget to 6k", "update", ["tents"], "act", {"budget_total": 6000}, budget=6000)
M("increase headlamp promo budget to $2,500", "update", ["headlamps"], "act", {"budget_total": 2500}, budget=2500)
M("lower the roas target on the hiking backpacks to 2.5", "update", ["hiking"], "act", {"target_roi": 2.5}, roi=2.5)
M("change the baby bottles campaign to a 3x roas", "update", ["bottles"], "act", {"target_roi": 3}, roi=3)
M("bump the resistance bands budget up to 1.5k", "update", ["bands"], "act", {"budget_total": 1500}, budget=1500)
M("cut the budget on Tents summer sale to 4000", "update", ["tents"], "act", {"budget_total": 4000}, budget=4000)
M("the yoga mat campaign should aim for roas 3.5 from now on", "update", ["yoga"], "act", {"target_roi": 3.5}, roi=3.5)
M("make the sleeping bags campaign 5,000 total", "update", ["sleeping"], "act", {"budget_total": 5000}, budget=5000)
M("set target roas 400% for the headlamps campaign", "update", ["headlamps"], "act", {"target_roi": 4}, roi=4)
M("double the budget of the headlamp campaign", "update", ["headlamps"], "act", {"budget_total": 4000})
M("raise the backpack campaign budget to 5k", "update", ["school", "hiking"], "ask", budget=5000)
M("increase the budget of the dumbbell campaign to 2000", "update", [], "ask", budget=2000)
M("change the roas on my stroller ads to 3", "update", [], "ask", roi=3)
M("put another 500 into the tents campaign", "update", ["tents"], "act", {"budget_total": 5500})
M("lower the foam roller budget to 1000", "update", ["rollers"], "act", {"budget_total": 1000}, budget=1000)

# ---- bulk / destructive ----
M("pause everything that's losing money", "pause", ["tents", "school", "bands"], "confirm")
M("stop all campaigns that are losing money", "pause", ["tents", "school", "bands"], "confirm")
M("pause all my campaigns", "pause", "all", "confirm")
M("kill every campaign, we're closing for the holidays", "pause", "all", "confirm")
M("turn off all ads", "pause", "all", "confirm")
M("pause both backpack campaigns", "pause", ["school", "hiking"], "confirm")
M("resume all paused campaigns", "resume", ["rollers", "sleeping"], "confirm")
M("turn everything back on", "resume", "all", "confirm")
M("pause any campaign with roas below 1", "pause", ["tents", "school", "bands"], "confirm")

# ---- reports / lists ----
M("how are my campaigns doing this week?", "report", "all", "report")
M("how's the tents campaign doing", "report", ["tents"], "report")
M("show me the numbers for the yoga mat campaign", "report", ["yoga"], "report")
M("what's the roas on my headlamp ads so far?", "report", ["headlamps"], "report")
M("performance report pls", "report", "all", "report")
M("how much have I spent on the baby bottles campaign", "report", ["bottles"], "report")
M("is the hiking backpacks campaign making money?", "report", ["hiking"], "report")
M("Give me an overview of how my ads performed", "report", "all", "report")
M("which campaigns are doing best?", "report", "all", "report")
M("how is the sleeping bag campaign going", "report", ["sleeping"], "report")
M("results for the dumbbell campaign?", "report", [], "ask")
M("list my campaigns", "list", "all", "list")
M("what campaigns do I have running?", "list", "all", "list")
M("show all campaigns", "list", "all", "list")
M("which of my campaigns are paused?", "list", "all", "list")
M("campaigns", "list", "all", "list")

# ---- audiences ----
M("who should I target for the organic cotton onesies", "audience", None, "audience", products=["kids pajamas"])
M("who should I target for the yoga mats?", "audience", None, "audience", products=["yoga mat"])
M("what audience would buy our camping stoves", "audience", None, "audience", products=["camping stove"])
M("which customers should I show the baby carriers to", "audience", None, "audience", products=["baby carrier"])
M("best audience segments for resistance bands?", "audience", None, "audience", products=["resistance bands"])
M("who buys maternity leggings? want to target them", "audience", None, "audience", products=["maternity leggings"])
M("suggest a target audience for my headlamps", "audience", None, "audience", products=["headlamp"])
M("who's the right crowd for the prenatal yoga balls", "audience", None, "audience", products=["prenatal yoga ball"])
M("what kind of shoppers should see ads for the sleeping bags", "audience", None, "audience", products=["sleeping bag"])
M("target audience for teethers", "audience", None, "audience", products=["teether"])
M("who should the tent ads go to?", "audience", None, "audience", products=["tent"])
M("which audience should I go after for the water bottles", "audience", None, "audience", products=["water bottle"])

# ---- creatives ----
M("write a listing for the bamboo baby bowls", "creative", None, "creative", products=["baby bowls"], kind="listing")
M("write ad copy for the yoga mats", "creative", None, "creative", products=["yoga mat"], kind="ad_copy")
M("make a banner for the headlamps", "creative", None, "creative", products=["headlamp"], kind="banner")
M("can you rewrite the product listing for our trekking poles?", "creative", None, "creative", products=["trekking poles"], kind="listing")
M("I need some ad headlines for the sleeping bags", "creative", None, "creative", products=["sleeping bag"], kind="ad_copy")
M("create banner images for the resistance bands", "creative", None, "creative", products=["resistance bands"], kind="banner")
M("write a product description for the baby carrier", "creative", None, "creative", products=["baby carrier"], kind="listing")
M("give me 3 ad variations for the water filters", "creative", None, "creative", products=["water filter"], kind="ad_copy")
M("design a banner for our camping chairs", "creative", None, "creative", products=["camping chair"], kind="banner")
M("improve the title and bullets of my foam roller listing", "creative", None, "creative", products=["foam roller"], kind="listing")
M("ad copy for maternity leggings aimed at pregnant women", "creative", None, "creative", products=["maternity leggings"], kind="ad_copy")
M("write a listing for the crib sheets", "creative", None, "creative", products=["crib sheet"], kind="listing")
M("make me a banner for the jump ropes", "creative", None, "creative", products=["jump rope"], kind="banner")
M("draft some ads for the coolers", "creative", None, "creative", products=["cooler"], kind="ad_copy")
M("write a listing for the air fryers", "creative", None, "ask", products=[], kind="listing")

# ---- why / chat ----
M("why is the forecast roas lower than what I asked for?", "why", None, "reply")
M("why did you pick those audiences?", "why", None, "reply")
M("why so little spend in the forecast?", "why", None, "reply")
M("hi", "chat", None, "reply")
M("what can you do?", "chat", None, "reply")
M("thanks!", "chat", None, "reply")
M("good morning, how does this work", "chat", None, "reply")
M("what's the weather like tomorrow", "chat", None, "reply")
M("help", "chat", None, "reply")

import hashlib

out = []
for i, it in enumerate(items, 1):
    key = f"m{i:03d}"
    split = "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 10 < 5 else "test"
    s = {k: it["slots"].get(k) for k in ("budget", "daily_budget", "target_roi", "days", "start", "end", "products", "campaign")}
    out.append({"id": key, "split": split, **{k: v for k, v in it.items() if k != "slots"}, "slots": s})
with open(__import__("pathlib").Path(__file__).with_name("messages.jsonl"), "w") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
from collections import Counter

print(len(out), Counter(o["intent"] for o in out), Counter(o["split"] for o in out), Counter(o["outcome"] for o in out))
print(sum(1 for o in out if o["outcome"] == "draft"))
