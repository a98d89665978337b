"""The words of a merchant message that can name a product or a campaign.

What the value parsers leave (``GoalSlots.residue``) is cut into chunks at punctuation and
at words that never name a product (commands, campaign vocabulary, fillers, time words).
Chunks are candidates only: products are chosen by search over the merchant's catalogue
and campaigns by their names and products (see ``agents.merchant.resolve``).
"""

from __future__ import annotations

import re

from knowledge.text import stem

COMMAND_WORDS = frozenset("""
a about above ad ads advertise advertised advertising advertize after again aim aimed aiming
all allocate also am an and another any anything are around as at aware awareness back
be been before behind below best better bit both boost boosting break bring budget budgets
budjet but buy by campaign campaigns can cap change choose clear closing could create
creating cut daily day days decrease did disable do does doing done double down drive each
else even every everything extra for from fund gave get give go going good got great halt
hand handle happy has have help hey hi hold how i i'd i'm i've if in increase into is it
its it's just keep kick kill launch launching let lets let's like live look looking lower
make me minimum more move much my need new no not now of off on one ones our out over
pause paused pausing people please pls plz push put raise reactivate reduce restart resume
return roas roi run running sales see sell selling set setting should show so some spend
spending start starting stop sure switch target targeting than thanks that the their them
then there these they thing things this those through to total turn u unpause up update
us want wanna we were what when which who why will with would yes you your yours
acos troas sponsored promo promotion promote promoting promotions listing listings
listed write rewrite copy banner banners headline headlines description audience
audiences customers shoppers crowd segment segments target aim goal enough
running off on onto again now soon asap today tomorrow week weeks month months weekend
dollar dollars bucks usd eur euro euros k grand thousand x percent min max least
something guy guys folks okay ok cool nice please mate much many hold ahead
we're i'm they're that's there's what's it's we'll i'll you're let's dont don't can't won't
""".split())
BREAK = re.compile(r"[,.;:!?()\[\]\"“”'‘’/|+&—–]|\s-\s|\band\b|\bor\b|\bwith\b|\bbut\b", re.I)
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", re.I)


def chunks(residue: str) -> list[str]:
    """Runs of content words in ``residue``, in order ("yoga mats", "back to school")."""
    out = []
    for piece in BREAK.split(residue):
        run: list[str] = []
        for word in WORD.findall(piece):
            if word.lower() in COMMAND_WORDS or word.isdigit():
                if run:
                    out.append(" ".join(run))
                run = []
            else:
                run.append(word)
        if run:
            out.append(" ".join(run))
    return [c for c in out if any(ch.isalpha() for ch in c)]


def content_tokens(text: str) -> list[str]:
    """Stemmed content words of ``text`` (command and filler words dropped)."""
    return [stem(w.lower()) for w in WORD.findall(text) if w.lower() not in COMMAND_WORDS
            and not w.isdigit()]
