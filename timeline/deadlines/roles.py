"""Who must do what, and who set it: the subject and setter of a deadline, as clean phrases.

A light clause reading, no parser. The subject is read by the kind of sentence:
- a span or a date given to someone: "gave Doha 10 days to comply" -> "Doha to comply";
- a deadline noun and its complement: "the deadline for submitting bids" -> "submitting bids";
- a demand: "demanded that Iran suspend its work by ..." -> "Iran suspend its work";
- an expiry or a passive: "the grain deal is set to expire on ..." -> "the grain deal";
- an obligation: "lawyers would need to submit arguments ..." -> the clause itself.
The setter is the named actor of the verb that set or reported it ("the U.N. Security Council on
Monday demanded" -> "U.N. Security Council"), the owner of the deadline ("the ITU's deadline"),
the agent of a passive ("set by the Reserve Bank"), or the speaker of a quotation; a pronoun is
taken back to the actor named before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..engine import lexicon
from ..engine.rules import alternation
from ..engine.tense import has_tensed_word
from .cues import DATE_BY_WHICH, DEADLINE_NOUN, DEMAND_VERBS, SPAN_COUNTED_FROM
from ..heads import compile_skipping


@dataclass(frozen=True)
class Roles:
    subject: Optional[str]
    setter: Optional[str]


_SETTING = alternation(list(lexicon.REPORTING_VERBS) + """says vowed vows warned warns announces declared gave gives give given
    set sets ordered orders demanded demands threatened threatens insisted insists pledged promised decided ruled stated
    wrote urged repeated extended extends extend postponed imposed imposes impose issued issues issue asked asks sought
    seeks directed directs fixed fixes banned bans agreed agrees told tells called approved approves confirmed
    confirms granted grants allowed instructed required requires allow allows invites invited inviting encourages
    encouraged encouraging voted votes accept accepts accepted count counts withdraws withdrew withdrawing revokes revoked
    revoking wants wanted asking urging ordering demanding requiring telling calling want demand insist warn urge threaten
    vow pledge require stipulates stipulated mandates mandated specifies specified dictates dictated decrees decreed
    calls stressed cautioned noted signed signs""".split())
# Verbs of saying that name the setter after the date ("..., the council stressed").
_SAID_AFTER = frozenset("says ruled warned announced stressed cautioned noted insisted confirmed explained".split())
_SETTING_VERB = compile_skipping(rf"(?<![\w-])({_SETTING})\b")  # not "self-imposed", "US-backed": adjectives
# After these a word of _SETTING is a noun: "the second round of grants", "new orders", "their demands".
_NOUN_BEFORE = compile_skipping(r"\b(?:of|the|a|an|its|their|his|her|our|new|more|further|these|those)\s+$", re.IGNORECASE)
# And before these, as the subject of a verb of its own: "Postal votes must arrive", "Court orders must be obeyed";
# but a verb of saying takes a clause without "that": "which Kenya says will close by June 1".
_SAYING = frozenset(lexicon.THAT_CLAUSE_VERBS) | frozenset(lexicon.REPORTING_VERBS)
_NOUN_AFTER = compile_skipping(r"\s+(?:must|will|would|should|shall|can|could|may|might|are|were|is|was|have|has|had)\b")
# Words that may stand between an actor and its verb: auxiliaries, adverbs, a date or a place.
_AUX = compile_skipping(r"(?:\s+(?:has|have|had|was|were|is|are|be|will|would|may|might|could|should|shall|must|also|finally|"
                        r"now|then|again|already|just|earlier|previously|reportedly|formally|officially|(?:has|have|had)\s+been|\w+ly))+\s*$")
_ADJUNCT_AT_END = compile_skipping(
    r"(?:,\s*)?(?:\b(?:on|in|last|this|late|early)\s+)?(?:" + alternation(list(lexicon.WEEKDAYS)) + r"|yesterday|today|"
    r"(?:" + alternation(list(lexicon.MONTHS)) + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{1,2}\s+(?:"
    + alternation(list(lexicon.MONTHS)) + r")(?:\s+\d{4})?|\d{4}|week|month|year)(?:\s+(?:morning|afternoon|evening|night))?"
    r",?\s*$", re.IGNORECASE)
_BOUNDARY = compile_skipping(r"(?:^|[;:\u201c\u201d\"]|\s[-\u2013\u2014]{1,2}\s|\(\w+\)\s[-\u2013\u2014]\s|,\s|\b(?:that|but|which|who|"
                             r"while|when|after|before|because|since|although|if|as|whether|saying|and)\s)")
_PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "we", "i", "you"}
_NOT_ACTOR = compile_skipping(r"^(?:it|this|that|there|what|which|officials?|sources?|reports?|a\s+statement)$", re.IGNORECASE)
_DATELINE = compile_skipping(r"^(?:[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.' ]+)?\s*(?:\([\w .]+\)|\(\w+)?\s*(?:[-\u2013\u2014:]{1,2})\s*|"
                             r"\[[^\]]*\][^:]{0,40}:\s*|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+)")
_LEADING_ADVERBIAL = compile_skipping(r"^(?:(?:By|In|On|At|For|After|Before|According\s+to|Meanwhile|However|Earlier|Later|Now|"
                                      r"Under|Following|Amid|Despite|As\s+part\s+of)\b"
                                      r"[^,]{0,60},\s*)+")
# "On March 3 the regulator ...": a date that opens the clause, without a comma.
_LEADING_DATE = compile_skipping(r"^(?:On|In|Last|This|Late|Early)\s+(?:(?:" + alternation(list(lexicon.MONTHS)) + r")\.?(?:\s+\d{1,2}"
                                 r"(?:st|nd|rd|th)?)?|\d{1,2}\s+(?:" + alternation(list(lexicon.MONTHS)) + r")|(?:"
                                 + alternation(list(lexicon.WEEKDAYS)) + r")|\d{4}|week|month|year)(?:,?\s+\d{4})?,?\s+", re.IGNORECASE)
_NAME_WORD = compile_skipping(r"^[A-Z0-9][\w'\u2019.&-]*$")


_POSSESSED_DEADLINE = compile_skipping(r"^['\u2019]s\s+(?:[\w-]+\s+)?(?:deadline|ultimatum)\b[\s,]*", re.IGNORECASE)
_TRAILING_WORD = compile_skipping(r"(?:\s+|^)(?:by|until|till|through|before|on|at|in|to|up|of|for|from|the|a|an|and|or|is|was|are|were|remains|remained|"
                                  r"be|no\s+later\s+than|within|deadline|on\s+or|after|as\s+of|with\s+effect|"
                                  # "filed its response just ahead of", "averted a shutdown hours before"
                                  r"(?:just|only|shortly|hours|minutes|days|weeks|moments)(?:\s+(?:ahead|before))?|ahead|"
                                  # "extend martial law for another 90 days, until": the length added, not what is due
                                  r"(?:for|by)\s+(?:another\s+|an?\s+(?:further|additional|extra)\s+|an?\s+)?(?:[\w-]+\s+)?"
                                  r"(?:hours?|days?|weeks?|months?|years?)|"
                                  r"(?:at|by|before)\s+(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?(?:day|business|trading|play)|"
                                  r"dawn|dusk|daybreak|sunrise|sunset|nightfall|first\s+light|midnight|noon)\s*$", re.IGNORECASE)


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    phrase = _POSSESSED_DEADLINE.sub("", phrase)  # "'s deadline, the rebels released ...": what follows
    phrase = re.sub(r"^(?:and|but|or|so|then|that|which|who|whereby|while|whereas|although|though)(?:\s+|$)", "", phrase,
                    flags=re.IGNORECASE)
    for _ in range(3):
        # Looked for in the phrase's last words only: a pattern anchored at the end costs its
        # length at every position it is tried from.
        last = _TRAILING_WORD.search(phrase, max(0, len(phrase) - 40))
        phrase = phrase[:last.start()] if last else phrase
        phrase = phrase.strip(" ,;:-\u2013\u2014\"'\u201c\u201d\u2018\u2019")
    phrase = re.sub(r"(?<=[a-z])\.$", "", phrase)  # the sentence's full stop, not an abbreviation's
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[:phrase.rfind("(")].strip(" ,")
    elif phrase.count(")") > phrase.count("("):
        phrase = phrase[phrase.find(")") + 1:].strip(" ,")
    return phrase


# "after the Ministry of Education extended": who moved or set a deadline, told in a clause of its own.
_MOVED_BY = (r"(?:after|when|since|because|once)\s+(?P<who>(?:the\s+)?(?:[A-Z][\w.&'\u2019-]*\s+(?:of\s+(?:the\s+)?)?){1,6}?)"
             r"(?:has\s+|had\s+)?(?:extended|set|moved|pushed\s+back|postponed|imposed|ordered|issued|fixed)")


def _cut_after(phrase: str) -> str:
    """What is due ends where the sentence turns to a threat or to another clause."""
    m = re.search(r",\s+and\s+(?!\w+\s+to\b)|[,.]?[\"\u201d]|"
                  # "to file its reply and listed the matter for hearing": a second act, done
                  r"\s+and\s+(?=(?:[a-z]{3,}ed|said|set|gave|sent|told|made|took|held)\s+(?:the|a|an|its|their|his|her|it|them)\b)|"
                  # "..., the FAA said", "..., a deadline it met on Sunday"
                  r",\s+(?:the\s+)?(?:[\w.'\u2019-]+\s+){0,4}?(?:said|says|added|told|warned|warns|insisted|noted|stressed|cautioned|"
                  r"argued|explained|announced|confirmed)(?=\s*$|\s*[,.;]|\s+(?:on|in|at|during|late|earlier|last|"
                  r"yesterday|today|this|after|reporters|[A-Z]))|,\s+(?:said|says|added)\s+(?!(?:it|he|she|they|we|that|its|their|his|her)\b)|,\s+(?:a|the)\s+(?:deadline|period|window|ultimatum)\b|"
                  r",\s+after\s+which\b|,\s+according\s+to\b|,\s+but\s|"
                  # "to name a successor, after the prime minister resigned": why, not what is due
                  r",\s+(?:after|since|because|following)\s+(?:the|a|an|his|her|its|their|he|she|it|they)\b|"
                  # "... for the knockout round, which begins on February 15": an aside on the last noun
                  r",\s+(?:which|where|when)\s|"
                  # "10 days to hand over its stockpile and 60 days to destroy it": the next span's own task
                  r"\s+and\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
                  r"sixty|ninety)[\s-]+(?:more\s+)?(?:hours?|days?|weeks?|months?|years?)\s+to\b|"
                  # "... to file after the Revenue Authority extended the deadline": who moved it, not what is due
                  r",?\s+" + _MOVED_BY + r"\b|"
                  # "..., warning that funding would be cut": the setter's own words about it
                  r",\s+(?:warning|saying|adding|threatening|noting|insisting|arguing)\b|"
                  r",?\s+(?:or\s+(?:face|risk|be|else|(?:(?:it|they|he|she|we|you)\s+)?(?:will|would|could|may|might))|otherwise|failing\s+which|"
                  r"so\s+that|[;:]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\.\s)", phrase)
    return phrase[:m.start()] if m else phrase


_ATTRIBUTIVE = compile_skipping(r"\b(?:a|an|the|its|their|his|her|this|that|last|next)\s+$", re.IGNORECASE)

# Who set a deadline and what is due are named within this many characters of its date.
ROLE_REACH = 300


_LEADING_TIME = compile_skipping(r"^(?:on\s+|late\s+|early\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                                 r"(?i:yesterday|last\s+(?:week|month|night)))(?:\s+(?i:morning|afternoon|evening|night))?,?\s+(?:that\s+)?")


def read_roles(text: str, start: int, end: int, s_start: int, s_end: int,
               others: Sequence[tuple[int, int]] = ()) -> Roles:
    """Subject and setter of the deadline text[start:end] in the sentence text[s_start:s_end]."""
    first = s_start
    s_start, s_end = max(s_start, start - ROLE_REACH), min(s_end, end + ROLE_REACH)
    sentence = text[s_start:s_end]
    at, to = start - s_start, end - s_start
    setter = _setter(text, sentence, at, s_start) or (_setter_before(text, first) if first == s_start else "")
    # Another date ends what is due only where it is a time of its own ("to respond by Friday and
    # to pay in June"); one that describes a noun ("the sponsors of a February ceasefire") does not.
    others = [(a, b) for a, b in others if not _ATTRIBUTIVE.search(text, max(0, a - 12), a)]
    subject = _subject(sentence, at, to, [(a - s_start, b - s_start) for a, b in others])
    agent = _LEADING_AGENT.match(subject)
    if agent and _PASSIVE_ORDER.search(sentence[:at]):
        subject = subject[agent.end():]  # "were told by the central bank to raise ...": the agent set it
    passive = _PASSIVE_ORDER.search(sentence[:at]) if subject.startswith("to ") else None
    if passive:
        # "Residents were told to evacuate", "Rebels were given an ultimatum to surrender": who
        # was told is the passive's subject.
        told = _clause_subject(sentence[:passive.start()])
        subject = f"{told} {subject}" if told else subject
    elif subject.startswith("to ") and (faced := _FACED.search(sentence, max(0, at - 40), at)):
        # "Negotiators missed a Sunday deadline to agree a text": who missed or faces a deadline
        # is who was to act (who set or issued one is not)
        actor = _clause_subject(sentence[:faced.start()])
        if actor and len(actor.split()) <= 6 and actor.lower() not in _PRONOUNS:
            subject = f"{actor} {subject}"
    if subject and re.fullmatch(r"(?:with|by|in|on|at|for|from|as|of|the|a|an|and|but|to|after|before|amid)"
                                r"(?:\s+(?:the|a|an|its|their)(?:\s+[\w-]+)?)?", subject, re.IGNORECASE):
        subject = ""  # "With the June 30 deadline looming, ...", "With the looming March deadline": nothing said of what is due
    # "said on Monday it would cut 500 jobs": the day of the saying is no part of what is due
    subject = _LEADING_TIME.sub("", subject) if subject else subject
    if setter and setter.lower() not in _PRONOUNS:
        # "The regulator said it will decide": who will decide is the regulator.
        subject = re.sub(r"^(?:it|he|she|they)\b", setter, subject, flags=re.IGNORECASE)
    if BARE_DEADLINE.search(sentence[:at]):
        # "The department extended the deadline until June 30": what is due is told where the
        # deadline was first named, with its complement, in the sentences just before.
        subject = _deadline_named_before(text, first) or subject
    told = _TOLD_WHOM.search(sentence, to) if subject and re.match(r"you\b", subject, re.IGNORECASE) else None
    if told:
        # "'You have until Sunday to leave,' the commander told the fighters": you are the fighters
        subject = told.group("whom") + subject[3:]
    return Roles(subject or None, setter or None)


# What an authority does that sets the terms the next sentence tells: "The FAA has ordered emergency
# inspections. ... Operators will have 20 days to inspect", "The Government announced last week
# that it was ditching its scheme. Brits will no longer be able to apply after 5pm today."
_ORDERING_VERB = compile_skipping(r"\b(ordered|orders|decided|decides|announced|announces|extended|extends|imposed|imposes|issued|"
                                  r"issues|required|requires|directed|directs|instructed|approved|approves|mandated|mandates|"
                                  r"declared|declares|set|sets)\b")
_SENTENCE_END = compile_skipping(r"[.!?][\"\u201d']?\s+(?=[A-Z\"\u201c])")


def _setter_before(text: str, s_start: int) -> str:
    """The authority acting in the sentences just before (within a paragraph and 400 characters),
    for a deadline whose own sentence names no setter."""
    window = text[max(0, s_start - 400):s_start]
    if "\n\n" in window:
        window = window[window.rindex("\n\n") + 2:]
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(window)]
    for a, b in reversed(list(zip(starts, starts[1:] + [len(window)]))):  # the nearest sentence first
        previous = window[a:b]
        for m in reversed(list(_ORDERING_VERB.finditer(previous))):
            if _infinitive(previous, m) or _PASSIVE_BEFORE.search(previous, 0, m.start()):
                continue  # "The deadline was previously extended": what was acted on, not who acted
            who = _actor_before(previous[:m.start()])
            if who and who.lower() not in _PRONOUNS and not _ORDERING_VERB.search(who):
                return who
    return ""


# "the deadline" with no complement, just before the date it now runs to ("extended the deadline
# until June 30", "the deadline is now Friday").
BARE_DEADLINE = compile_skipping(rf"\b(?:the|this|that)\s+(?:(?:new|extended|revised|original|same)\s+)?{DEADLINE_NOUN}"
                            r"(?:\s+(?:(?:has|had|have)\s+been\s+|was\s+|is\s+)?(?:\w+ed\s+)?(?:now\s+)?)?"
                            r"(?:\s*(?:until|till|to|by|on|at|for|as))?\s*$", re.IGNORECASE)


def _deadline_named_before(text: str, s_start: int) -> str:
    """What is due by the deadline named with its complement in the sentences just before (within a
    paragraph and 400 characters): "the deadline for taxpayers to link their cards expires"."""
    window = text[max(0, s_start - 400):s_start]
    if "\n\n" in window:
        window = window[window.rindex("\n\n") + 2:]
    named = [m for m in _NOUN_COMPLEMENT.finditer(window) if re.match(DEADLINE_NOUN, m.group(0), re.IGNORECASE)
             and re.match(r"(?:for|to)\s", m.group("c"))]
    if not named:
        return ""
    comp = re.split(r"\s+(?:is|are|was|were|will|would|has|have|had|expired?|expires|passed|ends?|ended|lapsed?)\b|,\s",
                    named[-1].group("c"))[0]
    comp = _clean(_cut_after(re.sub(r"^for\s+", "", comp)))
    return comp if len(comp.split()) >= 2 else ""


# ---- subject -------------------------------------------------------------------------------

# "has", "have", "had" as a verb of having, not an auxiliary ("teachers who have not updated").
_GIVE = compile_skipping(r"\b(?:gave|given|give|gives|giving|granted|grant|grants|allowed|allow|allows|"
                         r"(?:has|have|had)(?!\s+(?:not|never|been|already|also|just|[a-z]+ed)\b))\s+")
_TO_ACT = compile_skipping(r"^(?:['\u2019]s?\s+notice)?[\s,\"\u201d]*(?:(?:\w+\s+){0,2}?more\s+)?(?:(?:grace\s+)?(?:window|period|deadline|ultimatum|extension|reprieve)\s+)?"
                           r"(?:\([^)]*\)\s*)?,?\s*(?:by\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+\s+)?"
                           + SPAN_COUNTED_FROM + r"(?:to|in\s+which\s+to)\s+(?!be\b)(?P<act>[a-z](?:[^.;]|\.(?=\d))*)",
                           re.IGNORECASE)
# ("to order for delivery", "will call for talks": verbs, not nouns)
_NOUN_COMPLEMENT = compile_skipping(rf"(?<!\bto\s)(?<!\bwill\s)\b(?:{DEADLINE_NOUN}|window|warning|order|call|demand|request)"
                                    # "a deadline, Aug. 27, for ...", "the deadline—Aug. 27—for ...": a date set off
                                    r"(?:\s*(?:,|\(|--|[\u2014\u2013])[^,()\u2014\u2013;]{1,30}?(?:,|\)|--|[\u2014\u2013])\s*(?=(?:for|to)\s)|\s+)"
                                    r"(?:[A-Z]\w+\s+)?(?:(?:given|issued|set)\s+)?"
                                    r"(?P<c>(?:for|to|of|on)\s+(?:[^.;]|\.(?=\s?[\da-z]|[A-Z]\.))+)", re.IGNORECASE)
_DEMAND = compile_skipping(rf"\b(?:{DEMAND_VERBS})\s+(?:that\s+)?(?P<who>[^.;]*)", re.IGNORECASE)
_SOUGHT = compile_skipping(r"\b(?:sought|seeks?|seeking|wants?|wanted)\s+(?P<what>(?:a|an|the|their|its|his|her)?\s*(?:\w+\s+){0,2}?"
                           r"(?:repl(?:y|ies)|responses?|answers?|reports?|explanations?|submissions?|proposals?|decisions?)"
                           r"(?:\s+from\s+[\w\s]+?)?)(?=\s+(?:within|in|by|before|on)\b)", re.IGNORECASE)
_WANTS_WHO = compile_skipping(r"\b(?:wants|wanted|expects|expected|needs|needed|wishes|would\s+like)\s+"
                              r"(?P<who>(?!to\b)(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)\s+to\s+(?P<act>[a-z][^.;]*)", re.IGNORECASE)
_CONDITION = compile_skipping(r"\b(?:unless|if)\s+(?P<who>(?:(?:the|their|its|his|her|our|your|all)\s+)?\w+)\s+(?:(?:do|does|did)\s+not\s+|don't\s+|doesn't\s+|didn't\s+|fail\s+to\s+)?"
                              r"(?P<act>[a-z][^.;,]*)", re.IGNORECASE)
# Who a quotation was said to: "..., the commander told the fighters."
_TOLD_WHOM = compile_skipping(r"[\"\u201d]\s*,?\s*(?:[\w.'\u2019-]+\s+){1,6}?told\s+(?P<whom>(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)\s*[.,;]")
# Up to "that" after a verb of saying: "X repeated on Friday that ...", "warned shipping firms that ...".
_SAID_THAT = compile_skipping(rf"^.*\b(?:{alternation(lexicon.THAT_CLAUSE_VERBS)})\s+(?:\w+\s+){{0,5}}?that\s+")
# An adverb before an aside's participle: "The offer, first announced on Oct. 2,".
_ASIDE_ADVERB = r"(?:(?:first|originally|initially|previously|already|formally|officially|recently|jointly)\s+)?"
_ASIDE = compile_skipping(r",\s+(?:(?:which|who)\b|" + _ASIDE_ADVERB + r"[a-z]+ed\s+(?:by|on|in|last)\b)[^,;:\"\u201c\u201d]*,\s*")
# The noun phrase that ends a piece of a sentence: "The tax amnesty" in "The tax amnesty, which ...".
_NOUN_END = compile_skipping(r"(?:^|(?<=[,;]\s))(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?(?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+$")
_DETERMINER = compile_skipping(r"\b(?:the|a|an|its|their|his|her|our|these|those|this|that)\s+", re.IGNORECASE)


def _antecedent(piece: str) -> str:
    """The noun phrase a piece of a sentence ends with, which a relative clause after it speaks of:
    from its last determiner ("... to claim their Parents NSW and Stay NSW vouchers"), else its
    last few words ("the New Strategic Arms Reduction Treaty (New START)")."""
    words = piece.split()
    tail = " ".join(words[-7:])
    det = None
    for det in _DETERMINER.finditer(tail):
        pass
    if det is not None:
        return tail[det.start():].strip()
    m = _NOUN_END.search(piece) or re.search(r"(?:[\w'\u2019()-]+\s+){0,3}[\w'\u2019()-]+$", piece)
    return m.group(0).strip() if m else ""
_FACED = compile_skipping(r"\b(?:missed|misses|miss|met|meets|meet|faces|face|faced|facing|beat|beats|"
                          r"(?:rac(?:e|es|ed|ing)|up|work(?:s|ed|ing)?|scrambl(?:e|es|ed|ing)|rush(?:es|ed|ing)?)\s+"
                          r"(?:against|toward|towards|to\s+meet))\s+(?:a|an|the|its|their)\s+(?:[\w'\u2019-]+\s+){0,2}$",
                          re.IGNORECASE)
_BY_WHICH = compile_skipping(DATE_BY_WHICH + r"\s+(?P<what>[^.;]+)", re.IGNORECASE)
_SPAN_END = compile_skipping(r"\b(?:hours?|days?|weeks?|months?|years?)$", re.IGNORECASE)
# "warned shipping companies on Sunday that they": the pronoun is the people told.
_TOLD_THAT = compile_skipping(r"\b(?:warned|warning|told|telling|informed|informing|reminded|reminding|notified|assured|advised)\s+"
                              r"(?P<who>(?:[\w'-]+\s+){0,4}?[\w'-]+)(?:\s+(?:on|last|this)\s+\w+)?\s+(?:that\s+)?(?:they|it|he|she)\s+$|"
                              # "Members have been told they have until ...": who was told, before the passive
                              r"(?:^|\b)(?P<pwho>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:have|has|had|were|was)\s+been\s+(?:warned|told|informed|"
                              r"reminded|notified|advised)\s+(?:that\s+)?(?:they|it|he|she)\s+$",
                              re.IGNORECASE)
_PASSIVE_ORDER = compile_skipping(r"\s+(?:(?:has|have|had)\s+been|was|were|is|are|(?:will|would|shall|must|may|could|to)\s+(?:now\s+|also\s+)?be)\s+"
                                  r"(?:\w+ly\s+)?(?:given|told|ordered|asked|instructed|required|obliged|urged|warned|directed|called\s+on)\b(?!.*\b(?:was|were)\s+(?:given|told)\b)")
# A passive's agent before what it asks: "by the ministry to submit their plans".
_LEADING_AGENT = compile_skipping(r"^by\s+(?:[\w.&'\u2019-]+\s+){1,7}?(?=to\s+[a-z])")
# The auxiliary of a passive verb right before it: "were told", "has been ordered".
_PASSIVE_BEFORE = compile_skipping(r"\s+(?:(?:has|have|had)\s+been|was|were|is|are|be|being)\s+(?:not\s+|never\s+)?"
                                   r"(?:(?:\w+ly|earlier|also|already|now|then|previously|initially|first|once)\s+)?$|"
                                   # "was fined $10 million and told to": a passive shared by "and"
                                   r"\s+(?:(?:has|have|had)\s+been|was|were)\s+[a-z]+(?:ed|en)\b(?:[^,;.]|\.\d){0,40}?\s+and\s+$")


# "Nevada, with a Nov. 1 deadline, has given ...": a deadline named in an aside about its owner.
_WITH_A = r",\s+with\s+(?:a|an|the|its|their)\s+$"
_OWNER_WITH = compile_skipping(r"(?:^\s*|[.;]\s+|,\s+)(?P<who>(?:[A-Z][\w.&'\u2019-]*\s+){0,4}[A-Z][\w.&'\u2019-]*)" + _WITH_A)
_WITH_DEADLINE_AFTER = compile_skipping(rf"\s+{DEADLINE_NOUN}\s*,\s+(?P<rest>[^.;]+)", re.IGNORECASE)
_GAVE_TO = compile_skipping(r"\b(?:given|gave|gives|give|allowed|allows|told|tells|asked|asks|ordered|orders|urged|urges)\s+(?P<who>(?:[\w'\u2019-]+\s+){1,5}?)(?:the\s+(?:most|least|more|less)\s+"
                            r"time\s+|more\s+time\s+|time\s+|until\s+then\s+)?to\s+(?P<act>[a-z][^.;]*)")
# A span that lets someone act: "for 120 hours to allow Kurdish forces to withdraw" (also read by classify).
LETS_ACT = compile_skipping(r",?\s+(?:in\s+order\s+)?to\s+(?:(?:allow|enable)\s+(?P<who>(?:[\w'\u2019.-]+\s+){1,6}?)to\s+|"
                            r"let\s+(?P<who2>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,2}?)\s+(?=[a-z]+\b))(?P<act>[a-z]+\b[^.;]*)")


_NOT_A_COMPLEMENT = frozenset("""it them him her us you this that these those which what whom the a an its their his our
your now then today tomorrow""".split())


def _subject(sentence: str, at: int, to: int, others: list[tuple[int, int]]) -> str:
    before, after = sentence[:at], sentence[to:]
    # Stop the tail at the next mention: "... to respond to an offer in June" names June's own clause.
    nxt = min((a - to for a, _ in others if a >= to), default=None)
    # 0. "Nevada, with a Nov. 1 deadline, has given healthcare workers the most time to become
    # vaccinated": the clause after the aside says what is due
    aside = _WITH_DEADLINE_AFTER.match(after) if re.search(_WITH_A, before) else None
    if aside:
        gave = _GAVE_TO.search(aside.group("rest"))
        rest = f"{gave.group('who')} to {gave.group('act')}" if gave else aside.group("rest")
        return _clean(_cut_after(rest))
    # 0. A span that lets someone act: "suspend the offensive for 120 hours to allow Kurdish forces
    # to withdraw from the zone"
    allowed = LETS_ACT.match(after)
    if allowed:
        return _clean(_cut_after(f"{(allowed.group('who') or allowed.group('who2')).strip()} to {allowed.group('act')}"))
    # 1. Given a span or a date: "gave Doha 10 days to comply", "has until Friday to leave".
    act = _TO_ACT.match(after)
    give = None
    for give in _GIVE.finditer(before[-160:]):
        pass
    if give is not None and act:
        recipient = before[-160:][give.end():]
        recipient = re.sub(r"\s*(?:(?:more|additional|extra|further)\s+)?(?:time\s+)?(?:until|till|up\s+to|within|about|around)?\s*"
                           r"(?:(?:midnight|noon|\d{1,2}\s*noon|close\s+of\s+(?:business|play|trading)|(?:the\s+)?end\s+of\s+(?:the\s+)?"
                           r"(?:business\s+|working\s+)?day)\s*(?:of|on)?)?\s*$",
                           "", recipient, flags=re.IGNORECASE)
        recipient = _clean(recipient)
        possessed = give.group(0).strip().lower() in ("has", "have", "had")
        if (possessed and recipient) or re.search(r"\bto\s+[a-z]", recipient):
            give = None  # "has been told of the need to agree a sale before May 31": no span given
    if give is not None and act:
        told = _TOLD_THAT.search(before[-160:][:give.start()])
        if told and give.group(0).strip().lower() in ("has", "have", "had"):
            # "warned shipping companies on Sunday that they had 72 hours to leave": who was told
            return _clean(f"{_clean(told.group('who') or told.group('pwho'))} to {_clean(_cut_after(act.group('act')))}")
        passive = give.group(0).strip().lower() == "given" and _PASSIVE_BEFORE.search(before[-160:][:give.start()])
        if give.group(0).strip().lower() in ("has", "have", "had") or passive or not recipient:
            # "Mr Jammeh has been given until ...", "they had 72 hours to ...": the clause's subject
            recipient = _clause_subject(before[:len(before) - len(before[-160:]) + give.start()])
        what = _clean(_cut_after(act.group("act")))
        return _clean(f"{recipient} to {what}" if recipient and len(recipient.split()) <= 12 else what)
    # "set June 14 as the date by which the parties must file their briefs"
    by_which = _BY_WHICH.match(after)
    if by_which:
        return _clean(_cut_after(by_which.group("what")))
    # 2. A deadline noun with its complement, before or after the date.
    for m in list(_NOUN_COMPLEMENT.finditer(sentence)):
        comp_start = m.start("c")
        comp = m.group("c")
        if (comp_start < at and re.fullmatch(r"(?:of|on)\s+(?:the\s+)?", sentence[comp_start:at]) or at <= comp_start < to) \
                and (set_for := _SET_FOR_AFTER.match(after)):
            # "a deadline of March 15 for contractors to finish", "a 6 p.m. deadline on Sunday to
            # disarm", "A deadline of June 30 has been set for all parties to submit": the
            # complement after the date
            comp_start, comp = to, after[set_for.end():]
        elif comp_start < at:
            comp = comp[:at - comp_start]
        # the complement stops at any other mention
        cut = min((a - comp_start for a, _ in others if a > comp_start), default=None)
        if cut is not None and cut < len(comp):
            comp = comp[:cut]
        comp = re.split(r"\s+(?:is|are|was|were|will|would|could|can|may|might|should|must|has|have|had|expired|passed|expires|"
                        r"expire|ends?|ended|lapses?|lapsed|said|says)\b"
                        r"|,\s(?!\d)", comp)[0]
        comp = re.sub(r"^(?:for|of|on)\s+", "", comp)
        comp = re.sub(r"^to\s+(?=(?:the|a|an)\s|[A-Z])", "", comp)
        comp = _clean(_cut_after(comp))
        # "on Tuesday, the last day to claim the rebate": a deadline in apposition (a window so placed
        # may open a clause of its own: "before 4 p.m., the window for deals closes")
        apposed = re.fullmatch(r",\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}", sentence[to:m.start()]) \
            and re.match(DEADLINE_NOUN, m.group(0), re.IGNORECASE)
        # one word will do where it is a noun after "for" ("the deadline for bids was extended to Friday")
        one_noun = len(comp.split()) == 1 and comp.isalpha() and comp.lower() not in _NOT_A_COMPLEMENT \
            and m.group("c").lower().startswith("for ")
        if (len(comp.split()) >= 2 or one_noun) and (m.start() < at or (m.start() - to < 40 and (apposed or not re.search(r"[,;]", sentence[to:m.start()])))):
            cond = _CONDITION.search(sentence)
            if cond and len(comp.split()) <= 5 and not re.search(r"\bto\s+[a-z]", comp):
                comp = f"{comp} to {_clean(_cut_after(cond.group('act')))}"
            return comp
    # 3. A demand: "demanded that Iran suspend its nuclear activities by August 31".
    for m in _DEMAND.finditer(before):
        if _NOUN_BEFORE.search(before, max(0, m.start() - 12), m.start()):
            continue  # "unless their demands are met": the noun, not the verb
        who = _clean(_cut_after(m.group("who")))
        if who and len(who.split()) >= 2:
            return who
    sought = _SOUGHT.search(before)
    if sought:
        return _clean(sought.group("what"))
    wants = None
    for wants in _WANTS_WHO.finditer(before):
        pass
    if wants is not None and not _NOUN_BEFORE.search(before, max(0, wants.start() - 12), wants.start()):
        # "The EU wants Britain to settle its bill by March": who is to act, and the act
        return _clean(_cut_after(f"{wants.group('who')} to {wants.group('act')}"))
    # "has extended voter registration until March 31": what runs on to the date
    extended = _EXTENDED_WHAT.search(before[-120:])
    if extended and not re.search(rf"\b(?:{DEADLINE_NOUN}|it|them)\b", extended.group("what"), re.IGNORECASE):
        return _clean(extended.group("what"))
    # 4. A condition: "if they did not accelerate the withdrawal ... in the next 24 hours".
    cond = None
    for cond in _CONDITION.finditer(before):
        pass
    if cond is not None and cond.end() >= len(before) - 2:
        who = cond.group("who")
        act = _clean(cond.group("act"))
        return act if who.lower() in _PRONOUNS else f"{who} {act}"
    clause = _clause_before(before)
    # 5. Otherwise the clause up to the date: "the grain deal is set to expire", "applications must be
    # submitted", with what follows it up to the next clause.
    what = re.sub(r"\s+(?:by|until|till|before|on|at|in|to|of|from|within|no\s+later\s+than|after|as\s+of|"
                  r"with\s+effect\s+from)\s*$", "", clause)
    tail = re.match(r"^[\s\u201d\"']*((?:from|of|for|to|against|with)\b[^,;.\u201c\u201d\"]*)", after[:nxt] if nxt is not None else after)
    # "within six months of the merger closing": what the span counts from, not what is due.
    counts_from = tail and tail.group(1).startswith("of") and _SPAN_END.search(sentence[at:to])
    if tail and not counts_from and not re.match(r"^\s*to\s+\w+\s+\d", tail.group(1)):
        what = f"{what} {tail.group(1)}"
    what = _clean(_cut_after(what))
    if not what:
        # "After April 8, 2014, Microsoft will no longer provide ...": what follows the date.
        what = _clean(_cut_after(re.sub(r"^[\s,]+", "", re.split(r"[.;]", after)[0])))
    return what


# What an extension runs on to a date: "has extended voter registration until".
_EXTENDED_WHAT = compile_skipping(r"\b(?:extend|extends|extended|extending|prolong(?:s|ed|ing)?|renew(?:s|ed|ing)?)\s+"
                                  r"(?P<what>(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)\s+"
                                  r"(?:to|until|till|through|into)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$", re.IGNORECASE)

# A clause joined to the one before without a subject of its own: "..., and will run until".
_SHARED_SUBJECT = compile_skipping(r"^(?:and|but)\s+(?=(?:will|would|shall|has|have|had|is|are|was|were|must|can|could|should|may|"
                                   r"might|also|then|now|still)\b)")
_SUBJECT_OF = compile_skipping(r"^((?:[\w'\u2019&$.-]+\s+){0,10}?[\w'\u2019&$.-]+)\s+(?:has|have|had|is|are|was|were|will|would|"
                               r"must|can|could|should|may|might)\b")


_DOUBT_FRAME = compile_skipping(r"^(?:it|that)\s+(?:is|was|remains|remained|seems|seemed)\s+(?:still\s+)?(?:unclear|uncertain|not\s+clear|"
                                r"doubtful|unlikely|likely|possible|far\s+from\s+certain)\s+(?:whether|if|that|how)\s+", re.IGNORECASE)
_SAYING_THAT = compile_skipping(r"^(?:saying|adding|noting|warning|stressing|insisting|explaining)\s+(?:that\s+)?", re.IGNORECASE)


# "... and elections will": "and" before a clause with its own subject; "Britain and France will" has none
_SECOND_CLAUSE = compile_skipping(r"\s+and\s+(?=(?:(?:the|a|an|its|their|his|her|all|some|most|many)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
                                  r"(?:will|would|must|shall|should|can|could|may|might|has|have|had|is|are|was|were)\b)(?!(?:will|would|"
                                  r"must|shall|should|can|could|may|might|has|have|had|is|are|was|were)\b)")
_FINITE = compile_skipping(r"\b(?:will|would|must|shall|should|can|could|may|might|has|have|had|is|are|was|were|[a-z]{3,}ed)\b")


def _clause_before(before: str) -> str:
    """The clause holding the date, up to it: after a reporting frame, a leading adverbial and
    a dateline."""
    # "The consultation, which opened in December, closes": the relative clause set off by commas
    # is an aside; the clause is its noun and what follows.
    before = _ASIDE.sub(" ", before)
    # a full stop before a small letter or a number is an abbreviation's: "the U.N. peacekeeping force"
    pieces = re.split(r"[;:\u201c\u201d\"]|,\s(?=(?:and|but|while|which|who|as|after|before|saying|adding|noting|warning|"
                      r"stressing|insisting|explaining)\b)|\.\s(?![\da-z])", before)
    clause = pieces[-1]
    second = _SECOND_CLAUSE.search(clause)
    if second and _FINITE.search(clause, 0, second.start()):
        # "The parliament has been dissolved and elections will take place within 60 days": the
        # second clause, with a subject of its own, is the date's
        clause = clause[second.end():]
    if len(pieces) > 1 and re.match(r"(?:which|who)\s", clause) and _antecedent(pieces[-2]):
        # "The tax amnesty, which was due to end on": the relative clause's noun is its subject
        clause = " ".join([_antecedent(pieces[-2])] + clause.split(None, 1)[1:])
    if len(pieces) > 1 and _SHARED_SUBJECT.match(clause):
        # "Applications have now opened, and will run until November 3": the first clause's subject
        subject = _SUBJECT_OF.match(_DATELINE.sub("", pieces[-2].strip()))
        if subject:
            clause = f"{subject.group(1)} {_SHARED_SUBJECT.sub('', clause)}"
    clause = _SAID_THAT.sub("", clause)
    clause = re.sub(r"^.*\b(?:said|says|ruled|warned|announced)\s+(?=\w)", "", clause)
    clause = _SAYING_THAT.sub("", clause)  # "..., adding that member states had until"
    clause = _DOUBT_FRAME.sub("", clause.lstrip())  # "It is unclear whether the talks can conclude"
    clause = _DATELINE.sub("", clause)
    clause = _LEADING_ADVERBIAL.sub("", clause.lstrip())
    return clause


def _clause_subject(before: str) -> str:
    """The noun phrase that opens the clause ending in `before` ("Mr Jammeh has been given ...")."""
    clause = _clause_before(before)
    clause = re.sub(r"\s+(?:has|have|had|was|were|is|are|will|would)(?:\s+be(?:en)?)?\s*$", "", clause)
    clause = re.sub(r"\s+(?:now|still|also|already|only|just)\s*$", "", clause)  # "the company now has until"
    clause = re.sub(r",?\s+and\s+(?:was|were|has|had|is)(?:\s+been)?\s*$", "", clause)
    # "The party failed to meet ...", "Lawmakers are trying to beat ...": who tries is who acts
    clause = re.sub(r"\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:failed|fail|fails|managed|manage|manages|tried|try|tries|"
                    r"trying|struggled|struggling|hoped|hopes|hoping|expected|expects|needed|needs|wants|wanted|aims|aimed|"
                    r"aiming|set|likely|unlikely|able|unable)\s+to\s*$", "", clause)
    m = re.match(r"^(.*?)\s+(?:missed|said|was|were|has|had|is|are)\b", clause)
    np = _clean(m.group(1) if m else clause)
    np = re.sub(r"\s+(?:that|who|which)$", "", np)  # "Companies that missed the first deadline now have"
    return np if len(np.split()) <= 12 else ""


# What stands between a deadline's date and its complement: "for", "to", "has been set for".
_SET_FOR_AFTER = compile_skipping(r"\s*,?\s*(?:(?:(?:has|have|had)\s+been|was|were|is)\s+(?:set|fixed|given|imposed)\s+)?(?=(?:for|to)\s)",
                                  re.IGNORECASE)


# ---- setter --------------------------------------------------------------------------------

_POSSESSOR = compile_skipping(rf"(?:\b((?:[Tt]he\s+(?:(?:of\s+the|(?!(?:the|a|an)\s)[\w.&-]+)\s+){{0,4}}|(?:[A-Z][\w.&-]*\s+){{0,5}})[\w.&-]*)(?:'s|\u2019s|')|\b(his|her|their|its))\s+(?:[\w-]+\s+){{0,2}}?"
                              rf"{DEADLINE_NOUN}\b")
# "set by the court", and a passive's agent after what was given: "has been given a 12 o'clock
# deadline on Monday (today) by his party to resign".
_AGENT = compile_skipping(r"\b(?:set|issued|imposed|fixed|given|announced|extended|ordered|demanded|declared|approved|granted|awarded|"
                          r"told|asked|urged|instructed|directed|required)"
                          r"(?:\s+(?:an?|the)\s+[^.;:,]{1,60}?\b(?:deadline|ultimatum|date|days?|hours?|weeks?|months?)"
                          r"(?:\s+(?:on|at|of|until)\s+[^.;:,]{1,30}?)?|\s+(?:until|till)\s+[^.;:,]{1,30}?|(?<=extended)\s+to\s+[^.;:,]{1,30}?)?\s+by\s+(?:(?:his|her|its|their)\s+)?"
                          r"(?!(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:more\s+)?"
                          r"(?:hours?|days?|weeks?|months?|years?)\b)"  # "extended by 30 days": how far, not by whom
                          r"(?P<who>(?:the\s+)?(?:[\w.&'\u2019-]+\s+){0,8}?[\w.&'\u2019-]+(?:\s+\([A-Za-z.]+\))?)"
                          # the agent ends where the sentence's verb begins: "A deadline set by the kidnappers was due to expire"
                          r"(?=\s+(?:for|to|on|in|as|until|till|and|which|who|was|were|is|are|has|have|had|will|would|"
                          r"expired|expires|passed|lapsed|ends|ended)\b|[,.;]|\s*$)")
_QUOTE_FRAME = compile_skipping(r"[\"\u201d]\s*,?\s*(?:(?P<who>(?:[\w.'\u2019-]+\s+){0,6}?[\w.'\u2019-]+)\s+(?:said|says|told|added|wrote)|"
                                r"(?:said|says|added)\s+(?P<who2>(?:[\w.'\u2019-]+\s+){0,6}?[\w.'\u2019-]+?)(?=[,.]|\s+(?:in|on|at)\b))")


# A speaker named before the quotation: "The minister's office tweeted on Tuesday, “The deadline ..."
_QUOTE_OPENED = compile_skipping(r"\s+(?:said|says|tweeted|wrote|stated|announced|added|posted|declared)(?:\s+(?:on|in|late|early)\s+\w+)?"
                                 r"\s*[,:]\s*[\"\u201c]")

_CALENDAR_WORDS = {m.lower() for m in lexicon.MONTHS} | {w.lower() for w in lexicon.WEEKDAYS} | {
    "today", "tomorrow", "year", "week", "month", "day", "night", "weekend"}


def _setter(text: str, sentence: str, at: int, s_start: int) -> str:
    before = sentence[:at]
    # "Nevada, with a Nov. 1 deadline, has given ...": the one whose deadline it is
    owner = _OWNER_WITH.search(before)
    if owner:
        return _name(owner.group("who"))
    # Inside a quotation: the speaker.
    quotes_before = len(re.findall(r"[\"\u201c\u201d]", before))
    if quotes_before % 2 == 1:
        q = _QUOTE_FRAME.search(sentence, at)
        if q:
            return _resolve(text, _name(q.group("who") or q.group("who2")), s_start, sentence)
        opened = None
        for opened in _QUOTE_OPENED.finditer(before):
            pass
        if opened is not None:
            who = _actor_before(before[:opened.start()])
            if who:
                return _resolve(text, who, s_start, sentence)
    agent = _AGENT.search(sentence)
    if agent:
        return _resolve(text, _name(agent.group("who")), s_start, sentence)
    owner = None
    for owner in _POSSESSOR.finditer(sentence[:min(len(sentence), at + 40)]):
        pass
    owner_name = owner and (owner.group(1) or owner.group(2))
    if owner_name:  # "before the end of Iran's second deadline": Iran's
        owner_name = re.sub(r"^(?:[Tt]he\s+)?(?:end|start|beginning|close|expiry|middle|eve)\s+of\s+", "", owner_name)
    if owner_name and owner_name.split()[-1].lower() not in _CALENDAR_WORDS:
        who = _name(owner_name)
        if who:
            return _resolve(text, who, s_start, sentence)
    # The actor of the nearest setting verb before the date, else of a reporting verb after it.
    # A passive verb's subject is who receives the order, not who gave it: "Residents were told".
    verbs = [m for m in _SETTING_VERB.finditer(before) if not _infinitive(before, m)
             and not _NOUN_BEFORE.search(before, max(0, m.start() - 12), m.start())
             and not (_NOUN_AFTER.match(before, m.end()) and m.group(1) not in _SAYING)
             and (m.group(1).endswith("ing") or not _PASSIVE_BEFORE.search(before, 0, m.start()))
             # "The deadline set for the talks": a participle after its noun, no one's act
             and not (m.group(1) in ("set", "fixed", "given") and before.startswith(" for ", m.end()))
             # "A pause on the duties, set to expire Thursday": what is due, not an act of setting
             and not (m.group(1) in ("set", "sets") and before.startswith(" to ", m.end()))
             # "Students must accept their offers by May 1": what the obliged do, not a setting
             and not _OBLIGED_BEFORE.search(before, max(0, m.start() - 24), m.start())
             # "The ceasefire, agreed last Thursday, was due to expire": a participle set off after
             # its noun tells what was done to it, not who did it
             and not (m.group(1).endswith("ed") and _ASIDE_OPENS.search(before, max(0, m.start() - 16), m.start())
                      and _ASIDE_CLOSES.match(before, m.end()))]
    for m in reversed(verbs):
        who = _actor_before(before[:m.start()])
        if who and not _SETTING_VERB.search(who) and not _DEADLINE_ITSELF.match(who):  # "the promised systems", "evacuation orders": no verb
            return _for_body(sentence, _resolve(text, who, s_start, sentence))
    for m in _SETTING_VERB.finditer(sentence, at):
        if m.group(1) in lexicon.REPORTING_VERBS or m.group(1) in _SAID_AFTER:
            inverted = _SAID_WHO.match(sentence, m.end()) \
                if m.group(1) in ("said", "says", "added") and sentence[:m.start()].rstrip().endswith(",") else None
            # "..., said a person familiar with the talks": the speaker follows the verb
            who = _name(inverted.group("who")) if inverted else _actor_before(sentence[:m.start()])
            if who:
                return _for_body(sentence, _resolve(text, who, s_start, sentence))
    # "have twelve more days to register after the Ministry of Education extended the deadline":
    # who moved or set it, told after the date
    told = _SET_AFTER.search(sentence, at)
    if told:
        return _resolve(text, _name(told.group("who")), s_start, sentence)
    source = _ACCORDING_TO.search(sentence)
    if source and not _NOT_ACTOR.match(source.group("who")):
        return _for_body(sentence, _name(source.group("who")))
    return ""


_SAID_WHO = compile_skipping(r"\s+(?P<who>(?:the\s+|an?\s+)?(?:[\w.&'\u2019-]+\s+){0,5}?[\w.&'\u2019-]+?)(?=\s*[,.;]|\s+(?:in|on|at|who|familiar|with|late|earlier)\b|\s*$)")
_SET_AFTER = compile_skipping(r"\b" + _MOVED_BY + r"\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:deadline|ultimatum|date)\b")


# A body's title before its speaker's name: "Police spokesman John Smith".
_BODY_TITLE = compile_skipping(r"^(?P<body>(?:[A-Z][\w.&'\u2019-]*\s+){0,3}?[A-Z][\w.&'\u2019-]*)\s+(?:[a-z]+\s+)?"
                               r"(?:spokes(?:man|woman|person)|press\s+(?:secretary|officer)|representative)\s+[A-Z]")
# "According to a statement from the central bank, ...": who issued what the sentence gives (not a
# source of facts: "according to the group UK in a Changing Europe").
_ACCORDING_TO = compile_skipping(r"\b[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|notice|circular|order|directive|"
                                 r"notification|letter|document|decree|release)\s+(?:from|by|issued\s+by|of)\s+)"
                                 r"(?P<who>(?:the\s+)?(?:[\w.&'\u2019-]+\s+){0,5}?[\w.&'\u2019-]+)(?=\s*[,.;]|\s+(?:on|in|which|that)\b)")
# "The JAMB's spokesman, Fabian Benjamin,": who speaks for a body names the body as the setter.
_SPOKESMAN = compile_skipping(r"(?:\b(?:(?:[Tt]he\s+(?P<body0>(?:[\w.&-]+\s+){0,3}[\w.&-]+)|(?P<body>(?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*))"
                              r"(?:'s|\u2019s)\s+|"
                              r"\b(?:a|an|the)\s+(?P<body2>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)\s+)(?:[\w-]+\s+)?"
                              r"(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary)|representative)\b|"
                              # "a spokesman for the ministry", "an official at the health department"
                              r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary)|representative|"
                              r"official|officer|source)\s+(?:for|of|at|with|in)\s+(?:the\s+)?(?P<body3>(?:[\w.&'\u2019-]+\s+){0,3}?[\w.&'\u2019-]+)"
                              r"(?=\s+(?:said|says|told|added|confirmed|announced|explained)\b|,))")


_OWN_SPOKESMAN = compile_skipping(r"^(?:its|their)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary)|"
                                  r"representative|chief|head|leader)$", re.IGNORECASE)


# The actor a sentence opens with, up to its verb: "The government hopes", "The Bank of England has".
_OPENING_ACTOR = compile_skipping(r"^((?:[Tt]he\s+)?(?:[\w.'\u2019&-]+\s+){0,5}?[\w.'\u2019&-]+)\s+"
                                  r"(?:has|have|had|is|are|was|were|will|would|[a-z]+(?:s|ed))\b")


# An obligation right before a verb: who "must accept" an offer does not set its deadline.
_OBLIGED_BEFORE = compile_skipping(r"\b(?:must|(?:has|have|had|need|needs|needed)\s+to|(?:is|are|was|were)\s+(?:required|obliged)\s+to)\s+"
                                   r"(?:(?:also|still|now|first)\s+)?$", re.IGNORECASE)
# A deadline does not set itself: "Deadline for tax returns extended to June 30" is a passive headline.
_DEADLINE_ITSELF = compile_skipping(rf"(?:the\s+)?{DEADLINE_NOUN}\b", re.IGNORECASE)
_ASIDE_OPENS = compile_skipping(r",\s+" + _ASIDE_ADVERB + "$")
# What follows a participle set off after its noun: when, where or by whom, then the closing comma
# ("agreed last Thursday,", "signed in Doha,"); a verb after a name takes an object ("stated this").
_ASIDE_CLOSES = compile_skipping(r"\s+(?:last|on|in|by|at|earlier|early|late|only|just|after|during|under|with|"
                                 r"from|since|\d)\b[^,;:]{0,40},")


def _for_body(sentence: str, who: str) -> str:
    """The body a spokesman named as the setter speaks for, where the sentence says so."""
    if who and _OWN_SPOKESMAN.match(who):
        # "The government hopes to agree a deal by Friday, its spokesman said": the government
        opening = _OPENING_ACTOR.match(_LEADING_ADVERBIAL.sub("", _DATELINE.sub("", sentence.lstrip())))
        body = _name(opening.group(1)) if opening else ""
        if body and body.lower() not in _PRONOUNS:
            return body
    titled = _BODY_TITLE.match(who or "")
    if titled:  # "Kremlin spokesman Dmitry Peskov", "White House press secretary Karine Jean-Pierre"
        return titled.group("body")
    for m in _SPOKESMAN.finditer(sentence):
        body = m.group("body0") or m.group("body") or m.group("body2") or m.group("body3")
        tail = sentence[m.end():m.end() + 60]
        if who and (who in tail or who.lower() in ("spokesman", "spokeswoman", "spokesperson") or who in m.group(0)):
            return _name(body) or who
    return who


def _infinitive(before: str, m: re.Match) -> bool:
    """"to extend", "giving": not the verb of an actor; "is inviting" is."""
    if before[max(0, m.start() - 4):m.start()].endswith("to "):
        return True
    return m.group(1).endswith("ing") and not re.search(r"\b(?:is|are|was|were|been|be)\s+$", before[max(0, m.start() - 8):m.start()])


_PARTICIPLE_ASIDE = compile_skipping(r",\s+" + _ASIDE_ADVERB + r"(?:[a-z]+ed|[a-z]+en|set|made|held|sent|struck|built|brought|won|led)\s+(?:by|in|on|at|last|earlier|this)\b[^,;]{0,60},\s*$")


def _actor_before(left: str) -> str:
    """The noun phrase that ends `left`, skipping auxiliaries, adverbs and a time adjunct."""
    aside = _RELATIVE_ASIDE.search(left)
    if aside:
        # "Gore, who has cast himself as a champion of high technology, told": the name before it
        return _name(aside.group(1))
    for _ in range(3):
        # "The CBN had, in October 2022,", "The union, in an unexpected move late Sunday night,"
        left = re.sub(r",\s*(?:in|on|at)\s+[^,]{1,60},\s*$", "", left)
        # "The measure, passed in December,", "The law, signed by the governor,": a participle's aside
        left = _PARTICIPLE_ASIDE.sub("", left)
        left = _AUX.sub("", left)
        left = _ADJUNCT_AT_END.sub("", left)
    left = left.rstrip()
    if left.endswith(","):
        # "Godwin Emefiele, the CBN governor," or "The bench, headed by Justice X,": an apposition
        # or an adjunct between commas; the name is before it.
        inner = left[:-1]
        cut = inner.rfind(",")
        if cut >= 0:
            between = inner[cut + 1:].strip()
            head = inner[:cut]
            if re.match(r"^(?:[a-z]+ed|[a-z]+ing|who|which)\b", between) or (between[:1].islower() and _name(_np_end(head))):
                left = head
            else:
                left = inner
        else:
            left = inner
    return _name(_np_end(left))


# A name followed by a relative clause set off by commas, ending where its verb follows.
_RELATIVE_ASIDE = compile_skipping(r"(?:^|[,;]\s+|\b(?:and|but)\s+)((?:[Tt]he\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:of\s+)?[A-Z][\w.'\u2019&-]*){0,5}),\s+"
                                   r"(?:who|which)\s[^;:\"\u201c\u201d]{1,200},\s*$")


def _np_end(left: str) -> str:
    if re.search(r"\b(?:and|but|then)$", left):
        # "... introduced new notes and gave a deadline": the actor is the clause's opening one.
        return _opening_np(left)
    bounds = list(_BOUNDARY.finditer(left))
    np = left[bounds[-1].end():] if bounds else left
    if bounds and bounds[-1].group(0).strip() == "and" and _name(np):
        # "The United States and its allies": a coordinated actor; reach back once more, unless what
        # "and" joins is a clause ("Hamas had said they would study it and Trump told")
        prior = list(_BOUNDARY.finditer(left[:bounds[-1].start()]))
        first = left[prior[-1].end() if prior else 0:bounds[-1].start()]
        if not has_tensed_word(first):
            np = left[prior[-1].end() if prior else 0:]
    return np


def _opening_np(sentence: str) -> str:
    """The noun phrase a sentence opens with, up to its first verb or auxiliary."""
    opening = _LEADING_ADVERBIAL.sub("", _DATELINE.sub("", sentence.lstrip()))
    m = re.match(r"^(.*?)(?:,|\s+(?:has|have|had|is|are|was|were|will|would|said|says|[a-z]+ed))\b", opening)
    return m.group(1) if m else ""


# The full stop of a sentence that ends with the name ("set by the regulator."), not of an
# abbreviation ("the U.S.", "Acme Inc."): a last word with no other stop, longer than four letters
# or in small letters.
_SENTENCE_STOP = compile_skipping(r"(?:(?<=\s)|^)([a-z][\w'\u2019&-]*|[\w'\u2019&-]{5,})\.$")


_TRAILING_ADVERB = compile_skipping(r"\s+(?:first|also|later|then|previously|initially|already|recently|now|still|again|"
                                    r"formally|officially|quickly|finally|reportedly|itself|themselves)$", re.IGNORECASE)


def _name(np: Optional[str]) -> str:
    if not np:
        return ""
    np = _DATELINE.sub("", np.strip())
    np = _LEADING_ADVERBIAL.sub("", np)
    np = _LEADING_DATE.sub("", np)
    np = " ".join(np.split()).strip(" ,;:\"'\u201c\u201d")
    np = re.sub(r"^(?:The|the)\s+", "", np)
    np = _SENTENCE_STOP.sub(r"\1", np)
    np = _TRAILING_ADVERB.sub("", np)  # "The company first announced": the company
    words = np.split()
    if not words or len(words) > 12 or _NOT_ACTOR.match(np):
        return ""
    if np.lower() in _PRONOUNS:
        return np
    if not any(_NAME_WORD.match(w) for w in words) and len(words) > 4:
        return ""
    return np


_PROPER_SUBJECT = compile_skipping(r"\b((?:[A-Z][\w'\u2019.&-]+ (?:of (?:the )?)?){0,5}[A-Z][\w'\u2019.&-]+(?: \([A-Z]+\))?)\s+"
                                   rf"(?:(?:has|had|is|was)\b|(?:on\s+\w+\s+)?(?:{_SETTING})\b)")
_NOT_A_NAME = compile_skipping(r"^(?:The|This|That|These|Those|It|He|She|They|We|But|And|In|On|" + "|".join(
    w.capitalize() for w in list(lexicon.WEEKDAYS) + list(lexicon.MONTHS)) + r")$")


def _resolve(text: str, who: str, s_start: int, sentence: str) -> str:
    """A pronoun taken back to the actor named before it: in the sentence's own reporting frame
    ("Argentina said that it would ..."), else in the story so far."""
    if who.lower() not in _PRONOUNS:
        return who
    names = [m.group(1) for m in _PROPER_SUBJECT.finditer(text, max(0, s_start - 1500), s_start + len(sentence))
             if not _NOT_A_NAME.match(m.group(1)) and m.start() < s_start + len(sentence)]
    names = [re.sub(r"^(?:The|In|On|By)\s+", "", n) for n in names]
    return names[-1] if names else ""
