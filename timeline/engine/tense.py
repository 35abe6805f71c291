"""A light reading of tense around a mention: does its clause look back or ahead?

"met on Friday" points to the Friday gone by, "will meet on Friday" and "is due to resume Monday"
to the coming one. We look for the nearest tense marker inside the mention's clause, left first
(the verb usually comes before the date in English news), then right, then the whole sentence.
No tagger model: a word list and the "-ed" ending are enough at the speed we need.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..deadlines.nouns import AIM_NOUN, APPOSED_AFTER, APPOSED_BEFORE, DEADLINE_NOUN
from ..heads import compile_skipping
from ..tails import TailPattern
from . import lexicon

PAST, NONE, FUTURE = -1, 0, 1
# A date bound to the future by its own words ("by Friday", "runs through Dec. 31"), not only by
# the tense of a verb: resolution then looks ahead however far the date is.
SURELY_FUTURE = 2
# A clause that says "will" or "is due to" of the date, with no past in its sentence: written of
# what is to come, a date even a few weeks gone by is next year's ("will be cut from January 18",
# written in February), where "by January 14" may be a deadline just missed.
PLAINLY_FUTURE = 3
# A date governed directly by a past verb ("the deal brokered in July", "was extended in August")
# lies behind however near the next such month is.
SURELY_PAST = -2

# "next" and "coming" are left to the rules that read "next week" whole: alone they are as often
# "next to the embassy" as a tense.
FUTURE_MARKERS = frozenset("""
will 'll shall wo won't would must should going gonna plan plans planning planned
expect expects expected expecting schedule scheduled due aims aim intends intend hopes hope
upcoming tomorrow promise promises vows pledges threatens threaten wants want unless
expire expires expiring lapse lapses preparing prepares prepare likely await awaits awaiting
payable effective wait can can't cannot
""".split())

# Present tense of verbs that describe a timetable: "closes on Thursday", "the strike starts Monday".
# Base forms that are as often nouns ("the close of business", "a vote", "the start") are left out.
SCHEDULE_VERBS = frozenset("""
opens reopens closes starts restarts begin begins ends expires resume resumes meet meets convene convenes takes
arrive arrives leaves depart departs visits holds votes launches kicks returns runs lasts travels
flies goes comes heads faces plays is are 's becomes remain remains stay stays
go appears appear gathers hears decides slams
""".split())

IRREGULAR_PAST = frozenset("""
said told was were had did met began came went took made gave left held won lost fell rose saw
got led sent spent struck found thought knew became brought bought caught fought flew grew hit
kept laid lay meant paid put quit ran read rode rang sang sat sold shot shut slept spoke spoke
stood stole swore swept swam taught tore threw understood woke wore wrote been gone done seen
broke chose drove ate forgave froze hid overtook rebuilt sought sank shook stuck stung strove
withdrew undertook ago last yesterday earlier previously overcame upheld beat bore lit spread fled
dealt felt heard lent slid split spun swung wept
died
""".split())

# The irregular past forms of verbs (without the adverbs that also mark the past).
PAST_FORMS = IRREGULAR_PAST - {"last", "ago", "yesterday", "earlier", "previously"}

# Words ending in -ed that are not past tense verbs (or, as participles after "is", look ahead).
NOT_PAST_ED = frozenset("""
need indeed speed feed seed bed red shed hundred embed proceed exceed succeed breed creed greed
weed steed bleed deed heed freed united limited based so-called armed allied related detailed
scheduled expected planned proposed intended supposed interested concerned advanced medium-sized
unspecified unexpected unnamed undisclosed unidentified unprecedented unexplained unlimited unconfirmed
unresolved unfinished unmanned unarmed uninsured unemployed unopposed unsecured unscheduled unrelated
unaudited unchanged undated undecided
""".split())

REPORTING_VERBS = frozenset(lexicon.REPORTING_VERBS)
_QUOTE = compile_skipping(r"''|``|[\"\u201c\u201d]")

_WORD = compile_skipping(r"[A-Za-z][A-Za-z'\u2019\-]*")
# What joins the items of a list of dates: "May, June and July", "3 March or 4 March".
LIST_GLUE = compile_skipping(r"(?:\s*,\s*|\s+(?:and|or|&)\s+|\s+)\Z")
_CLAUSE_BREAK = compile_skipping(r"[;:\u201c\u201d\"()]|,\s|\s[-\u2013\u2014]\s|\band\b|\bbut\b|\bwhile\b")


# "long-delayed", "state-owned", "US-led": a compound in -ed is an adjective; after a prefix
# ("re-elected", "co-founded") it is a verb.
_COMPOUND_ADJECTIVE = compile_skipping(r"^(?!(?:re|co|pre|de|un|mis|over|under|out|non|self)-)[a-z]+-[a-z-]*ed$")


def has_tensed_word(text: str) -> bool:
    """Does any word of text mark a tense (a verb, an auxiliary, "will", "ago")?"""
    return any(word_tense(w) != NONE for w in _WORD.findall(text))


@lru_cache(maxsize=8192)
def word_tense(word: str) -> int:
    """The tense a single word marks, or NONE. A curly apostrophe is read as a straight one
    ("They\u2019ll", "didn\u2019t")."""
    w = word.lower().replace("\u2019", "'")
    if w in FUTURE_MARKERS:
        return FUTURE
    if w in IRREGULAR_PAST:
        return PAST
    if w in SCHEDULE_VERBS:
        return FUTURE
    if w.endswith("ed") and len(w) > 4 and w not in NOT_PAST_ED and not word[0].isupper() and not _COMPOUND_ADJECTIVE.match(w):
        return PAST
    if w.endswith("n't") and w[:-3] in ("did", "was", "were", "had", "could", "would"):
        return PAST if w[:-3] in ("did", "was", "were", "had") else FUTURE
    if w.endswith("'ll"):
        return FUTURE  # "they'll cast the vote Tuesday"
    return NONE


_PLAN_NOUNS = frozenset({"plan", "plans", "hope", "hopes", "want", "wants", "promise", "promises", "schedule"})
# "be" and the verbs that, like it, take a participle as a state: "will remain closed".
_BE_FUTURE = frozenset({"be", "is", "are", "am", "'s", "being", "remain", "remains", "stay", "stays"})
_MODAL_AHEAD = frozenset({"will", "'ll", "shall", "must", "to", "should", "won't"})


def _is_plan_noun(word: str, following: str) -> bool:
    """"plans to vote" and "wants the deal signed" look ahead; "vacation plans" and "new plans
    emerged" are nouns and say nothing of tense."""
    return word.lower() in _PLAN_NOUNS and following.lower() not in ("to", "for", "on", "the", "a", "an", "its", "their", "his", "her")


def _is_be(word: str) -> bool:
    """"is", "are", "be", "remain", and the contractions "we're", "it's", "I'm"."""
    w = word.lower().replace("\u2019", "'")
    return w in _BE_FUTURE or w.endswith(("'re", "'m")) or (w.endswith("'s") and w[:-2] in ("it", "he", "she", "that", "what", "there"))


# Verbs whose infinitive is an order or an undertaking, ahead of the telling: "told to resume".
_TOLD_TO = frozenset("""told asked ordered required urged agreed decided voted promised pledged vowed threatened
instructed directed called invited""".split())


# Words between "be" and its participle: "are not fully vaccinated", "is now expected".
_BETWEEN_BE_AND_PARTICIPLE = re.compile(r"(?i:not|never|yet|already|still|now|also|fully|[a-z]+ly)$")


def _past_adverbs(words: list[str], i: int) -> int:
    """Reading leftward from the participle words[i], the index of the word before the adverbs
    that stand between it and its auxiliary (at most two: "are not fully vaccinated")."""
    j = i + 1
    while j < len(words) - 1 and j < i + 3 and _BETWEEN_BE_AND_PARTICIPLE.match(words[j]):
        j += 1
    return j

# Verbs after which "shut" tells how something closes, not a past: "slams shut", "snaps shut".
_SHUT_BY = frozenset("slams slam snaps snap swings swing slammed snapped swung".split())

# Verbs that take an object and a participle as a state wished for or kept: "wants the deal signed",
# "to keep the government funded through Friday".
_WANT = frozenset("want wants need needs keep keeps keeping".split())


def _wished(words: list[str], i: int) -> bool:
    """Reading leftward, is words[i] the participle of a wish or a state kept ("wants the law passed
    before ...", "keep the government funded through Friday"), which tells no past?"""
    return any(w.lower() in _WANT for w in words[i + 2:i + 6])


def _scan(words: list[str], leftward: bool = True) -> int:
    """The first tense marker among words (nearest first). Reading leftward, a participle after
    "be" or "is" ("must be submitted", "is scheduled") looks ahead, not back."""
    for i, w in enumerate(words):
        t = word_tense(w)
        following = words[i - 1] if leftward and i > 0 else (words[i + 1] if not leftward and i + 1 < len(words) else "")
        if _is_plan_noun(w, following) or (leftward and i == 1 and following.lower() == "on" and w.lower() in _PLAN_NOUNS):
            continue  # "filed their capital plans on Friday": the plans of the day, a noun
        if t == PAST and leftward and _wished(words, i):
            continue
        if leftward and w.lower() in _WANT and i + 1 < len(words) and words[i + 1].lower() == "to":
            return FUTURE  # "passed a bill to keep the government funded through Friday": what it is to do
        if leftward and w.lower() == "shut" and i + 1 < len(words) and words[i + 1].lower() in _SHUT_BY:
            continue  # "the transfer window slams shut at 11pm": "shut" says how it closes; the verb tells when
        j = _past_adverbs(words, i) if t == PAST and leftward else i + 1
        if t == PAST and leftward and j < len(words) and _is_be(words[j]):
            # A participle after "be": "must be submitted" looks ahead, "could be located",
            # "is located" and "are not fully vaccinated" say nothing of tense by themselves; read
            # on past them.
            if words[j].lower() == "be" and j + 1 < len(words) and words[j + 1].lower() in _MODAL_AHEAD:
                return FUTURE
            continue
        if leftward and i > 0 and w.lower() in _TIMETABLE_BASE and words[i - 1].lower() in _TIMETABLE_PREP:
            return FUTURE  # "Applications close at 5 p.m. Friday": a timetable, though "close" is also a noun
        if t == FUTURE and leftward and _had_before(words, i):
            return PAST  # "had been due to expire Friday": a plan as it stood before, since changed
        if t == FUTURE and leftward and i + 1 < len(words) and words[i + 1].lower() == "to" \
                and w.lower() in SCHEDULE_VERBS and w.lower() not in FUTURE_MARKERS \
                and not (i + 2 < len(words) and words[i + 2].lower() in _TOLD_TO):
            continue  # "made it hard to meet demand well into the summer": the verb before "to" tells
        if t != NONE:
            return t
    return NONE


# Base forms of timetable verbs, read as verbs when a time follows them: "polls open at 7 a.m.".
_TIMETABLE_BASE = frozenset({"open", "close", "start", "end", "resume", "reopen"})
_TIMETABLE_PREP = frozenset({"at", "on", "until", "till", "through"})


# Words between "had" and the verb it governs: "had originally been scheduled to expire".
_PERFECT_FILLERS = frozenset("""been to due scheduled expected planned set slated supposed originally previously
already also initially""".split())


def _had_before(words: list[str], i: int) -> bool:
    """Reading leftward, is words[i] the participle of a past perfect ("had been scheduled",
    "had planned")?"""
    for w in words[i + 1:i + 6]:
        w = w.lower()
        if w == "had":
            return True
        if w not in _PERFECT_FILLERS:
            return False
    return False


# A date that something must happen by, or may happen as early as, lies ahead whatever tense the
# clause reports it in, unless the clause is in the past perfect ("had filed reports by Wednesday").
_AHEAD = TailPattern(r"(?:\b(?:by|no\s+later\s+than|not\s+later\s+than|as\s+(?:early|soon)\s+as|(?:deadline|ultimatum)\s+(?:of|is))"
                    # "by the middle of July", "by the end of next month"
                    r"(?:\s+the\s+(?:end|close|middle|start|beginning|first\s+half|second\s+half)\s+of)?"
                    # the hour of the day a thing is due by: "by close of business on Thursday", "by end of day Friday"
                    r"(?:\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?(?:business|trading|play|day|business\s+day)|cob|eod|"
                    r"dawn|dusk|daybreak|sunrise|sunset|nightfall|first\s+light|midnight|noon)(?:\s+on)?)?|"
                    # a meeting promised at parting, as messages write it: "see you Friday", "c u on sat"
                    r"\b(?:see|c|catch|meet)\s+(?:you|u|ya|y'all)(?:\s+all)?(?:\s+(?:on|at|in|next))?|"
                    r"\b(?:runs?|valid|good|open|lasts?|extends?|extended)\s+(?:through|until|till)|"
                    # what something waits on: "suspended the order pending the hearing of the case on April 4"
                    r"\bpending\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?!(?:that|which|who)\b)[\w'\u2019-]+\s+){0,6}?(?:on|in|at|due\s+(?:on|in))|"
                    # an end not yet known: "cancelled all flights until at least Monday"
                    r"\b(?:until|till|through)\s+at\s+least|"
                    # a date something was put off to: "the vote was moved to Saturday"
                    r"\b(?:postponed|moved|pushed\s+back|delayed|deferred|rescheduled|put\s+off|put\s+back|adjourned|"
                    r"brought\s+forward|moved\s+up|pulled\s+forward|advanced),?\s+"
                    # with what was moved between: "postponed the vote to Monday", "advanced the hearing to Monday"
                    r"(?:it\s+|them\s+|(?:the|a|an|its|their|his|her)\s+(?:[\w'\u2019-]+\s+){1,3}?)?,?\s*(?:to|until|till)"
                    # "moved to no earlier than Thursday", "delayed until at least Monday"
                    r"(?:\s+(?:no\s+earlier\s+than|not\s+before|at\s+(?:the\s+)?earliest|at\s+least))?|"
                    # a date a deadline is moved to: "agreed to extend to Tuesday a deadline", "has been
                    # extended to August 31", "was moved back to December 20", "pushed the deadline into next year"
                    r"\b(?:extend(?:s|ed|ing)?|(?:mov(?:e|es|ed|ing)|push(?:es|ed|ing)?)\s+(?:back|out)|slip(?:s|ped|ping)?)"
                    rf"(?:\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){{0,2}}?{DEADLINE_NOUN})?\s+(?:to|until|till|into)|"
                    # "voted to extend the program through September", "renewed the mandate until March"
                    # and past its length: "was extended for a further six months, to June 30"
                    r"\b(?:extend|prolong|renew)(?:s|ed|ing)?\s+(?:[\w'\u2019-]+,?\s+){1,6}?(?:to|until|till|through|into)|"
                    # the date an extension runs to: "sought an extension until March", "a reprieve to Friday"
                    r"\b(?:extension|postponement|reprieve)\s+(?:to|until|till))\s+$",
                    re.IGNORECASE)
_STARTING = TailPattern(r"\b(?:starting|beginning|commencing|effective)\s+(?:from\s+|on\s+|at\s+)?$", re.IGNORECASE)
_UNTIL = TailPattern(r"\b(?:until|till|til)\s+$", re.IGNORECASE)
_SINCE = TailPattern(r"\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# A date named as what a deadline is: "the deadline to apply for the loans -- which ... -- remains Oct. 17".
_DEADLINE_IS = TailPattern(rf"\b{DEADLINE_NOUN}\b[^.;:]{{0,160}}?\b(?:is|remains|will\s+be|would\s+be|falls\s+on|"
                          r"(?:is|has\s+been)\s+(?:now\s+)?set\s+(?:for|at))\s+(?:now\s+)?(?:on\s+)?$", re.IGNORECASE)
# A court or a chair listing a matter for a day or after a span: "posted the case for next hearing
# on November 14", "adjourned the case for two weeks": the hearing lies ahead of the listing.
LISTED_FOR = compile_skipping(r"\b(?:posted|listed|adjourned|deferred|postponed|fixed|put\s+off|scheduled|slated|set)\b[^.;:]{0,80}?"
                              r"\b(?:hearing|trial|case|matter|plea|petition|vote|debate|talks|meeting|session)\b[^.;:]{0,40}$",
                              re.IGNORECASE)
# A date chosen for something: "The court fixed December 5 as the date for judgment", "INEC set
# February 25 for the presidential election", "picked Saturday night as the time to attack": the
# day chosen lies ahead of the choosing, not behind the writer; the tense of the choosing says
# nothing of it, and the nearest such day is meant.
_DAY_CHOSEN = TailPattern(r"\b(?:fixe[sd]|fixing|sets?|setting|picked|chose|chosen|named|earmarked|pencill?ed\s+in|"
                         r"slated|scheduled|announced|declared)\s+(?:the\s+)?$", re.IGNORECASE)
_CHOSEN_FOR = compile_skipping(r",?\s+(?:as\s+(?:the|its|a)\b|for\s+(?:the|its|a|his|her|their)\b)", re.IGNORECASE)
# A date naming an event that the clause's own event leads up to: "registration ended ahead of the
# March 9 general election", "the final registration before the August 9 General Election kicked off":
# the event lies ahead, whatever tense tells of what comes before it.
_LEAD_UP = r"ahead\s+of|(?:in\s+)?(?:the\s+)?run-?up\s+to|in\s+preparation\s+for|preparing\s+for"
_EVENT_NOUNS = "|".join(lexicon.COMING_EVENT_NOUNS)
_LEADS_UP_TO = TailPattern(rf"\b(?:{_LEAD_UP}|before|towards?)\s+(?:the|this|next)\s+$", re.IGNORECASE)
# The event named first and its day after it: "ahead of a summit on Thursday", "in the run-up to the vote on Thursday".
_LEADS_UP_TO_EVENT_ON = TailPattern(rf"\b(?:{_LEAD_UP})\s+(?:a|an|the|this|next|its|their)\s+(?:[A-Za-z-]+\s+){{0,2}}?"
                                   rf"(?:{_EVENT_NOUNS})\s+(?:on|in|at|set\s+for|scheduled\s+for)\s+$", re.IGNORECASE)
# "ahead of Friday's talks": the possessive takes the place of the article.
_LEADS_UP_TO_DAYS = TailPattern(rf"\b(?:{_LEAD_UP}|before)\s+(?:(?:the|this|next)\s+)?$", re.IGNORECASE)
_COMING_EVENT = compile_skipping(rf"(?:,?\s+(?:[A-Za-z-]+\s+){{0,2}}?)(?:{_EVENT_NOUNS})\b", re.IGNORECASE)
# The verb after a possessed noun that opens its clause: "('s) jobs report is expected to".
_SUBJECT_VERB = compile_skipping(r"\s+(?:[\w-]+\s+){0,3}?(?:(?P<verb>will)|(?P<aux>is|are|was|were|had|should|could|would|may|might)\s+"
                                 r"(?:(?:widely\s+|now\s+|still\s+)?(?:expected|due|set|scheduled|likely|poised|going)\s+to|be))\b", re.IGNORECASE)
# What a day's possessive names as done and over, whichever way its clause looks: "would look for
# ways to get around Wednesday's ruling".
_DONE_THING = compile_skipping(r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:ruling|decision|verdict|judge?ment|order|announcement|statement|remarks|"
                               r"comments|report|attacks?|bombings?|shootings?|killings?|crash|cut|move|data|figures|results?|"
                               r"loss|losses|win|victory|defeat|events|incident|violence|clashes|raid|strikes|agreement|accord|pact|settlement)\b", re.IGNORECASE)
# The day a span is counted from: "extended for 120 days from March 18", "for six months starting Friday".
_SPAN_FROM = TailPattern(r"\b(?:for|by)\s+(?:[\w-]+\s+){1,3}?(?:days?|weeks?|months?|years?)\s+(?:from|starting|beginning)\s+(?:on\s+)?$",
                         re.IGNORECASE)
# A date as the adjective of what it names: "a June agreement", "the March ruling".
_ATTRIBUTIVE_BEFORE = TailPattern(r"\b(?:a|an|the|its|their|his|her|this|that)\s+$", re.IGNORECASE)
# ... unless that thing is still to come: "the March report, due on Friday", "a June ruling is expected".
_WILL_BE_DONE = compile_skipping(r"\s+(?:[A-Za-z-]+\s+){0,3}?(?:[A-Za-z-]+)\s*,?\s+(?:is|are|will|would|was|were)?\s*(?:due|expected|scheduled|set|slated|planned)\b",
                                 re.IGNORECASE)
# A plan that names its day by "for": "was set for", "called a strike for", "the vote for".
_PLANNED_FOR = TailPattern(r"(?:\b(?:scheduled|rescheduled|slated|set|planned|fixed|earmarked|booked|called)\s+(?:(?:a|an|the|its|their|it|them)\s+"
                          r"(?:[\w-]+\s+){0,2}?)?|\b(?:" + _EVENT_NOUNS + r")\s+)"
                          r"for\s+(?:the\s+)?$", re.IGNORECASE)
# A date a plan named: "would be held in April, not in October as originally expected"; unless a past
# verb tells it happened so ("took place in May as planned").
_AS_PLANNED = compile_skipping(r",?\s+as\s+(?:originally\s+|previously\s+|initially\s+|first\s+)?"
                               r"(?:expected|planned|scheduled|intended|envisaged|foreseen|proposed)\b", re.IGNORECASE)
_PLAIN_PAST_VERB = compile_skipping(r"\b(?:took|happened|occurred|was\s+held|were\s+held|opened|began|started|ended|arrived|"
                                    r"launched|finished|went)\b", re.IGNORECASE)
# A present-tense verb of ending that governs the date.
_ENDS_NOW = TailPattern(r"\b(?:expires|lapses|runs\s+out|ends|closes|shuts|finishes|concludes|"
                       # and its start: "Early voting begins on October 24", "Registration opens March 1"
                       r"begins|starts|opens|reopens|resumes|kicks\s+off)\s+(?:on\s+|at\s+|in\s+)?$", re.IGNORECASE)
_DEADLINE_OF = TailPattern(rf"\b{DEADLINE_NOUN}\s+(?:of|on|for)\s+$", re.IGNORECASE)
# "cannot sign players after Friday", "will no longer be valid after October 9": a cut-off lies ahead.
_CUT_OFF = TailPattern(r"(?:\b(?:no\s+longer|cannot|can\s+not|may\s+not|must\s+not|will\s+not|never)\b|n't\b|n\u2019t\b)"
                      r"[^.;:]{0,100}?\b(?:after|beyond|past)\s+$", re.IGNORECASE)
# "In April, ..." opening a sentence: the time of what the sentence goes on to tell.
_OPENING_FRAME = compile_skipping(r"^\W*(?:(?:but|and|yet|so)\s+)?(?:in|on|during|(?:early|late)\s+in)\s+$", re.IGNORECASE)
# "By Monday, ..." opening a sentence: by the time of the day, whichever way the clause looks.
BY_THE_TIME = compile_skipping(r"^\W*(?:(?:but|and|yet|so)\s+)?by\s+$", re.IGNORECASE)
# "until" and "before" look ahead when the clause states an obligation: "were told to register
# before Monday", "have until Friday to leave".
_AHEAD_IF_OBLIGED = TailPattern(r"\b(?:until|till|before)\s+(?:the\s+)?(?:(?:dawn|dusk|daybreak|sunrise|sunset|nightfall|midnight|noon|"
                               r"end\s+of|close\s+of\s+business)\s+(?:on\s+)?)?$", re.IGNORECASE)
# Words that put something under an obligation or move it to a new date.
OBLIGATION = compile_skipping(r"\b(?:must|(?:was|were|is|are)\s+supposed\s+to|ha(?:ve|s|d)\s+(?:until|till|to)|need(?:s|ed)?\s+to|required|ordered|"
                              # "asked staff to submit their claims before Friday", "told residents to leave"
                              r"(?:asked|told|urged|directed|instructed|advised|warned|cautioned|called\s+on)(?:\s+(?!to\b)[\w'\u2019-]+){0,4}?\s+(?:not\s+)?to|given|gave|gives|giving|grants|granted|due|deadline|ultimatum|agreed\s+to|promised\s+to|pledged\s+to|postponed|"
                              r"delayed|extended|adjourned|deferred|put\s+off|pushed\s+back|"
                              # "defied the order to demolish the houses by Jan. 10": what an order or a ruling demands
                              r"(?:orders?|demands?|rulings?|instructions?|directives?|decrees?|edicts?|injunctions?)\s+(?:that|to)|"
                              # a threat's condition: "threatened air strikes if they did not reach an agreement by noon Saturday"
                              r"threat\w*(?:\s+[\w'\u2019-]+){1,8}?\s+(?:unless|if\s+(?:[\w'\u2019-]+\s+){0,3}?(?:not|fail\w*\s+to)))\b",
                              re.IGNORECASE)
# "a Friday deadline", "the March 1 ultimatum": a date named as a deadline, by the words after it.
NAMED_DEADLINE = compile_skipping(r"(?:'s|\u2019s)?\s+(?:deadline|ultimatum|cut-?off|target\s+date)\b", re.IGNORECASE)
# Words of a deadline still to come: "the looming March deadline", "a Friday deadline approaches".
_LOOMS = compile_skipping(r"\b(?:looming|approaching|upcoming|impending|fast-approaching|nearing|forthcoming)\s+(?:[\w-]+\s+)?$|"
                          r"[^.;]{0,20}?\b(?:looms|loomed|approaches|nears|is\s+approaching|is\s+looming|is\s+fast\s+approaching)\b",
                          re.IGNORECASE)
# A deadline named between a time and its day, inside one mention: "a noon deadline on Friday".
DEADLINE_WITHIN = compile_skipping(r"\s(?:deadline|ultimatum)\s+(?:on|for)\s", re.IGNORECASE)
# The words that set or face a deadline named by its day: "set a Friday deadline".
_DEADLINE_SET = TailPattern(r"\b(?:set|sets|setting|gave|gives|give|given|imposed|imposes|issued|issues|announced|"
                           r"faces?|facing|faced|meet|beat|ahead\s+of|before|,\s+with)\s+(?:(?:a|an|the|its|their|his|her)\s+)?$",
                           re.IGNORECASE)
# A deadline named by its day as what something came before.
_DONE_BEFORE_IT = TailPattern(r"\b(?:ahead\s+of|before)\s+(?:(?:a|an|the|its|their|his|her)\s+)?$", re.IGNORECASE)
# What a deadline named by its day did once it came: "Friday's deadline passed without a deal".
_DEADLINE_GONE = compile_skipping(r"[^.;]{0,40}?\b(?:passed|expired|lapsed|came\s+and\s+went|was\s+missed|were\s+missed|"
                                  r"had\s+(?:passed|expired|lapsed)|went\s+by|ran\s+out)\b", re.IGNORECASE)
# A deadline told as missed or met is one that has come: "missed a Sunday deadline", "failed to meet
# the March 31 deadline", "missed its self-imposed deadline of Friday".
_DEADLINE_MISSED = compile_skipping(r"\b(?:missed|met|blew|failed\s+to\s+meet|did\s+not\s+meet|didn['\u2019]t\s+meet)\s+"
                                    r"(?:(?:a|an|the|its|their|his|her|that|this)\s+)?(?:[\w-]+\s+){0,2}?"
                                    rf"(?:{DEADLINE_NOUN}\s+(?:of|on|for)\s+)?$", re.IGNORECASE)
# A payment told as missed, with the day it fell due: "missed a $47.5 million coupon payment due on
# Sept. 23", "failed to make an interest payment due Friday", "defaulted on a bond payment due June 1".
_PAYMENT_MISSED = compile_skipping(r"\b(?:missed|skipped|failed\s+to\s+(?:make|pay)|(?:did\s+not|didn['\u2019]t)\s+(?:make|pay)|"
                                   r"defaulted\s+on)\s+(?:[^.;]|\.(?=\d)){0,60}?\b(?:payments?|repayments?|coupons?|instal+ments?|interest)\s+"
                                   r"(?:(?:that|which)\s+(?:was|were|fell)\s+)?due\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# A deadline the sentence goes on to say has come: "..., but the deadline passed without incident".
_GONE_LATER = compile_skipping(rf"\b(?:the|that|this|its|their)\s+{DEADLINE_NOUN}\s+(?:(?:had|has)\s+)?(?:passed|expired|lapsed|came\s+and\s+went|ran\s+out)\b",
                               re.IGNORECASE)
# A day set between a subject and its verb: "The court on Monday ordered", not "the meeting on
# Friday called by" (a participle) nor ", on Friday, said" (an aside).
_ON_DAY = compile_skipping(r"\b[A-Za-z][\w.'\u2019-]*\s+on\s+$")
_VERB_RIGHT_AFTER = compile_skipping(r"\s+([a-z]+)\b(?!\s+by\b)")
# An aim or pledge reported as missed, with the date it was to be met by.
_AIM_MISSED = compile_skipping(r"\b(?:missed|failed\s+to\s+(?:meet|reach|hit|achieve|keep)|fell\s+short\s+of|"
                               r"(?:did\s+not|didn['\u2019]t)\s+(?:meet|reach|hit|achieve|keep))\s+"
                               r"(?:(?:its|their|the|a|an|his|her|that|this)\s+)?(?:[\w-]+\s+){0,2}?"
                               rf"{AIM_NOUN}\b[^.;]*$", re.IGNORECASE)
# An aim told in the past perfect: "had promised to deliver by December".
_AIM_HELD_THEN = compile_skipping(r"\bhad\s+(?:\w+ly\s+)?(?:promised|pledged|vowed|hoped|planned|aimed|intended|wanted|"
                                  r"committed|targeted|sought|expected)\s+to\b[^.;]*$", re.IGNORECASE)
# A verb of saying ahead of a past perfect, which may be a present shifted back.
_REPORTED_BEFORE = compile_skipping(r"\b(?:said|says|told|added|announced|reported|warned|stated|explained)\b[^.;]*\bhad\b", re.IGNORECASE)


def _deadline_gone(text: str, at: int) -> bool:
    """Does the deadline named just before `at` pass, expire or come and go in what follows it,
    rather than something else in a clause of its own ("the deadline for the law to be passed")?"""
    m = _DEADLINE_GONE.match(text, at)
    return bool(m) and not re.search(r"\b(?:be|been|being)\s+\w+\s*$", m.group(0))


# A condition told in reported speech, its tense shifted back: "would resume if the fighters had
# not left by Tuesday night" looks ahead as "will resume if they have not left" does.
_BACKSHIFTED_IF = compile_skipping(r"\b(?:would|could|might)\b[^.;]{0,80}?\b(?:if|unless)\b[^.;]{0,60}?\bhad\b[^.;]*$", re.IGNORECASE)
# "had" governs a later cue unless a modal or another verb group stands between: "had until Friday"
# looks back, "had said it would need to know by Tuesday" looks ahead.
_PERFECT = compile_skipping(r"\bhad\b(?![^.;]*\b(?:would|will|could|can|must|need|needs|to)\b)", re.IGNORECASE)
# An infinitive governing the date: "threatened to strike Thursday", "plans to vote on Monday"; not
# "to" before a noun ("was shot to death at 10 p.m.", "returned to work on Monday").
_INFINITIVE_BEFORE = compile_skipping(r"\bto\s+(?!the\b|a\b|an\b|be\b|have\b|death\b|court\b|power\b|office\b|hospital\b|"
                                      r"prison\b|jail\b|school\b|work\b|bed\b|trial\b|safety\b|date\b|victory\b|life\b)[a-z]+(?:\s+(?:on|at|after|before|by|from|until|in))?\s+$")
# A past verb right before the date's preposition: "brokered in July", "expired on March 1"; or
# right before the date itself where the verb takes no object, so that the date is its time: "the
# year ended Jan. 31" (not "fixed March 31 as the deadline", "the deadline was Aug. 24").
_PAST_VERB_BEFORE = TailPattern(r"\b(?:([a-z]+ed|" + "|".join(sorted(PAST_FORMS)) + r")\s+(?:in|on|during|since|last|before)|"
                               r"(ended|expired|lapsed|closed|began|started|opened|finished|concluded)|"
                               # a past verb and its object as one: "took effect in", "came into force on"
                               r"(took\s+(?:effect|office|power|place|hold|charge|over)|(?:came|went)\s+into\s+(?:effect|force|operation|service))"
                               r"\s+(?:in|on|during|last))\s+$")
# "Wednesday's ruling": a day named as the owner of an event already reported.
# A payment or a deadline named by its day looks ahead like any due date: "Friday's interest payment".
POSSESSIVE = compile_skipping(r"^(?:'s|\u2019s)\b(?!\s+(?:[\w.-]+\s+){0,3}?(?:payments?|repayments?|instal+ments?|deadlines?)\b)")


# How far either side of a mention a tense marker is looked for: the verb that dates a mention
# stands within a clause or two of it, and a bounded reach keeps the cost per mention fixed.
TENSE_REACH = 300
# The items of a list of days or months and their glue, up to the mention: "12, 13 and ", " and ".
_MONTH_NAME = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
_ITEM_BEFORE_AND = compile_skipping(r"(?:\d(?:st|nd|rd|th)?|\b(?:" + _MONTH_NAME + r")\.?)\s*$", re.IGNORECASE)
_LIST_GLUE_ONLY = compile_skipping(r"(?:\s*(?:,|and\b|&)\s*(?:\d{1,2}(?:st|nd|rd|th)?|(?:" + _MONTH_NAME + r")\b\.?)?)+\s*",
                                   re.IGNORECASE)
# A figure's change told in the past, its verb a few words after the date: "Sales in June rose".
_MEASURED_VERB = (r"(?:rose|fell|grew|climbed|dropped|jumped|slid|eased|slipped|surged|expanded|shrank|contracted|sank|"
                  r"soared|declined|increased|decreased|plunged|tumbled|rebounded|edged|dipped|totaled|totalled|averaged|"
                  r"widened|narrowed|accelerated|slowed)")
_MEASURED_AFTER = compile_skipping(r"(?:\s+[\w'%$.-]+){0,3}?\s+" + _MEASURED_VERB + r"\b", re.IGNORECASE)
# and before it, with its figure: "Inflation rose to 5 percent in March", "Sales fell 2% in June"
_MEASURED_BEFORE = TailPattern(r"\b" + _MEASURED_VERB + r"\s+(?:by\s+|to\s+|about\s+|nearly\s+|almost\s+)?[$\u20ac\u00a3]?\d[\d.,]*"
                               r"\s*(?:%|percent|per\s+cent|percentage\s+points?|points?|basis\s+points|billion|million|bn|m)?"
                               r"(?:\s+(?:from|on|over|year-on-year|a\s+year\s+earlier)\b[^,;.]{0,30}?)?\s+(?:in|during)\s+$",
                               re.IGNORECASE)
# Without a marker in its clause, the nearest one among this many words either side.
NEAREST_WORDS = 40


_BY = compile_skipping(r"\bby\s+(?:the\s+(?:end|close|middle|start|beginning)\s+of\s+)?$", re.IGNORECASE)
# Words by which a clause looks ahead of its verb, or names an aim: "agreed to withdraw by
# Friday", "said it would finish by Friday", "the goal was a 50% cut by March".
_LOOKS_AHEAD_BY = compile_skipping(r"\b(?:to|will|would|shall|should|must|can|could|may|might|going|goal|goals|target|targets|aim|aims|"
                                   r"plan|plans|promise|promised|pledge|pledged|deadline|ultimatum|hope|hopes|expects?|"
                                   # "ordered the documents unsealed by noon Monday": what an order asks lies ahead
                                   r"ordered|demanded|required|requested|directed|instructed|wants?|wanted|needs?|wish(?:es)?)\b|['\u2019]ll\b",
                                   re.IGNORECASE)


def _done_by(left: str) -> bool:
    """Is a "by" date the time by which a thing was done, as its clause's simple past tells
    ("Shareholders tendered 90% of the shares by Monday", "Mesa didn't respond by Tuesday")?"""
    if not _BY.search(left):
        return False
    breaks = list(_CLAUSE_BREAK.finditer(left))
    clause = left[breaks[-1].end():] if breaks else left
    if _LOOKS_AHEAD_BY.search(clause):
        return False
    words = list(reversed(_WORD.findall(clause)))
    for i, w in enumerate(words):
        if word_tense(w) == NONE:
            continue
        lw = w.lower().replace("\u2019", "'")
        if lw in ("didn't", "did"):
            return True
        j = _past_adverbs(words, i)  # "who are not fully vaccinated by Sept. 30": a participle after "are"
        return (word_tense(w) == PAST and _past_verb(w) and lw not in REPORTING_VERBS
                and (j >= len(words) or words[j].lower() not in _NOT_SIMPLE_PAST | {"not", "never"}))
    return False


def _past_verb(word: str) -> bool:
    """A verb in the simple past, by its "-ed" or its irregular form: not "last" or "ago"."""
    w = word.lower()
    return w.endswith("ed") or w in PAST_FORMS


# Words before a form in -ed that make it no simple past: an auxiliary ("has changed", "to be
# named") or a determiner or quantifier before an adjective ("the promised systems", "all
# perceived anti-poor policies").
_NOT_SIMPLE_PAST = frozenset("""has have had to be been being is are was were the a an its their his her this that these those
our my your all some many most any no such other few several both each every newly recently""".split())


# Past verbs whose object is foreseen: "signalled a cut in June", "forecast a recovery in May".
_FORESEEN = frozenset("""signalled signaled flagged forecast forecasted predicted projected proposed promised pledged
hinted floated mooted eyed targeted pencilled penciled envisaged envisioned outlined previewed""".split())


_THREAT_CONDITION = compile_skipping(r"\bunless\b|\bif\b[^.;]{0,80}?\b(?:(?:is|are)\s+not|isn['\u2019]t|aren['\u2019]t|does\s+not|do\s+not|"
                                     r"doesn['\u2019]t|don['\u2019]t|fails?\s+to)\b", re.IGNORECASE)


def _plainly_past(words: list[str], sentence: str) -> bool:
    """Is the past the clause reads (its words nearest first) a simple past verb that nothing in
    the sentence contradicts: no infinitive or "has" around it, no word of the future anywhere?
    "The operator changed its name in December" then dates a December gone by, however near
    the next one is."""
    for i, w in enumerate(words):
        lw = w.lower()
        if lw == "to" and i > 0 and words[i - 1].lower() in _NOT_SIMPLE_PAST:
            continue  # "changed from a fiscal year to a calendar year in December": a preposition
        if lw in ("to", "through", "until", "till", "that"):
            return False  # "agreed to buy it in February", "loans through January", "said that the ..."
        if word_tense(w) == PAST:
            if not _past_verb(lw) or lw in ("been", "done", "gone", "seen") or lw in REPORTING_VERBS or lw in _FORESEEN:
                return False  # "signalled a cut in June": what was foreseen may lie ahead
            if i == 0 and lw in ("was", "were"):
                return False  # "the previous deadline was Aug. 24": what the date is, not when
            if i + 1 < len(words) and words[i + 1].lower() in _NOT_SIMPLE_PAST - {"was", "were"}:
                return False  # "has changed", "to be named", "the promised systems"; "was re-elected" is past
            break
    # a threat's condition ("called a strike on Oct. 1 if a contract is not reached") looks ahead
    return not _sentence_looks(sentence)[0] and not _THREAT_CONDITION.search(sentence)


@lru_cache(maxsize=256)
def _sentence_looks(sentence: str) -> tuple[bool, bool, bool]:
    """What a sentence's words say of it, read once for all its mentions: a word of the future
    (timetable verbs aside); a past verb that is no participle after "be"; a word of the future,
    an infinitive, "until" or "has"."""
    words = _WORD.findall(sentence)
    ahead = past = ahead_or_open = False
    for i, w in enumerate(words):
        t, lw = word_tense(w), w.lower()
        ahead = ahead or (t == FUTURE and lw not in SCHEDULE_VERBS)
        past = past or (t == PAST and not (i and words[i - 1].lower() in _BE_FUTURE))
        ahead_or_open = ahead_or_open or t == FUTURE or lw in ("to", "until", "till", "through", "has", "have")
    return ahead, past, ahead_or_open


_TRAILING_RELATIVE = compile_skipping(r",\s+(?:who|which)\b[^;:]*$", re.IGNORECASE)


def _past_narration(before: str, after: str) -> bool:
    """A sentence (the text `before` a mention and `after` it) with past verbs and no word that
    looks ahead, nor an infinitive, tells of what happened: a month it names has gone by."""
    # A relative clause that ends the sentence after the mention speaks of its own noun:
    # "In January, X brought in a new chief, who will remain as chairman."
    return not _sentence_looks(before + _TRAILING_RELATIVE.sub("", after))[2]


_MODALS = frozenset({"will", "'ll", "shall", "won't"})
_PRESENT_PLAN_TO = compile_skipping(r"\b(?:is|are)\s+(?:now\s+|still\s+|[a-z]+ly\s+)?(?:due|scheduled|slated|set|expected)\s+to\s+[a-z]+(?:\s+[\w'-]+){0,5}?\s+$",
                                    re.IGNORECASE)
# A plan in the present: "is due to leave the EU on Oct. 31" cannot mean an October gone by.
_PRESENT_PLAN = frozenset({"due", "scheduled", "slated", "expected"})


def _plainly_future(words: list[str], sentence: str) -> bool:
    """Does the clause look ahead by "will", "shall" or "is due to" before the date, with nothing in the
    sentence that looks back? "will command a mission in December", written in March, is next
    December's."""
    for i, w in enumerate(words):
        if word_tense(w) == PAST and i + 1 < len(words) and words[i + 1].lower() == "be":
            continue  # "will be named": a participle of the future
        if word_tense(w) == FUTURE and i + 1 < len(words) and words[i + 1].lower() in _MODALS:
            continue  # "will lapse", "will close": a timetable verb the modal governs
        if word_tense(w) != NONE:
            if w.lower() not in _MODALS and not (w.lower() in _PRESENT_PLAN and i + 1 < len(words)
                                                 and words[i + 1].lower() in ("is", "are")):
                return False
            break
    # who said it ("..., the agency said on Monday.") tells when it was said, not of the past
    return not _sentence_looks(_ATTRIBUTION_AT_END.sub("", sentence))[1]


# An attribution that ends a sentence: ", the agency said.", ", said a spokesman on Tuesday."
_ATTRIBUTION_AT_END = compile_skipping(r"[,\u201d\"]\s*(?:(?:[\w.'\u2019&-]+\s+){0,6}?(?:said|says|told\s+[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+)?|added|announced)"
                                       r"|(?:said|says|added)\s+(?:[\w.'\u2019&-]+\s+){0,6}?[\w.'\u2019&-]+)"
                                       r"(?:\s+(?:on|late|early)\s+\w+|\s+\w+day)?\s*[.!]?\s*$")


# Plan words that are also past verbs: "the government planned to pay", not "is planned".
_PLANNED_THEN = frozenset({"planned", "expected", "intended", "hoped", "wanted", "scheduled"})
_BE_OR_HAVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "'s"})
_PART_BEFORE = TailPattern(r"\b(?:early|late|mid)(?:-|\s+)(?:in\s+)?$|"
                           r"\b(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def clause_tense(text: str, start: int, end: int, sent_start: int, sent_end: int) -> int:
    """PAST, FUTURE or NONE for the mention text[start:end] inside the sentence given."""
    left = text[max(sent_start, start - TENSE_REACH):start]
    # "by early October", "until the end of June": the part of a month named before it is read with
    # it, as "by October" is
    part = _PART_BEFORE.search(left, max(0, len(left) - 24))  # the tail only: this runs for every mention
    left = left[:part.start()] if part else left
    if BY_THE_TIME.search(left):
        # "But by Monday, officials had hardened their stance", "By mid-March the virus had
        # spread": the tense of the clause it opens.
        main = text[end:min(sent_end, end + TENSE_REACH)]
        return _scan(_WORD.findall(main)[:8], leftward=False) or SURELY_FUTURE
    verb_after = _VERB_RIGHT_AFTER.match(text, end, min(len(text), end + 40)) if _ON_DAY.search(left[-24:]) else None
    if verb_after and _past_verb(verb_after[1]) and verb_after[1].lower() not in NOT_PAST_ED:
        # "The Supreme Court on Friday directed the Centre to ...", "Police on Monday arrested two
        # men": the day is the time of the past verb that follows it
        return SURELY_PAST
    if _OPENING_FRAME.search(left) and text.startswith(",", end):
        # "In April, just weeks after the summit collapsed, Kim decided to ...": a date that opens
        # the sentence is the time of what it tells, plainly past when its first verb is.
        main = _WORD.findall(text[end + 1:min(sent_end, end + TENSE_REACH)])[:24]
        t = _scan(main, leftward=False)
        at = next((i for i, w in enumerate(main) if word_tense(w) != NONE), None)
        verb = main[at].lower() if at is not None else ""
        if t == PAST and _past_verb(verb) and verb not in REPORTING_VERBS:
            return SURELY_PAST
        if verb in _PLANNED_THEN and at and main[at - 1].lower() not in _BE_OR_HAVE and at + 1 < len(main) \
                and main[at + 1].lower() == "to":
            return PAST  # "On Friday, the government planned to pay the first claims": the plan was Friday's
        if t != NONE:
            return t
    if _LEADS_UP_TO.search(left[-40:]) and _COMING_EVENT.match(text, end, min(len(text), end + 40)):
        return FUTURE
    if _LEADS_UP_TO_EVENT_ON.search(left[-60:]):
        return FUTURE  # "met on Sunday ahead of a summit on Thursday": the event the meeting leads up to
    if _LEADS_UP_TO_DAYS.search(left[-40:]) and POSSESSIVE.match(text[end:end + 48]) \
            and _COMING_EVENT.match(text, end + 2, min(len(text), end + 40)) \
            and _scan(list(reversed(_WORD.findall(left[-TENSE_REACH:])))) != PAST:
        # "will meet rebel leaders ahead of Friday's talks": the talks lie ahead as the meeting does;
        # "campaigned hard ahead of Sunday's election" may tell of a Sunday gone by
        return FUTURE
    if _SPAN_FROM.search(left[-48:]) and not _sentence_looks(text[sent_start:sent_end])[0]:
        # "was extended for 120 days from March 18": where the span starts, the nearer such day,
        # whatever past tells of the counting ("will run for three weeks from Monday" looks ahead)
        return NONE
    if _ATTRIBUTIVE_BEFORE.search(left[-8:]) and _DONE_THING.match(text, end, min(len(text), end + 40)) \
            and not _WILL_BE_DONE.match(text, end, min(len(text), end + 80)):
        # "bound by a March ruling", "under a June agreement": a thing done, named by its date
        return SURELY_PAST
    if _PLANNED_FOR.search(left[-60:]):
        # "Sentencing was set for Jan. 12", "called a snap election for December 12": the day a
        # plan names, ahead whichever tense tells of the planning; the nearer such day where the
        # plan "had been set"
        return NONE if _PERFECT.search(left[-80:]) else FUTURE
    if _AS_PLANNED.match(text, end, min(len(text), end + 40)) and not _PLAIN_PAST_VERB.search(left[-40:]):
        return SURELY_FUTURE
    if _STARTING.search(left[-24:]) and not _PERFECT.search(left[-80:]):
        return FUTURE  # "announced a ceasefire starting Sunday", "placed on leave starting Monday": what starts then
    if _SINCE.search(left[-12:]):
        # "higher than since April", "closed since 2020", "in custody since March" (written in
        # February): a time gone by, never one to come
        return SURELY_PAST
    # a date named as a deadline: "a Friday deadline", "a noon deadline on Friday"
    named = NAMED_DEADLINE.match(text, end) or DEADLINE_WITHIN.search(text, start, end)
    if (named or _DEADLINE_OF.search(left[-60:])) and (_DEADLINE_MISSED.search(left[-60:])
                                                       or _deadline_gone(text, named.end() if named else end)):
        return SURELY_PAST  # "missed a Sunday deadline", "The deadline of Friday passed without a deal"
    if _PAYMENT_MISSED.search(left[-140:]):
        return SURELY_PAST
    ahead_cue = _AHEAD.search(left[-48:])
    if (ahead_cue or _AHEAD_IF_OBLIGED.search(left[-16:])) and _GONE_LATER.search(text, end, sent_end):
        return SURELY_PAST  # "were given until Sunday to disarm, but the deadline passed": the day has come
    if ahead_cue:
        if _AIM_MISSED.search(left[-160:]):
            return SURELY_PAST  # "missed its target of vaccinating half the population by January"
        if _AIM_HELD_THEN.search(left[-160:]):
            # "had pledged to finish the road by February": an aim as it stood before; the date is
            # the nearer such day, a February just gone as readily as a June to come
            return NONE
        perfect = _PERFECT.search(left[-160:]) and not _BACKSHIFTED_IF.search(left[-160:])
        return PAST if perfect or _done_by(left) else SURELY_FUTURE
    if _ENDS_NOW.search(left[-30:]) and not _sentence_looks(text[sent_start:start])[1]:
        return SURELY_FUTURE  # "Funding runs out on Sept. 30": a timetable's end, not a report of one
    if APPOSED_BEFORE.search(left[-60:]) and APPOSED_AFTER.match(text, end) and not _PERFECT.search(left[-80:]):
        return FUTURE  # "imposed the earliest deadline—Aug. 27—for workers to": the nearer such day
    if _DEADLINE_OF.search(left[-60:]) and not _DEADLINE_GONE.match(text, end) and not _PERFECT.search(left[-80:]):
        return SURELY_FUTURE  # "has been given a noon deadline on Friday", "a final date of 30 April"
    if _DAY_CHOSEN.search(left[-24:]) and _CHOSEN_FOR.match(text, end, min(len(text), end + 12)):
        return NONE
    if LISTED_FOR.search(left[-160:]) and re.search(r"\b(?:on|for|in|after)\s+$", left[-8:]):
        return FUTURE
    if _DEADLINE_IS.search(left[-200:]) and not _PERFECT.search(left[-80:]):
        return SURELY_FUTURE  # "the deadline to apply for the loans ... remains Oct. 17"
    if _CUT_OFF.search(left[-140:]) and not re.search(r"\b(?:had|did|was|were|could)\b", left[-140:]):
        return SURELY_FUTURE
    if _AHEAD_IF_OBLIGED.search(left[-16:]) and (OBLIGATION.search(left[-120:]) or _THREAT_CONDITION.search(left[-120:])):
        # "If the bill is not passed before April 10, ...": a threat's condition looks ahead too.
        # "The rebels had been given until Sunday": a time allowed as it stood before, unless
        # reported speech shifted "has" back ("a diplomat said Iran had until Sunday")
        told = _PERFECT.search(left[-80:]) and not _REPORTED_BEFORE.search(left[-160:])
        return PAST if told else SURELY_FUTURE
    if named and _DEADLINE_SET.search(left[-40:]) and not _DEADLINE_GONE.match(text, named.end()) \
            and not _PERFECT.search(left[-80:]):
        # "The union set a Friday deadline", "faces a March 1 deadline": a deadline is set ahead of
        # itself, whatever tense reports the setting; unless it "passed" or "had" been set. With no
        # past in the sentence ("are racing to meet a Dec. 31 deadline"), plainly ahead. What was
        # done before it, told in the past with nothing ahead ("filed its response just ahead of
        # Monday's deadline", "released two captives hours before Friday's deadline"), came as the
        # deadline did: the day before the telling, as near as may be.
        ahead, past, _ = _sentence_looks(text[sent_start:sent_end])
        if past and not ahead and _DONE_BEFORE_IT.search(left[-40:]):
            return PAST
        return FUTURE if past else PLAINLY_FUTURE
    if named and (_LOOMS.search(left[-30:]) or _LOOMS.match(text, named.end())):
        return SURELY_FUTURE  # "a looming March deadline", "A March deadline looms": one still to come
    if named and not _DEADLINE_GONE.match(text, named.end()):
        # "If no deal is in place by the midnight Sunday deadline, ...": the date is the deadline's,
        # not the time of what the clause tells; ahead, unless the sentence tells only of the past
        # ("Sony completed its offer, with shareholders tendering by the Tuesday deadline"), and
        # only weakly either way, so that a date near at hand stays near ("With the October 1
        # deadline looming, negotiators met late on Thursday").
        ahead, past, _ = _sentence_looks(text[sent_start:sent_end])
        return PAST if past and not ahead else FUTURE
    if POSSESSIVE.match(text[end:end + 48]) and not re.search(r"\b(?:next|coming)\s+$", left[-12:], re.I):
        # "Wednesday's ruling" is an event reported, unless its clause looks ahead and what the day
        # owns is no thing done: "will attend Friday's summit", "warned they would boycott Thursday's
        # vote" (not "would look for ways to get around Wednesday's ruling")
        breaks = list(_CLAUSE_BREAK.finditer(left))
        own = list(reversed(_WORD.findall(left[breaks[-1].end():] if breaks else left)))
        ahead = own and word_tense(own[0]) == NONE and _scan(own) == FUTURE
        if not [w for w in own if w.lower() not in ("the", "a", "an", "and", "but", "so", "then")]:
            # the day's noun opens the clause as its subject: "Friday's jobs report is expected to
            # show", "Sunday's vote will decide": the tense of the verb that follows it
            verb = _SUBJECT_VERB.match(text, end + 2, min(len(text), end + 80))
            return FUTURE if verb is not None and (verb["aux"] or "").lower() not in ("was", "were", "had") else PAST
        return FUTURE if ahead and not _DONE_THING.match(text, end + 2, min(len(text), end + 40)) else PAST
    if _INFINITIVE_BEFORE.search(left[-30:]) and not re.search(r"\bhad\b", left[-50:]):
        # "threatened to strike Thursday": what is threatened lies ahead; "is scheduled to open on
        # Sept. 1" cannot mean a September gone by, unless the sentence also tells of the past
        if _sentence_looks(text[sent_start:sent_end])[1]:
            return FUTURE
        # with no past in the sentence: "is scheduled to" insists; "The company expects the plant to
        # reopen in December", written in March, is of the coming December
        return SURELY_FUTURE if _PRESENT_PLAN_TO.search(left[-70:]) else PLAINLY_FUTURE
    past_verb = _PAST_VERB_BEFORE.search(left[-30:])
    if past_verb and (past_verb.group(1) or past_verb.group(2)) not in NOT_PAST_ED and not re.search(r"\b(?:is|are|be|will|would)\s+\S+\s+\S+\s+$", left[-40:]):
        return SURELY_PAST
    right = text[end:min(sent_end, end + TENSE_REACH)]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    while breaks and _LIST_GLUE_ONLY.fullmatch(left, breaks[-1].start()) and _ITEM_BEFORE_AND.search(left, 0, breaks[-1].start()):
        breaks.pop()  # "between 1 and 3 March", "on 12, 13 and 14 December": a list's glue, not a clause's
    clause_left = left[breaks[-1].end():] if breaks else left
    nxt = _CLAUSE_BREAK.search(right)
    clause_right = right[: nxt.start()] if nxt else right
    words = list(reversed(_WORD.findall(clause_left)))
    t = _scan(words)
    if t == PAST and _MEASURED_BEFORE.search(clause_left):
        return SURELY_PAST  # "Inflation rose to 5 percent in March": a figure of a month over
    if t == PAST and _plainly_past(words, text[sent_start:sent_end]):
        return SURELY_PAST
    if t == FUTURE and _plainly_future(words, clause_left + text[start:end] + clause_right):
        # its own clause only: "The strikes took place in May, and talks will resume in March"
        return PLAINLY_FUTURE
    if t != NONE:
        return t
    if _MEASURED_AFTER.match(clause_right):
        # "Sales in June rose 5 percent", "Exports in March fell": figures told in the past are
        # of a month gone by, however near the coming one is
        return SURELY_PAST
    t = _scan(_WORD.findall(clause_right)[:6], leftward=False)
    if t != NONE:
        return t
    # No marker in the clause: the nearest one in the sentence, by distance.
    # A reporting verb outside the quotation that holds the mention ("... will leave at 4
    # (4 a.m. Thursday),'' Castro said") dates the saying, not what is said: it counts only if
    # nothing else in the sentence does.
    quote_left = max((q.end() for q in _QUOTE.finditer(left)), default=0)
    quote_right = next((q.start() for q in _QUOTE.finditer(right)), len(right))
    lw = [(w.group(), w.start() < quote_left) for w in reversed(list(_WORD.finditer(left)))][:NEAREST_WORDS]
    left_words = [w for w, _ in lw]
    rw = [(w.group(), w.start() > quote_right) for w in _WORD.finditer(right)][:NEAREST_WORDS]
    reported = NONE
    for i in range(max(len(lw), len(rw))):
        for side, following in ((lw, lw[i - 1][0] if 0 < i <= len(lw) else ""),
                                (rw, rw[i + 1][0] if i + 1 < len(rw) else "")):
            if i < len(side):
                word, quoted_apart = side[i]
                t = word_tense(word)
                if _is_plan_noun(word, following) or (t == PAST and side is lw and _wished(left_words, i)):
                    continue
                if quoted_apart and word.lower() in REPORTING_VERBS:
                    reported = reported or t
                    continue
                if t == PAST and _past_verb(word) and _past_narration(text[sent_start:end], text[end:sent_end]):
                    return SURELY_PAST  # "In January, ..., a bombing killed a guard": all of it told as past
                if t != NONE:
                    return t
    if reported != NONE:
        return reported
    # Nothing in the sentence speaks to tense ("Port workers set Friday deadline", "out of office
    # till fri"): a date named as a deadline, or as the end of a state, lies ahead.
    return FUTURE if NAMED_DEADLINE.match(text, end) or _UNTIL.search(left[-8:]) else NONE
