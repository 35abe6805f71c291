"""Normalisation tables: the words of time expressions and what they mean.

Kept as plain data so that a new month abbreviation or number word is one line here, and the
rule families in `rules/` build their patterns from these tables.
"""

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

# Weekdays written out in full are weekdays in lower case too ("see you friday"); their short
# forms ("sat", "wed", "sun") are other words.
FULL_WEEKDAYS = frozenset(w for w in WEEKDAYS if w.endswith("day"))

NUMBER_WORDS = {
    "a": 1, "an": 1, "another": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "last": -1, "final": -1,
}

# Duration units: the TimeML letter and whether it sits after the T (time units).
UNITS = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W2", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
    "weekend": ("WE", False),
}

# Adverbs of recurrence and the TimeML period of each: "daily" is a SET of P1D.
SET_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M", "hourly": "PT1H",
}

# Decades written out, by the year they start in the century: "the nineties".
DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}

# Verbs that report speech: they date the saying, not always what is said.
# Events a story counts down to, named by their day: "ahead of the March 9 election".
COMING_EVENT_NOUNS = tuple("""election elections vote votes voting poll polls referendum ballot primary caucus caucuses
summit hearing trial sentencing verdict talks meeting meetings session launch opening inauguration swearing-in
deadline ultimatum conference congress convention budget auction
rally rallies march protest protests strike walkout demonstration match game race final debate parade ceremony
funeral festival concert visit speech""".split())

REPORTING_VERBS = ("said", "says", "told", "added", "announced", "reported")

# Verbs of saying and thinking after which "that" opens what was said ("warned that winter brings",
# "repeated that the port authority must ..."), not a demonstrative.
THAT_CLAUSE_VERBS = tuple("""said says say told tells announced announce announces added reported ruled decided warned
warns informed reminded notified assured advised repeated reiterated insisted insists stressed confirmed noted argued
argues claimed declared agreed promised explained stated estimated predicted suggested knew know knows thought think
thinks believed believe believes hoped hope hopes feared fear fears expected expects realised realized learned learnt
felt feel feels stipulates stipulated stipulate mandates mandated specifies specified provides provided requires
required dictates dictated decrees decreed""".split())

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# How messages and posts spell the days next to today.
INFORMAL_DAYS = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tmoz": "tomorrow", "tomoz": "tomorrow",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tonite": "tonight", "2nite": "tonight",
    "2day": "today", "yday": "yesterday", "ystrdy": "yesterday",
}

# Parts of the day and the TimeML code for them.
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT", "nite": "NI",
}

# "early March" and "the end of February" modify the whole period they name.
PERIOD_MODIFIERS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "beginning of": "START",
    "start of": "START", "the first half of": "START", "earlier": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "middle of": "MID",
    "late": "END", "the end of": "END", "end of": "END", "end-": "END", "the close of": "END", "later": "END",
    "early in": "START", "late in": "END", "earlier in": "START", "later in": "END",
    "the second half of": "END", "the last half of": "END", "the latter half of": "END",
    "the latter part of": "END", "the last part of": "END",
    # as an adjective: "the end-of-March deadline", "a start-of-year review"
    "end-of": "END", "start-of": "START", "beginning-of": "START", "middle-of": "MID",
}

# Quantity hedges on durations and dates.
QUANTITY_MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "fewer than": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
}

# Vague references that TimeML writes as PRESENT_REF / PAST_REF / FUTURE_REF.
VAGUE_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "present": "PRESENT_REF",
    "current": "PRESENT_REF", "today's": "PRESENT_REF", "immediately": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "earlier": "PAST_REF", "once": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "shortly": "FUTURE_REF",
    "eventually": "FUTURE_REF", "later": "FUTURE_REF", "someday": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
}

# Holidays fixed to a day of a month.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "independence day": (7, 4), "bastille day": (7, 14),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "labour day": (5, 1), "all saints' day": (11, 1),
    "epiphany": (1, 6), "remembrance day": (11, 11), "canada day": (7, 1),
    "juneteenth": (6, 19), "anzac day": (4, 25), "australia day": (1, 26), "republic day": (1, 26),
    "earth day": (4, 22), "may day": (5, 1),
    "bonfire night": (11, 5), "guy fawkes night": (11, 5), "st. george's day": (4, 23),
    "st george's day": (4, 23), "st patrick's day": (3, 17), "st. andrew's day": (11, 30),
    "st andrew's day": (11, 30), "st. david's day": (3, 1), "st david's day": (3, 1), "burns night": (1, 25),
    "hogmanay": (12, 31), "april fools' day": (4, 1), "world aids day": (12, 1), "gandhi jayanti": (10, 2),
}

# Holidays computed each year: (month, weekday 1-7, nth occurrence, -1 for the last).
NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving day": (11, 4, 4), "thanksgiving": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "presidents day": (2, 1, 3), "columbus day": (10, 1, 2), "mother's day": (5, 7, 2),
    "father's day": (6, 7, 3), "election day": (11, 2, 1),
}
# Days counted from one of those: the day after Thanksgiving, and the Monday after it.
DAYS_AFTER_HOLIDAY = {"black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4)}

# Festivals of the Hindu and Sikh calendars, by the name the `holidays` library gives them in its
# calendar of India (which holds the years 2001-2035).
INDIAN_FESTIVALS = {
    "diwali": "Diwali", "deepavali": "Diwali", "holi": "Holi", "dussehra": "Dussehra", "dasara": "Dussehra",
    "vijayadashami": "Dussehra", "janmashtami": "Janmashtami", "ram navami": "Ram Navami",
    "maha shivaratri": "Maha Shivaratri", "mahashivratri": "Maha Shivaratri", "buddha purnima": "Buddha Purnima",
    "guru nanak jayanti": "Guru Nanak's Birthday", "gurpurab": "Guru Nanak's Birthday",
}

# Days named for what happened on them, written as their date without a year: "in the wake of 9/11".
NAMED_DAYS = {"9/11": (2001, 9, 11), "7/7": (2005, 7, 7), "26/11": (2008, 11, 26)}

# Holidays set by Easter: days after Easter Sunday.
EASTER_HOLIDAYS = {
    "easter sunday": 0, "easter": 0, "good friday": -2, "easter monday": 1, "ash wednesday": -46,
    "palm sunday": -7, "pentecost": 49, "ascension day": 39, "maundy thursday": -3,
}

# Holidays of a lunar or lunisolar calendar: name -> (calendar, month, day, days it lasts; 0 for
# the whole month). Hijri months 1-12 (Umm al-Qura); Hebrew months counted from Nisan, as the
# convertdate library counts them (Tishri is 7); the Chinese calendar's first month.
# The Eids are kept as holidays of three and four days ("the three-day Eid al-Fitr holiday").
_EID_FITR = ("hijri", 10, 1, 3)
_EID_ADHA = ("hijri", 12, 10, 4)
LUNAR_HOLIDAYS = {
    **{f"eid{sep}{art}{sep2}fitr": _EID_FITR for sep in (" ", "-") for art in ("al", "ul", "el") for sep2 in (" ", "-")},
    **{f"eid{sep}{art}{sep2}{n}": _EID_ADHA for sep in (" ", "-") for art in ("al", "ul", "el") for sep2 in (" ", "-")
       for n in ("adha", "azha")},
    "ramadan": ("hijri", 9, 1, 0), "ramazan": ("hijri", 9, 1, 0), "ramzan": ("hijri", 9, 1, 0),
    "ashura": ("hijri", 1, 10, 1),
    "passover": ("hebrew", 1, 15, 8), "pesach": ("hebrew", 1, 15, 8),
    "rosh hashanah": ("hebrew", 7, 1, 2), "rosh hashana": ("hebrew", 7, 1, 2),
    "yom kippur": ("hebrew", 7, 10, 1), "sukkot": ("hebrew", 7, 15, 7), "shavuot": ("hebrew", 3, 6, 2),
    "hanukkah": ("hebrew", 9, 25, 8), "chanukah": ("hebrew", 9, 25, 8),
    "lunar new year": ("chinese", 1, 1, 1), "chinese new year": ("chinese", 1, 1, 1),
}
# "Eid" alone is whichever of the two Eids the tense points to.
EID = {"eid": (_EID_FITR, _EID_ADHA)}

# Every holiday name, of whichever kind.
HOLIDAY_NAMES = (*FIXED_HOLIDAYS, *NTH_WEEKDAY_HOLIDAYS, *DAYS_AFTER_HOLIDAY, *INDIAN_FESTIVALS, *EASTER_HOLIDAYS,
                 *LUNAR_HOLIDAYS, *EID)
