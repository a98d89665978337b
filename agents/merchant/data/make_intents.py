"""Write ``intents.jsonl``: the labelled corpus the merchant intent model trains on.

Run by hand (``python agents/merchant/data/make_intents.py``); the output is committed so a
fresh install trains from the repo. Seeded. Phrasings were written for this corpus in
many styles (terse, polite, rambling, typos, slang, questions, ad-platform jargon) over a
wide product vocabulary, not only the demo store's; the merchant test set
(evals/data/merchant/messages.jsonl) is never read, and any generated text equal to one of
its messages is dropped.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUT = HERE / "intents.jsonl"
RNG = random.Random(20261130)

PRODUCTS = """scented candles|leather wallets|phone cases|running shoes|throw pillows|ceramic mugs|
wool socks|bike lights|yoga blocks|protein powder|dog collars|cat litter|espresso machines|
desk chairs|laptop sleeves|sunglasses|winter coats|kids raincoats|silk scarves|bath towels|
cookware set|chef knives|cast iron skillets|hiking poles|camping lanterns|kayak paddles|
ski goggles|swim goggles|baby wipes|nursing pillows|sippy cups|toddler shoes|board games|
jigsaw puzzles|led strips|smart plugs|usb hubs|gaming chairs|hair dryers|face masks|
lip gloss|beard oil|vitamin gummies|tea sampler|coffee beans|olive oil|spice rack|
wall clocks|picture frames|yoga pants|sports bras|compression sleeves|kettlebells|
pull-up bars|treadmill mats|bamboo toothbrushes|reusable straws|tote bags|backpack covers|
trail runners|hammocks|fishing rods|garden hoses|plant pots|bird feeders|pet beds|
tents|sleeping pads|yoga mats|water bottles|baby bottles|strollers|blenders|headphones|
foam rollers|dumbbells|backpacks|hoodies|sandals|slippers|air purifiers|rugs|mattresses"""
PRODUCTS_L = [p.strip() for p in PRODUCTS.replace("\n", "").split("|") if p.strip()]
BRANDS = ["Acme", "Northwind", "Bluebird", "Oakridge", "Zenflow", "Trailhound", "Little Sprout"]
NAMES = ["spring sale", "black friday push", "summer clearance", "launch", "holiday promo",
         "q4 push", "retargeting", "evergreen", "brand awareness", "new arrivals"]
MONEY = ["500", "$750", "1k", "2K", "$1,200", "3000", "4.5k", "€900", "£2,000", "10k",
         "two grand", "1500 dollars", "$20k", "800 bucks", "6,500", "1.2k", "250", "$3k"]
RETURN = ["roas 2", "ROAS of 3", "3x roas", "4x", "roi 2.5", "a 300% roas", "troas 450%",
          "acos below 30%", "at least 2x back", "roi no lower than 1.5", "return of 5x",
          "min roas 3", "ROAS>=2", "2:1 return", "roas target 3.2", "break even or better",
          "keep roas above 2.8", "250% return on ad spend"]
PERIODS = ["for 2 weeks", "over 5 days", "this month", "for the next 45 days",
           "from jan 3 to jan 20", "until new year", "starting friday", "next weekend",
           "for one week", "over a quarter", "till the 15th", "for 3 months", ""]
DAILY = ["$30/day", "100 a day", "daily budget of 75", "40 per day", "a daily limit of 60"]


def pick(items: list[str]) -> str:
    """One random item."""
    return RNG.choice(items)


def fill(template: str) -> str:
    """Fill {p} product, {b} brand, {n} name, {m} money, {r} return, {t} period, {d} daily."""
    return " ".join(template.format(
        p=pick(PRODUCTS_L), b=pick(BRANDS), n=pick(NAMES), m=pick(MONEY), r=pick(RETURN),
        t=pick(PERIODS), d=pick(DAILY)).split())


TEMPLATES: dict[str, list[str]] = {
    "create": [
        "promote {p} {m} {r}", "promote my {p} with {m} and {r} {t}",
        "i want to advertise {p}, {m} budget, {r}", "{p}: {m}, {r}, {t}",
        "create a campaign for {p} {t} with a budget of {m}", "new campaign {p} {m}",
        "launch ads for our {b} {p}, budget {m}, {r}", "set up a promotion for {p}",
        "can u run ads on {p}? {m} {r}", "I'd like to get {p} in front of more shoppers, {m} {t}",
        "start a sponsored campaign for the {p}, {d}, {r}", "{m} on {p} {t} pls, {r}",
        "spend {m} advertising {p} {t}", "put {m} behind {p}, {r}", "boost {p} {t}",
        "help me sell more {p}. budget is {m}", "plan a campaign: {p}, {m}, {r}, {t}",
        "we need to clear stock of {p}, can spend {m} {t}, {r} minimum",
        "advertize {p} budjet {m} roas {r}", "PROMOTE {p} {m} {r}",
        "i've got {m} for ads on the {p} {t}, looking for {r}",
        "run a {t} campaign for {p} at {r}", "sponsored listings for {p}, {d} {t}",
        "get me more sales on {p} with {r}", "drive traffic to our {p}, {m}",
        "promo for {b} {p} {t}, {m}, {r}", "campaign for {p} please", "ads for {p}",
        "I'm launching {p} next month and want ads running {t} with {m}",
        "can we push {p} a bit? {m} total, {r}", "{r} on {p} with {m}",
        "my {p} aren't selling, lets advertise them {t}, budget {m}",
        "allocate {m} to promoting {p}", "create ads: {p}; budget {m}; target {r}",
        "make a new ad campaign", "i want to start advertising", "set up a campaign",
    ],
    "update": [
        "change the budget of the {p} campaign to {m}", "set {n} budget to {m}",
        "increase the {p} campaign budget to {m}", "lower the budget on {n} to {m}",
        "up the {p} budget to {m}", "raise {n} roas target to 3", "change roas on {p} ads to 2.5",
        "set the roi of {n} to 4", "reduce the {p} campaign to {m}", "bump {n} to {m}",
        "increase spend on the {p} campaign by 20%", "double the {n} budget",
        "halve the budget on the {p} ads", "add {m} to the {n} campaign",
        "make {n} target a 3x roas instead", "update the {p} campaign: budget {m}",
        "can you give the {p} campaign more budget, like {m}", "drop the roas goal for {n} to 2",
        "{n} budget -> {m}", "set {p} ads daily budget to 50", "tweak {n}: roas 3.5",
        "lower the target roas on my {p} campaign", "scale up the {p} campaign to {m}",
    ],
    "pause": [
        "pause the {p} campaign", "pause {n}", "stop running ads for {p}", "turn off {n}",
        "pause my {p} ads", "can you stop the {n} campaign", "put {n} on pause",
        "switch off the {p} promo", "kill the {p} campaign", "disable the {n} ads",
        "hold the {p} campaign for a bit", "suspend {n}", "stop the ads on {b} {p}",
        "pause all campaigns", "pause every campaign that is below target",
        "stop all ads that aren't profitable", "turn off everything", "pause both {p} campaigns",
        "pause it", "stop that campaign", "pause the campaign", "stop spending on {p}",
        "switch off all my ads losing money", "pause the ones with roas under 1",
    ],
    "resume": [
        "resume the {p} campaign", "resume {n}", "turn {n} back on", "restart the {p} ads",
        "unpause {n}", "reactivate the {p} promo", "start the {p} campaign again",
        "switch the {n} ads back on", "resume all paused campaigns", "turn all ads back on",
        "resume it", "start it again", "continue the {p} campaign", "re-enable {n}",
        "put the {p} ads live again", "unpause everything",
    ],
    "report": [
        "how is the {p} campaign doing", "how's {n} performing", "report on {n}",
        "show me results for the {p} ads", "what's my roas on {n}", "how much did {n} spend",
        "how are my ads doing", "campaign performance?", "stats for the {p} campaign",
        "is the {p} campaign profitable", "how many orders did {n} bring", "weekly report",
        "how did my campaigns do yesterday", "give me the numbers on {n}",
        "what's the spend so far on {p} ads", "did the {p} campaign make money",
        "which of my ads are performing well", "how is it going", "any sales from {n}?",
        "what's the gmv from the {p} campaign", "show performance for all campaigns",
        "clicks and orders for {n}", "how are things going with my promotions",
    ],
    "list": [
        "list campaigns", "show my campaigns", "what campaigns are running",
        "which campaigns do i have", "show me all my ads", "list all active campaigns",
        "what's live right now", "show paused campaigns", "my campaigns", "all campaigns pls",
        "do i have any campaigns running", "what promotions have I set up",
        "overview of my campaigns", "campaign list", "which ads are active", "whats running",
        "remind me what campaigns i have", "list everything i'm advertising",
        "show me the {p} campaign details", "what campaigns are paused right now",
        "give me a list of my promos", "how many campaigns do I have",
        "show campaigns for {p}", "list my ads please", "what's scheduled",
    ],
    "audience": [
        "who should i target for {p}", "which audience fits {p}", "who buys {p}",
        "best customer segments for the {p}", "who are the ideal shoppers for {p}",
        "suggest audiences for {n}", "what crowd should see my {p} ads",
        "targeting ideas for {p}?", "which shoppers are likely to buy {p}",
        "who to show the {b} {p} to", "recommend an audience for my {p}",
        "who would be interested in {p}", "what segments convert best for {p}",
        "audience suggestions for the {p} campaign",
    ],
    "creative": [
        "write a listing for {p}", "write ad copy for {p}", "make a banner for {p}",
        "create banners for {n}", "rewrite the title for my {p}", "product description for {p}",
        "give me headlines for the {p} ads", "write 5 ad variants for {p}",
        "draft a listing for a new {p}", "improve my {p} listing", "banner images for {b} {p}",
        "write some copy for the {p} campaign", "i need a catchy ad for {p}",
        "generate selling points for {p}", "make ad creatives for {p}",
        "write bullets for the {p}", "can you do a 1200x628 banner for {p}",
        "write a product page for {p}", "create an ad headline for {p} aimed at moms",
    ],
    "why": [
        "why is the forecast so low", "why that roas?", "why won't it spend the full budget",
        "why did you choose these audiences", "why is the expected gmv lower",
        "explain the forecast",
        "why can't it reach my target", "how did you get these numbers", "why only 3 orders?",
        "why so few clicks in the simulation", "what explains the low roi",
        "why would it only spend half", "why is the roi different from what I asked",
        "how come the forecast is under budget", "why do you think it won't hit 4x",
        "explain why {n} is predicted to lose money", "why these segments?",
        "why is the p50 so low", "where do these forecast numbers come from",
        "why did it pick {p} products", "why not more impressions",
    ],
    "chat": [
        "hello", "hey there", "good afternoon", "thanks", "thank you so much", "ok cool",
        "what can you help with", "how does this work", "who are you", "what is roas",
        "tell me a joke", "what time is it", "can you help me", "is this thing on",
        "what's the difference between roi and roas", "how do i get more sales",
        "bye", "nice", "i'm new here", "what do you do", "what's the capital of france",
        "do you do refunds", "can you update my shipping settings", "asdf", "?",
        "morning!", "hi, i'm the store owner", "cheers", "great, thanks", "lol",
        "what's new", "can you explain what a campaign is", "what should I do first",
        "i have a question", "is my data safe", "how do I export my orders",
        "where is the settings page", "change my password", "what's the weather",
        "who won the game last night", "sounds good", "hmm", "never heard of roas, what is it",
        "how do bids work here", "can you talk to my accountant", "what's a good roas",
    ],
}
EXTRA_TIMES = {"create": 9, "update": 5, "pause": 5, "resume": 4, "report": 4, "list": 3,
               "audience": 4, "creative": 4, "why": 3, "chat": 2}


def test_texts() -> set[str]:
    """Messages of the frozen merchant test set (never copied into training)."""
    path = ROOT / "evals" / "data" / "merchant" / "messages.jsonl"
    if not path.exists():
        return set()
    return {json.loads(line)["text"].lower() for line in path.read_text().splitlines() if line}


def rows() -> list[dict[str, str]]:
    """Every generated, deduplicated training row."""
    banned, seen, out = test_texts(), set(), []
    for label, templates in TEMPLATES.items():
        for template in templates:
            for _ in range(EXTRA_TIMES[label]):
                text = fill(template)
                if RNG.random() < 0.3:
                    text = text.lower()
                if text.lower() in seen or text.lower() in banned:
                    continue
                seen.add(text.lower())
                out.append({"text": text, "label": label})
    return out


if __name__ == "__main__":
    made = rows()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in made))
    print(f"wrote {len(made)} rows to {OUT}")
