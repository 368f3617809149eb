"""Time cues in a sentence, resolved against the publication date.

Stage: dates. Rules (each cue carries the precision of ``DatePrecision``):

- explicit dates: "November 27", "on 6 December", "Dec. 6, 2024" → ``day``; a date with
  no year takes the publication year, or the year before when that would put it more than
  a day after publication; "in March 2011" → ``month``; "in 2017" → ``year``;
- weekdays: "on Saturday", "Thursday night" → the latest such day on or before the
  publication date (``day``);
- relative: "today", "earlier today", "this morning", "tonight" → publication day;
  "yesterday" → the day before; "N days ago" → ``day``; "last week" → the Thursday of
  the previous Monday-to-Sunday week (``week``); "over the weekend", "last weekend" → the
  Saturday of the latest weekend before publication (``days``); "this week" → publication
  date (``week``); "over the past week", "the last few days" → the middle of the span, three
  days before publication (``week`` / ``days``); "last month" (``month``); "earlier this
  month" → the middle of the month's elapsed days (``month``);
- no publication date: only cues carrying their own year are dated; the others resolve to
  ``None``.

When a sentence has no cue, the claim takes the publication date with precision
``published`` (see :func:`date_for`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .english import MONTHS, NUMBER_WORDS, WEEKDAYS, number
from .prefilter import folded_for_words

__all__ = [
    "DateCue",
    "date_for",
    "entry_label_date",
    "find_date_cues",
    "inside_launch_phrase",
    "summary_span",
    "told_after",
]

_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS
_NUMBERS = NUMBER_WORDS
# capitalised ("Nov.", "December") or, in a timeline's labels, in capitals ("NOV 27 - ...")
_MONTH_RE = (
    r"(?P<m>"
    + "|".join(
        sorted(
            [m.capitalize() for m in _MONTHS] + [m.upper() for m in _MONTHS],
            key=len,
            reverse=True,
        )
    )
    + r")\.?"
)
_DAY_RE = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("md", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b{_YEAR_RE}")),
    ("dm", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}\b{_YEAR_RE}")),
    (
        "my",
        re.compile(
            rf"\b(?i:in|during|by|back\s+in|since)\s+(?i:early\s+|late\s+|mid-?)?{_MONTH_RE}"
            r",?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "mo",
        re.compile(
            r"\b(?i:in|by|during|until)\s+(?P<part>(?i:early|late|mid-?|the\s+middle\s+of)\s*)?"
            r"(?P<m>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\b(?!,?\s+(?:of\s+)?\d)"
            r"(?P<that>\s+of\s+(?i:that|the\s+same|the\s+following|the\s+previous)\s+year)?"
        ),
    ),
    (
        "py",
        re.compile(
            r"\b(?:in|during|by|at)\s+(?:the\s+)?(?P<part>early|late|mid-?|end\s+of|"
            r"beginning\s+of|start\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of|"
            r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\s*(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "yago",
        re.compile(
            r"\b(?P<n>\d|one|a|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<u>years?|months?)\s+ago\b",
            re.I,
        ),
    ),
    (
        "y",
        re.compile(
            r"\b(?:in|since|by|during|from\s+(?:19|20)\d\d\s+(?:to|until|till|through))\s+"
            r"(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "wd",
        re.compile(
            r"\b(?:(?i:on|last|this|late|early)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|"
            r"Friday|Saturday|Sunday)s?\b",
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?:earlier\s+today|earlier\s+in\s+the\s+day|today|this\s+(?:morning|afternoon|evening)|"
            r"tonight)\b",
            re.I,
        ),
    ),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|one|a|two|three|four|five|six|seven)\s+(?P<u>days?|weeks?|hours?)"
            r"\s+ago\b",
            re.I,
        ),
    ),
    ("lastweek", re.compile(r"\blast\s+week\b", re.I)),
    (
        "weekend",
        re.compile(
            r"\b(?:(?:over|during|at|on)\s+the\s+weekend|(?:this|last|past)\s+weekend)\b", re.I
        ),
    ),
    ("earlierweek", re.compile(r"\bearlier\s+(?:this|in\s+the)\s+week\b", re.I)),
    (
        # "over the past week", "in the last few days": a span that ends at publication
        "pastweek",
        re.compile(
            r"\b(?:(?:over|in|during|within)\s+)?(?:the\s+)?(?:past|last)\s+(?:week|few\s+days)\b",
            re.I,
        ),
    ),
    ("thisweek", re.compile(r"\bthis\s+week\b", re.I)),
    ("lastmonth", re.compile(r"\blast\s+month\b", re.I)),
    ("earliermonth", re.compile(r"\bearlier\s+(?:this|in\s+the)\s+month\b", re.I)),
    (
        "later",
        re.compile(
            r"\b(?:(?P<n>\d|a|one|two|three|four|five|six|seven)\s+days?\s+later|"
            # "reached X on Friday and entered the city the next day"
            r"the\s+(?:next|following)\s+day)\b",
            re.I,
        ),
    ),
]


_DIGIT = re.compile(r"\d")
_NEED_DIGIT = frozenset({"md", "dm", "my", "py", "y"})
# a word every match of the pattern contains (in the case-folded text)
_NEED = {
    "yago": ("ago",),
    "wd": ("day",),
    "yesterday": ("yesterday",),
    "ago": ("ago",),
    "lastweek": ("week",),
    "weekend": ("weekend",),
    "earlierweek": ("week",),
    "lastmonth": ("month",),
    "earliermonth": ("earlier", "month"),
}
# words one of which every match of the pattern contains (in the case-folded text)
_MONTH_WORDS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
_TODAY_WORDS = ("today", "earlier", "this", "tonight")
_THIS_WEEK_WORDS = ("week", "few")


@dataclass(frozen=True, slots=True)
class DateCue:
    """A time expression found in a sentence.

    ``date`` is ``None`` when the cue cannot be resolved (no publication date and no year).
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str


def _weekday_on_or_before(published: dt.date, weekday: int) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _explicit(month: int, day: int, year: str | None, published: dt.date | None) -> dt.date | None:
    if year:
        y = int(year)
    elif published is not None:
        y = published.year
    else:
        return None
    try:
        value = dt.date(y, month, day)
    except ValueError:
        return None
    if not year and published is not None and value > published + dt.timedelta(days=1):
        try:
            value = dt.date(y - 1, month, day)
        except ValueError:
            return None
    return value


_YEAR_PARTS = {
    "early": (2, 15),
    "beginning of": (1, 15),
    "start of": (1, 15),
    "first half of": (4, 1),
    "spring": (4, 15),
    "mid": (7, 1),
    "middle of": (7, 1),
    "summer": (7, 15),
    "second half of": (10, 1),
    "autumn": (10, 15),
    "fall": (10, 15),
    "late": (11, 15),
    "end of": (12, 15),
    "winter": (1, 15),
}
"""Best-estimate day of a part of a year ("in late 2016" → 15 November)."""


def _shift_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _month_part(m: re.Match[str]) -> str:
    """Return "early", "late" or "" for a month cue ("in late November")."""
    part = (m.groupdict().get("part") or "").lower()
    text = m.group(0).lower()
    if part.startswith("early") or " early " in f" {text} ":
        return "early"
    if part.startswith("late") or " late " in f" {text} ":
        return "late"
    return ""


def _month_date(year: int, month: int, part: str) -> tuple[dt.date, str]:
    """Return the best-estimate date and precision of a month, or of its early/late part.

    A month is dated at its 15th (precision ``month``). Its early or late part is a week,
    dated like "last week" in data/ANNOTATION.md at the Thursday of that Monday-Sunday
    week: the first Thursday of the month for "early November", the last for "late
    November" (2024: 7 and 28 November), precision ``week``.
    """
    if part == "early":
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7), "week"
    if part == "late":
        last = _shift_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - 3) % 7), "week"
    return dt.date(year, month, 15), "month"


def find_date_cues(
    text: str, published: dt.date | None = None, *, offset: int = 0
) -> list[DateCue]:
    """Find and resolve the time cues in ``text`` (offsets shifted by ``offset``).

    Examples
    --------
    >>> pub = dt.date(2024, 12, 7)   # a Saturday
    >>> [(c.text, c.date.isoformat(), c.precision) for c in find_date_cues(
    ...     "On Thursday rebels took Hama; on November 27 they had set off.", pub)]
    [('On Thursday', '2024-12-05', 'day'), ('November 27', '2024-11-27', 'day')]
    """
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []
    digit = _DIGIT.search(text) is not None
    low = folded_for_words(text)
    need_any = {
        "mo": _MONTH_WORDS,
        "today": _TODAY_WORDS,
        "thisweek": _THIS_WEEK_WORDS,
        "pastweek": ("past", "last"),
        "later": ("later", "next", "following"),
    }
    for kind, pattern in _PATTERNS:
        if not (digit or kind not in _NEED_DIGIT) or not all(w in low for w in _NEED.get(kind, ())):
            continue  # a necessary word or digit is missing: the pattern cannot match
        if kind in need_any and not any(w in low for w in need_any[kind]):
            continue  # none of the words one of which it needs
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            date: dt.date | None = None
            precision = "day"
            if kind in ("md", "dm"):
                day = int(m.group("d"))
                if not 1 <= day <= 31:
                    continue
                date = _explicit(_MONTHS[m.group("m").lower()], day, m.group("y"), published)
            elif kind == "my":
                date, precision = _month_date(
                    int(m.group("y")), _MONTHS[m.group("m").lower()], _month_part(m)
                )
            elif kind == "mo":
                # "in June" (no year): the publication year, or the year before when that
                # month has not begun yet; dated mid-month ("early"/"late": the first/last
                # Thursday, a week)
                precision = "month"
                if published is None:
                    date = None
                else:
                    month = _MONTHS[m.group("m").lower()]
                    year = published.year - (1 if month > published.month else 0)
                    if m.group("that"):
                        # "in April of that year": a year named before, in a narrative of
                        # the past; not this year (taken as the year before: background)
                        year = min(year, published.year - 1)
                    estimate, precision = _month_date(year, month, _month_part(m))
                    date = min(estimate, published)
            elif kind == "later":
                before = [c for c in cues if c.date is not None and c.end <= a + offset]
                if not before:
                    continue
                raw = (m.group("n") or "1").lower()
                n = int(raw) if raw.isdigit() else _NUMBERS[raw]
                # the latest dated cue before it (found by the patterns before this last one)
                anchor = max(before, key=lambda c: c.end).date
                assert anchor is not None  # filtered above
                date = anchor + dt.timedelta(days=n)
            elif kind == "py":
                # "in late 2016", "in the summer of 2018": a part of a year
                part = re.sub(r"\s+", " ", m.group("part").lower()).removeprefix("the ")
                month, day = _YEAR_PARTS.get(
                    part, _YEAR_PARTS.get(part.removesuffix(" of").strip("-"), (7, 1))
                )
                date = dt.date(int(m.group("y")), month, day)
                precision = "year"
            elif kind == "yago":
                if published is None:
                    continue
                raw = m.group("n").lower()
                n = int(raw) if raw.isdigit() else _NUMBERS[raw]
                if m.group("u").lower().startswith("year"):
                    date = _shift_months(published, -12 * n)
                    precision = "year"
                else:
                    date = _shift_months(published, -n)
                    precision = "month"
            elif kind == "y":
                date = dt.date(int(m.group("y")), 1, 1)
                precision = "year"
            elif kind == "wd":
                if published is not None:
                    date = _weekday_on_or_before(published, _WEEKDAYS[m.group("w").lower()])
            elif kind == "today":
                date = published
            elif kind == "yesterday":
                date = None if published is None else published - dt.timedelta(days=1)
            elif kind == "ago":
                # "two days ago", "a week ago", "48 hours ago" (whole days back)
                raw = m.group("n").lower()
                n = int(raw) if raw.isdigit() else _NUMBERS[raw]
                unit = m.group("u").lower()
                if unit.startswith("hour"):
                    n, precision = n // 24, "days"
                elif unit.startswith("week"):
                    n, precision = 7 * n, "week"
                date = None if published is None else published - dt.timedelta(days=n)
            elif kind == "lastweek":
                # the previous Monday-to-Sunday week, dated at its Thursday (mid-week)
                date = (
                    None
                    if published is None
                    else (published - dt.timedelta(days=published.weekday() + 7 - 3))
                )
                precision = "week"
            elif kind == "weekend" and published is not None:
                # "over the weekend": the Saturday of the latest weekend on or before
                # publication; "last weekend" said on a weekend: the one before
                date = _weekday_on_or_before(published, 5)
                if m.group(0).lower().startswith("last") and published.weekday() >= 5:
                    date -= dt.timedelta(days=7)
                precision = "days"
            elif kind == "earlierweek":
                # "earlier this week": before publication, within the week
                date = None if published is None else published - dt.timedelta(days=2)
                precision = "days"
            elif kind == "pastweek":
                # "over the past week", "the last few days": the span before publication,
                # dated at its middle (three days before)
                date = None if published is None else published - dt.timedelta(days=3)
                precision = "week" if m.group(0).lower().endswith("week") else "days"
            elif kind == "thisweek":
                date = published
                precision = "week"
            elif kind == "earliermonth":
                # "earlier this month": between the 1st and the day before publication,
                # dated at its middle
                if published is None or published.day < 3:
                    date = published
                else:
                    date = published.replace(day=published.day // 2)
                precision = "month"
            elif kind == "lastmonth":
                date = None if published is None else published - dt.timedelta(days=30)
                precision = "month"
            taken.append((a, b))
            cues.append(DateCue(a + offset, b + offset, m.group(0), date, precision))
    cues.sort(key=lambda c: c.start)
    return cues


# "an offensive last week which saw them take X": the relative clause right after the cue
# tells what happened in the dated event, so the cue reaches into it
_SAW_RELATIVE = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:saw|has\s+seen|had\s+seen|led\s+to|brought)\b"
    r"(?:(?!\b(?:which|who|when|while|after|before|since|because|although|but|and)\b)[^;:])*$",
    re.I,
)
# "had seized X after launching an offensive on Wednesday": the cue dates the launch; the
# seizure told in the pluperfect came after it and before the time of writing
_HAD_BEFORE = re.compile(r"\bhad\s+(?:already\s+|since\s+|also\s+)?$", re.I)
_AFTER_EVENT = re.compile(
    r"\b(?:after|following)\s+(?:\w+ing\b|(?:they|it|the\s+\w+)\s+(?:had\s+)?\w+ed\b)", re.I
)


_CLAUSE = re.compile(
    r"[;:]|\b(?:which|who|when|while|after|before|since|because|although|but)\b|"
    r"\band\s+(?:has|have|had|was|were|is|are)\b|"
    # "rebels who captured Hama last week are now fighting in Homs": the present tense
    # with "now" starts a time of its own
    r"\b(?:is|are|has|have)\s+(?:now|currently)\b",
    re.I,
)


_YEAR_AFTER_BREAK = re.compile(r"[,;:(]|\b(?:that|which|who|when|since|after|before)\b", re.I)


def _year_cue_usable(cue: DateCue, position: int, text: str, offset: int) -> bool:
    """Whether a year-precision cue dates the claim at ``position``.

    Before the claim: "In 2016, ...", "During 2018, ...", "In late 2016, ...". After it, in
    the same clause: "retook Daraa in 2018", "captured Afrin in early 2018" (not "since
    2018", nor "the uprising that began in 2011").
    """
    head = cue.text.lower()
    if head.startswith(("since", "by")):
        return False
    if cue.end <= position:
        if not head.startswith(("in", "during", "at")):
            return False
        if not text:
            return True
        # "Forces, which retook Daraa in 2018, withdrew on Friday": a year inside an
        # earlier clause does not date the main verb; a fronted one does ("In 2016, ...")
        lead = text[: max(0, cue.start - offset)]
        gap = text[max(0, cue.end - offset) : max(0, position - offset)]
        return "," not in gap or bool(
            re.fullmatch(r"\W*(?:(?:back|and|but|then|so)\s+)?", lead, re.I)
        )
    if not text:
        return False
    gap = text[max(0, position - offset) : cue.start - offset]
    return len(gap.split()) <= 12 and not _YEAR_AFTER_BREAK.search(gap)


# "captured X as part of its operation, launched on Dec. 1": the date after the claim
# dates the start of another event (an operation, an offensive), not the claim
# (set off by a comma or named as an operation: "The fighting began last week" dates the
# fighting itself)
_OTHER_START = re.compile(
    r"(?:,\s*(?:which\s+|that\s+)?(?:(?:was|were|had\s+been|it|they)\s+)?|"
    r"\b(?:operation|offensive|campaign|assault|attack)s?\s+(?:(?:which|that)\s+)?"
    r"(?:(?:was|were|had\s+been)\s+)?)"
    r"(?:launched|initiated|started|begun|began|kicked\s+off|announced)\s+(?:(?:on|in)\s+)?"
    # "their offensive that began over a week ago"
    r"(?:(?:over|more\s+than|nearly|almost|about|some|just|only|barely)\s+)?$",
    re.I,
)


def _dates_another_event(cue: DateCue, position: int, text: str, offset: int) -> bool:
    """Whether a cue after the claim at ``position`` dates another event, not the claim.

    The start of something else ("..., launched on Dec. 1", "an offensive launched on"),
    or the event a pluperfect claim came after ("had seized X after launching an offensive
    on Wednesday").
    """
    if not text or cue.start < position:
        return False
    at = position - offset
    start = _OTHER_START.search(text, 0, max(0, cue.start - offset))
    if start is not None and start.start() >= at:
        return True
    return bool(_HAD_BEFORE.search(text[max(0, at - 20) : at])) and (
        _AFTER_EVENT.search(text, at, cue.start - offset) is not None
    )


# "The offensive, launched from Idlib on 27 November, had brought X under its control":
# the phrase between commas dates the launch, not the claim after it
_LAUNCH_PHRASE_BEFORE = re.compile(
    # the participle is followed by an adjunct ("launched from Idlib on ..."), not by an
    # object ("X, formerly linked to Y, launched an offensive on ..." is the main verb)
    r",\s*(?:which\s+|that\s+)?(?:(?:was|were|had\s+been)\s+)?(?:launched|initiated|started|"
    r"begun|began|kicked\s+off)(?:\s+(?:from|on|in|at|by|with|against|late|early|"
    r"last|earlier|under)\b[^,;:()]*|\s*)$",
    re.I,
)


def inside_launch_phrase(cue: DateCue, position: int, text: str, offset: int) -> bool:
    """Whether a cue before the claim dates the start of something, not the claim.

    "The offensive, launched on 27 November, had brought X under its control": the
    launch's date; "Since 27 November, armed groups had taken X": the start of the span
    the events fall in (the claim is dated as the pluperfect's other claims are).
    """
    if not text or cue.end > position:
        return False
    a, b = cue.start - offset, cue.end - offset
    if _FRONTED_SINCE.match(text, 0, a) and _PLUPERFECT_BEFORE.search(
        text, max(b, position - offset - 30), position - offset
    ):
        # "Since 27 November, armed groups had taken X, Y and Z": the span's start, the
        # events after it ("Since 8 December Israel has occupied X" is the start of a state)
        return True
    return bool(_LAUNCH_PHRASE_BEFORE.search(text, 0, a)) and "," in text[b : position - offset]


_FRONTED_SINCE = re.compile(r"\W*since\s+(?:the\s+)?$", re.I)
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|already\s+)?$", re.I)


def date_for(
    cues: list[DateCue],
    position: int,
    published: dt.date | None,
    text: str = "",
    offset: int = 0,
) -> tuple[dt.date | None, str]:
    """Pick the date of a claim at character ``position`` from a sentence's cues.

    The nearest resolved cue wins (of the year-only cues only "In 2016, ..." before the
    claim counts, not "since 2018" nor "the uprising that began in 2011"); a cue *before*
    the claim does not reach across a new clause ("the offensive, which began on November
    27 and has seen them capture Aleppo" → not 27 November). With no cue, the publication date
    with precision ``published`` (or ``(None, "published")``). ``text`` is the sentence and
    ``offset`` its start in the document.
    """
    usable = [
        c
        for c in cues
        if c.date is not None
        and (c.precision != "year" or _year_cue_usable(c, position, text, offset))
        and not _dates_another_event(c, position, text, offset)
        and not (
            text
            and c.end <= position
            and _CLAUSE.search(text[c.end - offset : max(c.end - offset, position - offset)])
            and not _SAW_RELATIVE.match(
                text, c.end - offset, max(c.end - offset, position - offset)
            )
        )
    ]
    if not usable:
        return published, "published"
    best = min(usable, key=lambda c: abs((c.start + c.end) / 2 - position))
    return best.date, best.precision


_AFTER_OFFSET = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(day|week|month)s?\s+(?:after|later\s+than)\b",
    re.I,
)
_AFTER_CLAUSE_END = re.compile(r"[,;:]|\s+(?:and|but)\s+", re.I)


def after_offset(
    text: str,
    offset: int,
    position: int,
    cues: list[DateCue],
    previous: dt.date | None,
    published: dt.date | None,
) -> tuple[dt.date, str, dt.date | None] | None:
    """Date a claim told relative to another event.

    "two days after they entered it, ...", "a month after the fall of Aleppo on November 1"
    → the anchoring event's date plus the offset.

    The anchor is a date cue inside the "after" clause, else ``previous`` (the date of the
    event told before). Only a claim outside that clause is re-dated, and never beyond the
    publication date. Returns the date, its precision and the anchor found inside the
    clause (``None`` when it came from ``previous``). ``text`` is the sentence, ``offset``
    its start in the document and ``position`` the claim's cue.
    """
    low = folded_for_words(text)
    if "after" not in low and "later" not in low:
        return None  # no "after" nor "later than": nothing to search for
    m = _AFTER_OFFSET.search(text)
    if m is None:
        return None
    stop = _AFTER_CLAUSE_END.search(text, m.end())
    clause_end = stop.start() if stop else len(text)
    if m.start() <= position - offset < clause_end:
        return None  # the anchoring event itself
    inside = [
        c
        for c in cues
        if c.date and c.precision in ("day", "days") and m.end() <= c.start - offset < clause_end
    ]
    anchor = inside[0].date if inside else previous
    if anchor is None:
        return None
    word, unit = m.group(1).lower(), m.group(2).lower()
    n = int(word) if word.isdigit() else _NUMBERS[word]
    if unit == "month":
        month = anchor.month - 1 + n
        year, month = anchor.year + month // 12, month % 12 + 1
        day = min(anchor.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        date, precision = dt.date(year, month, day), "week"
    else:
        date = anchor + dt.timedelta(days=n * (7 if unit == "week" else 1))
        precision = "day" if unit == "day" else "week"
    if published is not None and date > published + dt.timedelta(days=1):
        return None
    return date, precision, inside[0].date if inside else None


# a sentence that opens by dating itself by the event told before: "The same day, ...",
# "That night", "On the same day", "The next day", "By then"
_TOLD_AFTER = re.compile(
    r"\W*(?:(?:in|on|at)\s+)?(?:(?:the|that)\s+(?:very\s+)?(?:same\s+)?"
    r"(?:day|night|evening|morning|afternoon)|(?P<next>the\s+(?:next|following)\s+day|"
    r"a\s+day\s+later)|(?P<by>by\s+then|by\s+that\s+(?:time|day|point)))\s*,",
    re.I,
)


def told_after(
    text: str, previous: dt.date | None, published: dt.date | None
) -> tuple[dt.date, str] | None:
    """Date a sentence that opens by pointing at the event told just before it.

    "The same day, ...", "That night, ..." → ``previous`` (the date of the event the
    sentence before told), ``day``; "The next day, ..." → the day after; "By then, ..." →
    ``previous``, ``days`` (on or before). Never later than the publication date (then the
    publication date, ``published``). ``None`` when the sentence opens otherwise or there
    is no ``previous``.

    >>> told_after("The same day, the army left Sweida.", dt.date(2024, 12, 5), None)
    (datetime.date(2024, 12, 5), 'day')
    """
    told = _TOLD_AFTER.match(text) if previous is not None else None
    if told is None or previous is None:
        return None
    if told.group("next"):
        date, precision = previous + dt.timedelta(days=1), "day"
    else:
        date, precision = previous, "days" if told.group("by") else "day"
    if published is not None and date > published:
        return published, "published"
    return date, precision


# a timeline entry's label opening its paragraph: "DEC. 6 - ", "NOV 27: ", "8 December - "
_ENTRY_LABEL = re.compile(
    r"\W*(?P<label>(?:[A-Z]{3,9}|[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?|"
    r"\d{1,2}\s+[A-Z][A-Za-z]{2,8}\.?)\s*[-\u2013\u2014:]\s"
)


def entry_label_date(text: str, published: dt.date | None) -> tuple[bool, dt.date | None]:
    """Return whether a text opens with a timeline entry's label, and the label's date.

    "DEC. 6 - Rebels seize X" opens an entry dated 6 December; the date is ``None`` when
    the label names none.

    >>> entry_label_date("DEC. 6 - Rebels seize Rastan.", dt.date(2024, 12, 14))
    (True, datetime.date(2024, 12, 6))
    >>> entry_label_date("Dec 12 (Wire) - Rebels took Hama.", dt.date(2024, 12, 14))
    (False, None)
    """
    opened = _ENTRY_LABEL.match(text)
    if opened is None:
        return False, None
    cues = [c for c in find_date_cues(opened.group("label"), published) if c.date]
    return True, cues[0].date if cues else None


# "over the preceding ten days", "in less than two weeks", "within a week", "in the past few
# days": the claims of the sentence summarise a span, not one day
_SPAN_CUE = re.compile(
    r"\b(?:(?:over|during|in|within)\s+(?:the\s+)?(?:preceding|past|last|previous|following)"
    r"\s+(?P<n1>\w+\s+)?(?:few\s+)?(?P<u1>days|weeks?)|"
    r"(?:in|within)\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+|under\s+)?(?P<n2>a|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?P<u2>days|weeks?)|"
    r"in\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+)?(?:a|one)\s+(?P<u3>week))\b",
    re.I,
)


def summary_span(text: str) -> tuple[str, int] | None:
    """Return the span cue of a sentence that summarises several days, and its length.

    A count the cue does not give ("the past few days") is three days.

    Examples
    --------
    >>> summary_span("Over the preceding ten days, the militants had captured A, B and C.")
    ('Over the preceding ten days', 10)
    >>> summary_span("Rebels took Hama on Thursday.") is None
    True
    """
    m = _SPAN_CUE.search(text)
    if m is None:
        return None
    unit = (m.group("u1") or m.group("u2") or m.group("u3") or "days").lower()
    count = number(m.group("n1") or m.group("n2") or "") or 3
    return m.group(0), count * (7 if unit.startswith("week") else 1)
