"""The words that make a date a deadline or a plan, kept as data.

Each family is named for the kind of sentence it reads and carries examples in `tests/kinds/`.
A `DeadlineCue` ends right before the date it governs; `strong` cues make a deadline whatever the
tense ("the deadline passed on Friday"), weak ones ("by", "until", "before") only for a date still
ahead or under an obligation ("he stayed until Friday" is an event). Cues after the date ("a Friday deadline", "Today is the deadline",
"... at the latest") are read by `AFTER_CUES`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..engine import lexicon
from ..engine.rules import alternation
from ..engine.tense import PAST_FORMS
from ..heads import compile_skipping
from ..tails import TailPattern, endings
from .nouns import AIM_NOUN, DEADLINE_NOUN, TARGET_NOUN


@dataclass(frozen=True)
class DeadlineCue:
    name: str
    pattern: re.Pattern
    strong: bool


def _cue(name: str, regex: str, strong: bool) -> DeadlineCue:
    return DeadlineCue(name, re.compile(regex, re.IGNORECASE), strong)


# Any character of a sentence, the full stop of an abbreviation included ("the U.S. might be
# slipping", "Nov. 1"): how far a cue may reach across words.
_IN_SENTENCE = r"(?:[^.;:]|\.(?=\s?[\da-z]|[A-Z]\.))"

# Between a cue and its date may stand filler such as "the close of business on" or "midnight".
_FILL = (r"(?:\s+(?:about|around|approximately))?(?:\s+(?:the\s+)?(?:close\s+of\s+(?:business|trading|play)|"
         r"end\s+of(?:\s+(?:the\s+)?(?:business|day|trading)(?:\s+day)?)?|"
         r"midnight(?:\s+of)?|(?:12\s*)?noon|COB|dawn|dusk|daybreak|sunrise|sunset|nightfall|first\s+light|"
         r"\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)(?:\s+on)?|\s+on|\s+at)?")

# Things open for a time that then close: an amnesty, a window, registration, a ballot, a grace period.
WINDOW_NOUN = (r"(?:amnest(?:y|ies)|window|registration|enrol?ments?|applications?|nominations?|ballots?|balloting|voting|rolls|"
               r"entries|submissions?|bidding|tenders?|buy-?backs?|schemes?|consultations?|grace\s+period|exemptions?|waivers?|"
               r"moratorium|licen[cs]es?|permits?|visas?|mandates?|subsid(?:y|ies)|reliefs?|freeze|suspension|pause|treaty|"
               r"offers?|sign-?ups?|enlistment|filing|ceasefire|cease-fire|truce|"
               # periods named for what may be done in them ("the offer period", "a registration
               # period" already close by their first word)
               r"(?:claims?|comment|review|objection|appeals?|notice|transition|transitional|cooling-off|"
               r"redemption|subscription|exclusivity)\s+period)")
END_VERB = (r"(?:ends?|ended|ending|closes?|closed|closing|shuts?|shutting|expires?|expired|expiring|lapses?|lapsed|runs?\s+out|ran\s+out|"
             r"finish(?:es|ed|ing)?|conclud(?:es|ed|ing)|terminat(?:es?|ed|ing))")
# The auxiliaries and plan words between a noun and its verb: "that was scheduled to close", "will now end".
AUX_ON_THE_WAY = (r"(?:(?:that|which|is|was|are|were|will|would|shall|be|been|has|have|had|set|scheduled|due|expected|slated|to|"
                   r"now|also|officially|finally|formally|then)\s+)*")
# Verbs that move a date: "moved back", "pushed out", "slipping", "shifted", "extended".
_MOVE_VERB = (r"(?:mov(?:e|es|ed|ing)|push(?:es|ed|ing)?|slip(?:s|ped|ping)?|shift(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
              r"postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|brought|bring(?:s|ing)?)(?:\s+(?:back|forward|out|up))?")
# Events that end on a day: their end is a plan or a fact, not a deadline ("the examination would end on June 7").
# A deal or a sale that closes is completed, a plan; one that ends or expires is a deadline.
EVENT_ENDS = compile_skipping(r"(?:\b(?:exam(?:ination)?s?|tests?|season|festival|tournament|championship|conference|meeting|summit|talks|"
                              # a place that closes for a time: "Schools close on Friday for the Easter break"
                              r"schools?|colleges?|universities|offices?|shops?|stores?|banks?|markets?|museums?|airports?|stations?|"
                              r"roads?|bridges?|parks?|"
                              r"negotiations|trial|hearing|tour|visit|session|strike|walkout|match|game|show|exhibition|fair|campaign|"
                              r"event|ceremony|celebrations?|term|semester|games|race|year|quarter|month|week|day|"
                              r"exercise|operation|mission|process|phase|programme|program|project|drill|inquiry|probe)\b,?"
                              r"(?:\s+[\w'\u2019$%,.()-]+){0,6}?\s+" + AUX_ON_THE_WAY + END_VERB + r"|"
                              r"\b(?:deal|sale|transaction|acquisition|merger|takeover|purchase)\b,?(?:\s+[\w'\u2019$%,.()-]+){0,6}?\s+"
                              + AUX_ON_THE_WAY + r"(?:close|closes|closed|closing|complete|completes|completed))"
                              r"(?:\s+(?:on|at|in|by))?\s*$", re.IGNORECASE)

# A label before a colon that names what follows as a deadline: "Deadline: March 3", "Applications
# close: 5pm, Friday".
# A deadline named with what it is for: "the last date to apply", "Deadline for applications".
_DEADLINE_FOR = rf"{DEADLINE_NOUN}(?:\s+(?:to|for|of)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?"
# "Deadline: March 3", "Last day to register to vote: Oct 9", "Nominations close: Friday"
LABEL_COLON = compile_skipping(rf"(?:\b{_DEADLINE_FOR}|\b{WINDOW_NOUN}\s+{END_VERB})\s*:\s*$", re.IGNORECASE)

DATE_CUES: tuple[DeadlineCue, ...] = (
    _cue("no later than", r"\b(?:no|not)\s+later\s+than" + _FILL, True),
    _cue("target of", rf"\b{TARGET_NOUN}\s+(?:date\s+)?of", True),  # "set a target of 2030 for ending ..."
    # "the deadline is Friday", "a deadline of March 1", "the last date for submission would be May 14"
    # "the deadline with the Big Three is 11:59 p.m.", "imposed the earliest deadline — Aug. 27 —"
    # "the deadline to apply for the loans -- which ... -- remains Oct. 17", "the deadline, which had
    # been set for Nov. 1, is now Nov. 30": an aside between the noun and what it is; "the deadline
    # set for the talks is March 20": a participle before its complement; "the deadline, set for
    # Friday, ...": the participle as the aside
    _cue("deadline", rf"\b{DEADLINE_NOUN}(?:\s+(?:set|fixed|given|imposed|announced|agreed))?(?:\s+(?:for|to|of|with|on|in|under|over|from|at|by)\s+(?:[^.;:,]|\.(?=\d)){{0,90}}?)?"
         r"(?:\s*(?:--|[\u2014\u2013])[^\u2014\u2013.;:]{1,100}?(?:--|[\u2014\u2013])|\s*\([^)]{1,100}\)|"
         r",\s+(?:which|that)\s+(?:[^.;:,]|\.(?=\s?\d)){1,80},|,?\s+(?:which|that))?"
         r"(?:\s*(?:is|was|will\s+be|would\s+be|had\s+been|has\s+been|remains|of|to|until|till|on|at|falls\s+on|set\s+for|:|"
         r",\s+(?:(?:now|originally|previously|initially|first)\s+)?(?:set|fixed|scheduled)\s+for)"
         r"(?:\s+(?:now|set\s+for|also|originally|previously|initially))*|\s*[\u2014\u2013]|\s+-)" + _FILL,
         True),
    # "the deadline in March", "a deadline in mid-2025": the month or year it falls in (a bare day
    # after the noun is more often when it was set: "set a two-week deadline Wednesday")
    _cue("deadline in", rf"\b{DEADLINE_NOUN}\s+in", True),
    # "the deadline passed on Friday", "the ultimatum ends at midnight"
    _cue("deadline passed", rf"\b{DEADLINE_NOUN}\b{_IN_SENTENCE}{{0,60}}?\b(?:passe[sd]|fell|falls|ends|ended|came|comes)(?:\s+and\s+went)?"
         r"(?:\s+(?:on|at|in))?" + _FILL, True),
    # "extended the deadline for bids to October 30 from August 31": the date it was moved from
    _cue("moved from", rf"\b(?:extend\w*|mov\w*|push\w*\s+back|postpon\w*|brought\s+forward|deferr?\w*)\s+(?:the\s+|a\s+|its\s+)?"
         rf"(?:[\w-]+\s+){{0,3}}?{DEADLINE_NOUN}{_IN_SENTENCE}{{0,140}}?\bfrom", True),
    _cue("expires", r"\b(?:expires?|expired|expiring|lapses?|lapsed|runs?\s+out|ran\s+out)\b(?:\s+(?:on|at|in|by|over|during))?" + _FILL, True),
    _cue("valid through", r"\b(?:valid|good|effective)\s+(?:through|thru|until|till)\b" + _FILL, True),
    _cue("runs until", r"\b(?:runs?|ran|lasts?|open|remains?\s+open)\s+(?:through|until|till)\b" + _FILL, True),
    # "extended the deadline to June 12", "has been extended to 31 March 2025"
    _cue("extended to", r"\b(?:extend(?:s|ed|ing)?|extension|push(?:es|ed)?\s+back|brought\s+forward|bring(?:s|ing)?\s+forward)\b"
         rf"{_IN_SENTENCE}{{0,140}}?\b(?:to|until|till|through|beyond)" + _FILL, True),
    # "the deadline was moved back to December 20", "could slip to early January", "pushed the
    # deadline into next year": a deadline moved is due on its new date
    _cue("deadline moved", rf"(?:\b{DEADLINE_NOUN}\b{_IN_SENTENCE}{{0,100}}?\b{_MOVE_VERB}|\b{_MOVE_VERB}\s+"
         rf"(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){{0,3}}?{DEADLINE_NOUN}\b{_IN_SENTENCE}{{0,80}}?)"
         r"\s+(?:to|until|till|into|toward|towards)" + _FILL, True),
    # "the amnesty ends today", "the registration window that closed last Saturday", "strike ballots
    # close in January": something open for a time, whose end is a deadline, also once passed
    _cue("window closes", rf"\b{WINDOW_NOUN}\b,?(?:\s+[\w'\u2019$%,.()-]+){{0,12}}?\s+{AUX_ON_THE_WAY}{END_VERB}(?:\s*:|\s+(?:on|at|in|by|as\s+of))?"
         + _FILL, True),
    _cue("closes", r"\b(?:closes?|closing|shuts?|ends?|finish(?:es)?|conclud(?:es|ing)|terminat(?:es?|ing))\s+(?:on|at|in)\b" + _FILL, False),
    # "will stop taking applications at the end of June", "ceases trading on Friday"; what stops
    # being valid: "will cease to be legal tender on 30 September", "will no longer be accepted from 1 October"
    _cue("stops", rf"\b(?:(?:stop|stops|cease|ceases|halt|halts)\s+[a-z]+ing|(?:cease|ceases)\s+to\s+be|no\s+longer\s+be)\b"
                  rf"{_IN_SENTENCE}{{0,60}}?\b(?:at|on|in|from|after|by)" + _FILL, True),
    # "a 300 million euro payment on June 5", "1.6 billion euros due to the Fund next month": money owed on a day
    _cue("payment", rf"\b(?:payments?|repayments?|instal+ments?|coupons?|redemptions?)\s+(?:of\s+{_IN_SENTENCE}{{1,40}}?\s+)?"
         r"(?:(?:is|are|was|were|falls?|fell)\s+)?(?:due\s+)?(?:on|by|in)" + _FILL, True),
    _cue("owed", r"\bdue\s+to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.&'\u2019-]*\s+){1,5}?(?:by|on|in)?", True),
    # "Bondholders are owed $500 million on March 15", "owes the IMF 1.5 billion euros by June 30":
    # a sum owed on a day is a payment due then
    _cue("owed on", rf"\b(?:owe|owes|owed|owing)\s+{_IN_SENTENCE}{{0,60}}?(?:[$\u20ac\u00a3]\s?\d|\d\s?(?:bn|m|billion|million)\b|"
         rf"\b(?:euros?|dollars?|pounds?|yuan|rupees?)\b){_IN_SENTENCE}{{0,30}}?\s(?:on|by|in)" + _FILL, True),
    _cue("due", r"\b(?:due|payable|must\s+be\s+\w+|has\s+to\s+be\s+\w+|have\s+to\s+be\s+\w+|had\s+to\s+be\s+\w+)\b"
         r"(?:\s+(?:by|on|before|no\s+later\s+than|in))?" + _FILL, True),
    # "gave the rebels until Friday", "have until Friday"; "had been searching the area until
    # Thursday" is a past perfect, so "have" takes no words before "until" but an adverb
    _cue("gave until", r"\b(?:(?:gave|given|give|gives|giving|granted|allowed|offer(?:s|ed|ing)?)\s+(?:[\w'\u2019,.-]+\s+){0,10}?|"
         r"(?:has|have|had|'ve|\u2019ve)\s+(?:(?:only|just|now|still|also|then|already)\s+)*)(?:until|till)\b" + _FILL, True),
    # "a ban on new petrol cars from 2035", "banned single-use plastics with effect from July 2022"
    _cue("ban from", rf"\b(?:ban|bans|banned|banning|prohibit\w*|outlaw\w*|phase[\s-]?out|phasing\s+out)\b{_IN_SENTENCE}{{0,120}}?"
         r"\b(?:from|by|as\s+of|starting|after|beginning)" + _FILL, True),
    # "will be withdrawing legal tender status of paper banknotes at the end of the month", "withdraws
    # support for Windows 10 on October 14": the end of a status, a cut-off
    _cue("withdrawn", r"\b(?:withdraw\w*|revok\w*|end(?:s|ed|ing)?|scrap\w*)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
         r"(?:status|support|licen[cs]es?|recognition|accreditation|approval|authori[sz]ation|validity|registration)\b"
         rf"{_IN_SENTENCE}{{0,80}}?\b(?:at|on|by|from|in|after)" + _FILL, False),
    # "cannot sign players after Friday", "will no longer be valid after October 9", "would not be
    # maintained after 2015": a cut-off, the last day something may be done
    _cue("not after", r"\b(?:no\s+longer|cannot|can\s+not|can't|can\u2019t|could\s+not|couldn't|may\s+not|must\s+not|not\s+be|"
         rf"won't|won\u2019t|will\s+not|would\s+not|never)\b{_IN_SENTENCE}{{0,100}}?\b(?:after|beyond|past)" + _FILL, True),
    # "in no case will the offer go beyond August"
    _cue("not beyond", rf"\b(?:no|not|never|n't)\b{_IN_SENTENCE}{{0,80}}?\bbeyond" + _FILL, True),
    _cue("by", r"\bby" + _FILL, False),
    # "a decision is expected within the week", "must respond within the month": by its end
    _cue("within", r"\bwithin", False),
    # "keep agencies operating through Nov. 13": as "until"
    # ("in the run-up to Christmas", "the lead-up to the vote": the time before it, not an end)
    _cue("until", r"\b(?:until|till|'til|(?<!-)(?<!\brun\s)(?<!\blead\s)(?<!\bbuild\s)up\s+to|through|thru)" + _FILL, False),
    _cue("before", r"\b(?:before|ahead\s+of|prior\s+to|in\s+advance\s+of)" + _FILL, False),
)

def _alternation(indices) -> str:
    """The cues given, as one pattern that ends right before the mention. Every cue starts at a word:
    saying so first lets the regex engine skip the other positions of the clause at once."""
    return r"\b(?=\w)(?:" + "|".join(f"(?P<c{i}>{DATE_CUES[i].pattern.pattern})" for i in indices) + r")\s*$"


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[TailPattern, Optional[re.Pattern]]:
    """The cues that end in a fixed word ("by", "until", "no later than"), searched only where the
    clause ends in one of those words, and the few that may end in any word ("must be paid",
    "due to Acme Corp"), searched always. Which are which is read from the cues once."""
    from ..regex_cache import remembered, source_mark

    def ending_freely() -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(DATE_CUES) if endings(rf"(?:{c.pattern.pattern})\s*$", re.IGNORECASE) is None)
    free = remembered(("cues ending freely", source_mark(__file__), tuple(c.pattern.pattern for c in DATE_CUES)), ending_freely)
    fixed = [i for i in range(len(DATE_CUES)) if i not in free]
    return TailPattern(_alternation(fixed), re.IGNORECASE), compile_skipping(_alternation(free), re.IGNORECASE) if free else None


def find_cue(before: str) -> Optional[DeadlineCue]:
    """The deadline cue that ends right before a date preceded by `before` (its clause so far).
    Where several could end there, the one that starts first (the longer phrase: "due ... by",
    "gave ... until") wins, and of those starting together the one listed first, as one
    alternation of them all would choose."""
    window = before[-160:]
    fixed, free = _cue_patterns()
    found = [m for m in (fixed.search(window), free.search(window) if free is not None else None) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: (m.start(), int(m.lastgroup[1:])))
    return DATE_CUES[int(first.lastgroup[1:])]


# A notice's list of dates, without verbs: "Important dates: ...; last date to apply April 10; exam
# on May 14". The whole clause before the date is the deadline noun, and the date ends it.
DEADLINE_FRAGMENT = compile_skipping(rf"\s*(?:the\s+)?{_DEADLINE_FOR}\s*(?::\s*)?", re.IGNORECASE)
FRAGMENT_ENDS = compile_skipping(r"\s*(?:[;.]|$)")


# "set June 14 as the date by which the parties must file": a date named as a deadline.
DATE_BY_WHICH = r"\s+as\s+the\s+(?:final\s+|last\s+)?(?:date|day)\s+(?:by|before)\s+which\b"
# After the date: "a Friday deadline", "Today is the deadline for ...", "a previous date of July 31
# passed", "as of February 28, at the latest", "fixed March 31 as the deadline".
AFTER_CUES = compile_skipping(
    rf"^(?:(?:'s|\u2019s)?\s+(?:{DEADLINE_NOUN}|{TARGET_NOUN})\b|"
    r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:is|was|will\s+be|would\s+be|had\s+been|has\s+been|remains|becomes|marks|marked|"
    r"will\s+mark|serves\s+as)\s+(?:now\s+)?"
    rf"(?:the|a|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?{DEADLINE_NOUN}\b|"
    # "a previous date of July 31 passed", not "The Senate on Thursday passed a law" (AP's order: the
    # day before the verb, and the verb's object after it)
    r"\s+(?:passed(?!\s+(?:a|an|the|its|their|his|her|this|that|these|legislation|laws?|bills?|measures?|motions?|"
    r"resolutions?|budgets?|amendments?|rules?|reforms?|sanctions|[\d$\u20ac\u00a3]))|lapsed|expired|ran\s+out|elapsed)\b|"
    r",?\s+at\s+the\s+(?:latest|outside)\b|"
    r"(?:'s|\u2019s)\s+(?:[\w$-]+\s+){0,3}?(?:payments?|repayments?|instalments?|installments?)\b|"
    rf"\s+as\s+(?:the|a|its)\s+(?:[\w-]+\s+){{0,2}}?{DEADLINE_NOUN}\b|{DATE_BY_WHICH}|"
    # "by 30 June or 31 December, whichever is earlier": alternative dates, the first to come ends it
    r",?\s+whichever\s+(?:is|comes|falls|occurs|happens|arrives)\s+(?:earlier|earliest|first|sooner|soonest|later|last)\b|"
    # "lined up on Tuesday, the last day to claim the rebate", "by the close of business yesterday, a
    # deadline StatesWest had set": a date set beside the deadline it is; unless the noun begins a
    # clause of its own ("on Monday, the deadline was extended again")
    rf",\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){{0,2}}?{DEADLINE_NOUN}\b(?!\s+(?:is|was|were|has|had|will|would|could|can|may|"
    r"might|passed|expired|fell|came|remains|looms|loomed|lapsed)\b))",
    re.IGNORECASE)
# A deadline named in the next sentence: "... after October 7. That is the deadline set by the bank."
NEXT_SENTENCE_DEADLINE = compile_skipping(rf"\s*(?:That|This|It)\s+(?:is|was|will\s+be)\s+the\s+(?:[\w-]+\s+)?{DEADLINE_NOUN}\b")
# "After April 8, Microsoft will no longer support ...": a date after which something stops.
CUTOFF_BEFORE = compile_skipping(r"\b(?:after|from|as\s+of|beyond|starting)\s+$", re.IGNORECASE)
CUTOFF_AFTER = compile_skipping(r"\b(?:no\s+longer|will\s+(?:stop|cease|end)|(?:will|shall)\s+not\s+be\s+(?:accepted|allowed|valid|"
                                r"permitted|legal|considered|processed|honou?red)|ceases?\s+to|"
                                # "no claims will be accepted", "no applications will be considered"
                                r"no\s+(?:[\w-]+\s+){0,3}?(?:will|shall|can|may)\s+be\s+(?:accepted|allowed|considered|processed|"
                                r"honou?red|entertained|admitted|paid|issued|granted))\b", re.IGNORECASE)

# "cannot take place before April 10", "will not be lifted before Monday": the earliest a thing may
# happen, not a day it must happen by.
# Not in a condition: "if the dispute is not resolved before then" is a threat's deadline.
NOT_BEFORE = compile_skipping(r"^(?:(?!\b(?:if|unless|whether|or)\b)[^.;:])*?(?:\b(?:cannot|can\s+not|not|never)\b|n't\b|n\u2019t\b)"
                              r"(?:(?!\b(?:have\s+to|has\s+to|need\s+to|needs\s+to|must|unless|if|but)\b)[^.;:,])*?"
                              r"\b(?:before|prior\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
# "won't return to work until December 27", "will not come until later this week": the day something
# will happen at last, a plan, not a deadline; unless it must ("don't have to pay until July").
NOT_UNTIL = compile_skipping(r"(?:\b(?:not|never|no\s+one|nobody|nothing)\b|n't\b|n\u2019t\b)(?:(?!\b(?:have\s+to|has\s+to|need\s+to|needs\s+to|"
                             r"required|obliged|must)\b)[^.;:]){0,80}?\b(?:until|till|'til)\s+(?:the\s+)?$", re.IGNORECASE)
# A date that moves a plan, not a deadline: "deferred the hearing until 22 January".
POSTPONED_TO = compile_skipping(r"\b(?:postpon\w*|deferr?\w*|adjourn\w*|put\s+off|push(?:es|ed|ing)?\s+back|delay\w*|reschedul\w*|brought\s+forward|bring\w*\s+forward|"
                                r"moved\s+up|advanced)\b[^.;:]{0,80}?"
                                r"\b(?:to|until|till|for)\s+(?:the\s+)?$", re.IGNORECASE)
# A new date asked for, not given: "had asked for the deadline to be pushed back to June", "sought an
# extension until March", "called for the vote to be delayed to May".
REQUESTED_MOVE = compile_skipping(r"\b(?:ask\w*|sought|seek\w*|request\w*|call(?:s|ed|ing)?\s+for|urg\w*|lobb\w*|petition\w*|"
                                  r"want\w*|propos\w*|appeal\w*|press\w*\s+for|push\w*\s+for)\b[^.;:]{0,80}?"
                                  r"\b(?:extension|delay|postponement|to\s+be\s+(?:pushed\s+back|moved|extended|delayed|postponed|deferred)|"
                                  r"to\s+(?:extend|delay|postpone|defer|push\s+back|move)\b[^.;:]{0,40}?)\s+(?:to|until|till|into)\s+(?:the\s+)?$",
                                  re.IGNORECASE)
# Things that happen on a day rather than being done by it: "talks are due on Friday".
EVENT_NOUNS = compile_skipping(r"\b(?:talks|negotiations|consultations|discussions|meeting|meetings|vote|votes|voting|hearing|hearings|election|elections|polls?|visit|summit|"
                               r"results?|verdict|ruling|decision|announcement|trial|launch|arrival|session|debate|speech|"
                               r"match|game|race|release|report|data|figures|delegation|team|flight|ceremony)\b", re.IGNORECASE)

# A payment someone made or missed on a day: "Evergrande missed the payment on September 29"; not
# the day it fell due ("missed a coupon payment due on Sept. 23" is a deadline gone by).
PAYMENT_DONE = compile_skipping(r"\b(?:missed|made|paid|skipped|received|sent|wired|remitted)\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
                                r"(?:[\w$%.,-]+\s+){0,5}?(?:payments?|repayments?|instal+ments?|coupons?)\b(?![^.;:]{0,20}\bdue\b)[^.;:]{0,50}$",
                                re.IGNORECASE)
# An event due on a day, not a thing due by it: "talks are due on Friday", "the elections due this year".
DUE_EVENT = compile_skipping(EVENT_NOUNS.pattern + r"(?:,?\s+[\w'\u2019.-]+){0,10}?,?\s+(?:(?:is|are|was|were|remains?|also|now)\s+)*due"
                             r"(?:\s+(?:on|in|at|to\s+[a-z]+(?:\s+on|\s+in)?))?\s*$", re.IGNORECASE)
# The day something was said or done, not its due date: "said on Sunday", "in her ruling Thursday",
# "The court on Monday asked ...", "on Sunday, announced ...".
REPORTED_ON = compile_skipping(
    r"(?:\b(?:" + alternation(list(lexicon.REPORTING_VERBS) + """stated confirmed declared wrote tweeted ruled testified
    revealed disclosed warned insisted explained noted argued issued released published""".split()) + r")"
    r"|\b(?:in|during|at)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:ruling|statement|speech|interview|briefing|"
    r"letter|release|address|order|judgment|judgement|report|conference|session)(?:\s+(?:issued|released|published|made))?)"
    r"(?:\s+(?:on|late|early|last|this))?\s+$", re.IGNORECASE)
# A reporting verb in the future: "expected to be announced this evening", "will publish it later today".
TO_BE_REPORTED = compile_skipping(r"\b(?:to\s+be|will\s+be|will|'ll|\u2019ll|shall|is\s+to|are\s+to|to)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "The Senate on Sunday let the law expire": right after the date, a verb whose past is its present
# form (let, cut, put) is past, as a singular subject shows.
ACT_AFTER = compile_skipping(r"^\s*,?\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:[a-z]+ed|set|let|cut|put|hit|cast|quit|shut|spread|bid|"
                             + alternation(sorted(PAST_FORMS - {"was", "were", "had", "did", "been", "gone", "done", "seen"}))
                             + r")\b")

# A span that counts down: "within 14 days", "has 72 hours to withdraw", "a 10-day ultimatum".
SPAN_WITHIN = compile_skipping(
    r"\b(?:within|in\s+the\s+next|no\s+more\s+than|no\s+later\s+than|inside(?:\s+of)?)\s+(?:the\s+)?$", re.IGNORECASE)
SPAN_WITHIN_TEXT = compile_skipping(r"^within\b", re.IGNORECASE)
SPAN_NEXT_TEXT = compile_skipping(r"^the\s+next\b", re.IGNORECASE)
# "has to wait five years to buy" is an obligation, not a span someone has.
SPAN_GIVEN = compile_skipping(r"\b(?:(?:has|have|had)(?!\s+to\b)|given|gave|give|gives|giving|allowed|granted|get|gets|got|allow|allows|grant|grants|receiv(?:e|es|ed)|"
                              r"offer(?:s|ed|ing)?)\s+(?:[\w'\u2019.,-]+\s+){0,8}?[\"\u201c]?$", re.IGNORECASE)
# What a span given counts from, between it and what must be done in it: "30 days after the notice
# to appeal", "60 days from the announcement to object".
SPAN_COUNTED_FROM = r"(?:(?:from|after|on)\s+[^,.;:\u2014\u2013]{1,40}?\s+)?"
# "48 hours to leave", "twelve more days — up to August 14 — to register"
SPAN_TO_ACT = compile_skipping(r"^[\"\u201d]?(?:['\u2019]s?\s+notice)?\s*(?:[\u2014\u2013-][^\u2014\u2013]{1,60}[\u2014\u2013-]\s*|\([^)]{1,60}\)\s*|,[^,]{1,60},\s*)?"
                               r"(?:more\s+|left\s+|remaining\s+)?" + SPAN_COUNTED_FROM + r"(?:to|in\s+which\s+to)\s+(?!be\b)(?-i:[a-z]+)", re.IGNORECASE)
# A span named as a deadline: "a 10-day ultimatum", "a seven-day window", "a 30-day grace period". A
# notice, a truce or a strike of so many hours is a length ("a 72-hour strike notice").
SPAN_NAMED = compile_skipping(r"^\s+(?:[\w-]+\s+)?(?:deadline|ultimatum|window|grace\s+period|countdown)\b", re.IGNORECASE)
# "We have seven days, but ...", "has 90 days left": a span someone has, alone, counts down.
SPAN_HAD = compile_skipping(r"\b(?:ha(?:s|ve|d)|'ve|\u2019ve)\s+(?:only\s+|just\s+|another\s+|a\s+further\s+)?$", re.IGNORECASE)
SPAN_HAD_END = compile_skipping(r"^\s*(?:more\s+|left\s+|remaining\s+)?(?:[,;:\u2014\u2013]|\.(?!\d)|\s+(?:but|before|until|till|in\s+which)\b|\s*$)",
                                re.IGNORECASE)
# A span that measures something rather than counting down to it: "for the next two days",
# "after nearly two years of conflict", "two years and eight months of minority government".
SPAN_FOR = compile_skipping(r"\bfor\s+(?:another\s+|a\s+further\s+|an?\s+additional\s+|up\s+to\s+|about\s+|around\s+|nearly\s+|"
                            r"almost\s+|more\s+than\s+|at\s+least\s+|over\s+)?$", re.IGNORECASE)
SPAN_OF = compile_skipping(r"^(?:\s+and\s+(?:a\s+half|[\w-]+\s+[a-z]+))?\s+of\b", re.IGNORECASE)
# How far one day lies from another: "a week earlier than planned", "two days later".
# "a year earlier" alone is the period compared with ("up 30 per cent from a year earlier").
SPAN_APART = compile_skipping(r"^(?:(?:about|nearly|almost|some|just|only|roughly)\s+)?(?:an?|[\w-]+)(?:\s+[\w-]+)?\s+"
                              r"(?:days?|weeks?|months?|years?|hours?|minutes?|fortnights?)\s+(?:later\b|earlier(?=\s+than\b))",
                              re.IGNORECASE)
# "by the end of the 72-hour strike notice": the span's end is due.
SPAN_END_OF = compile_skipping(r"\b(?:by|before|until|till|at)\s+the\s+(?:end|close|expiry|expiration)\s+of\s+(?:the|a|an|its|this|their)\s+$",
                               re.IGNORECASE)
# A span that a notice, a truce or a pause lasts: a length, with the days it runs over.
SPAN_LASTS = compile_skipping(r"^\s+(?:[\w-]+\s+)?(?:notice|ceasefire|cease-fire|truce|pause|moratorium|suspension|lockdown|curfew)\b",
                              re.IGNORECASE)
# "15 days before Election Day", "at least 60 days prior to the closure": counted back from a day.
SPAN_BEFORE_DATE = compile_skipping(r"^\s+(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?", re.IGNORECASE)
COUNTED_BACK_FROM = compile_skipping(r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?$",
                                     re.IGNORECASE)
SPAN_FROM_NOW = compile_skipping(r"^\s+from\s+(?:now|today|publication|the\s+date)", re.IGNORECASE)
# "two days away": so far ahead in time; "two hours away from the capital", "away by road" are distances.
SPAN_AWAY = compile_skipping(r"^\s+away\b(?!\s+(?:from|by|on|in|at|to|for|off)\b)(?!['\u2019]s)", re.IGNORECASE)
SPAN_IN = compile_skipping(r"\b(?:in|after)\s*$", re.IGNORECASE)
# A record measured over a span looks back over it: "the worst drought in 40 years", "the first
# time in a decade", "its lowest level in five years".
SPAN_RECORD = compile_skipping(r"\b(?:first|second|third|fourth|fifth|only|most|least|fewest|worst|best|biggest|largest|greatest|highest|lowest|"
                               r"strongest|weakest|fastest|slowest|hottest|coldest|warmest|wettest|driest|deadliest|"
                               r"longest|shortest|sharpest|steepest|heaviest|smallest|busiest|quietest)\b[^,;]{0,40}\bin\s*$",
                               re.IGNORECASE)
# "in four weeks" and "after seven days" count down where the sentence demands or threatens.
# Verbs by which someone demands that another act: "ordered the ministry to publish ...".
DEMAND_VERBS = alternation("""demanded demands demand ordered orders asked asks told tells urged urges directed directs
    instructed required requires warned warns requiring ordering obliging obliged forcing compelling""".split()) + r"|called\s+on"
DEMAND = compile_skipping(rf"\b(?:{DEMAND_VERBS}|sought|seeks?|must|unless|if\b[^.;]{{0,80}}\bnot\b|or\s+(?:face|risk|else|be))\b",
                          re.IGNORECASE)

# Plans: a future the text commits to, or a plan as it stood ("was supposed to happen in 2011").
SCHEDULE_CUES = compile_skipping(
    r"(?:\b(?:will|shall)\b|['\u2019]ll\b|\b(?:is\s+to|are\s+to|scheduled|set\s+to|due\s+to|expected\s+to|plans?\s+to|"
    r"planned|slated|takes?\s+effect|comes?\s+into\s+force|starts?|begins?|opens?|resumes?|"
    r"as\s+early\s+as|could|would|may|might)\b)", re.IGNORECASE)
# A plan word that governs the date itself: "slated for today", "scheduled for March 29".
PLAN_FOR = compile_skipping(r"\b(?:scheduled|slated|set|planned|fixed|timed|pencill?ed\s+in|earmarked|booked)\s+(?:for|on)\s+(?:the\s+)?$",
                            re.IGNORECASE)
# A plan as it stood, since changed or not yet kept: "the vote, initially planned for February",
# "first set for March 5", "the verdict had been expected on Monday": still a plan for that day,
# not an event of it.
FIRST_PLANNED = compile_skipping(r"\b(?:(?:originally|initially|first|previously|earlier)\s+(?:scheduled|slated|set|planned|fixed|due|expected)\s+"
                                 r"(?:for|on|in)|"
                                 # "the verdict had been expected on Monday", "results which were expected last week",
                                 # "the report was due out on Tuesday"
                                 r"(?:was|were|had\s+been)\s+(?:scheduled|slated|set|planned|fixed|due(?:\s+out)?|expected)(?:\s+(?:for|on|in))?)"
                                 r"\s+(?:the\s+)?$", re.IGNORECASE)
PAST_PLAN = compile_skipping(r"\b(?:was|were|had\s+been)\s+(?:supposed|scheduled|due|set|slated|planned|expected|meant)\s+to\b",
                             re.IGNORECASE)
# An obligation to deliver something on a day: "would need to submit written arguments later Saturday".
# "told the agencies to report back to him in mid-October", "ordered the firm to publish the figures".
OBLIGED_TO_DELIVER = compile_skipping(
    r"\b(?:must|need(?:s|ed)?\s+to|ha(?:s|ve|d)\s+to|(?:required|ordered|asked|told|directed|instructed|urged)"
    r"(?:\s+(?!to\b)[\w'\u2019-]+){0,5}?\s+to)\s+"
    r"(?:\w+\s+)?(?:submit|file|pay|repay|respond|reply|register|apply|comply|vacate|withdraw|hand\s+over|deliver|"
    r"present|lodge|return|leave|answer|decide|report|publish|complete|finish|provide|explain|produce|surrender|"
    r"release|settle|sign)\b", re.IGNORECASE)


# An aim held to a date, which stays a deadline once the date has gone by, met or missed: "missed
# its target of vaccinating half the population by January", "had pledged to finish the road by
# February".
AIM_BY = compile_skipping(rf"\b(?:{AIM_NOUN}\s+(?:of|to|was|is)\b|"
                          r"(?:promised|pledged|vowed|aimed|hoped|planned|committed|undertook)\s+to\b)[^.;]*\bby\s+$", re.IGNORECASE)
