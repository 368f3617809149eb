"""The clause layer: who acts in which clause, and when, relative to the main clause.

Stage: between sentences and relations. Hand-written shallow syntax, no model:

- :func:`split_clauses` cuts a sentence into clauses. A clause is opened by a temporal
  subordinator ("after", "two days after", "since", "before", "following", "when"), a
  relative pronoun (", which", ", who", ", where"), a participle after a comma (",
  capturing ...", "having seized ..."), an inference word (", meaning", "suggesting", "which
  means"), a speech verb ("said that ...": reported speech) or an apposition (", the
  largest town in the area,"). Everything else is the main clause.
- Each clause knows its **time relative to the main clause**: ``earlier`` ("after taking
  X", "since seizing X", "following the capture of X", "having taken X", a pluperfect
  "which they had taken"), ``later`` ("before ...", "until ..."), or ``same``; and an
  offset in days when the text gives one ("a day after taking X" → one day earlier).
- A clause opened by "before"/"until"/"once" whose verb is not in the past ("a matter of
  time before they take the town") tells of something that has not happened
  (``irrealis``); an inference clause ("meaning they have entered X") is the writer's
  conclusion, not a report.
- :func:`agent_phrases` rewrites the actor mentions of a sentence where a phrase names a
  side by its relation to another actor: "Assad's opponents", "forces opposed to the
  government", "the army's foes" (the opposite side), "forces loyal to Assad" (that
  actor's side), "fighters backed by Turkey" (the SNA; the patron itself is nobody's
  subject).
- :func:`subjects_for` keeps, of the actors before a cue, those of the cue's own clause, or
  when it has none (a participial or "after ..." clause without a subject), those of the
  main clause: "HTS, fighting government troops, captured X" is HTS's capture.

``Clause.reported`` marks reported speech ("X said that ...", "according to ...") for the
stance stage.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .actor_mentions import ActorMention, actor_side
from .dates import DateCue
from .english import MONTHS, NUMBER_WORDS, WEEKDAYS, number
from .prefilter import contains_any, folded_for_words

__all__ = [
    "Clause",
    "agent_phrases",
    "clause_at",
    "clause_date",
    "fronted_subject",
    "inherits_modality",
    "is_object",
    "modal_before",
    "own_cues",
    "own_subject",
    "split_clauses",
    "subjectless",
    "subjects_for",
]

_NUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# "two days after", "hours before", "shortly after", "since", "following"
_TEMPORAL = re.compile(
    # "had since been seen", "has since withdrawn": "since" after an auxiliary is an adverb
    r"\b(?P<w>after|before|(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bever\s)since|until|till|"
    r"(?<!the\s)following|once(?!\s+(?:again|more))|"
    r"when|while|as\s+soon\s+as|"
    # "as the opposition makes progress", "as rebels close in": "as" before a subject
    r"(?<!such\s)(?<!well\s)as(?=\s+(?:the|its|their|his|her|rebels?|troops|forces|"
    r"fighters|government|opposition|they|he|she|it)\b))\b",
    re.I,
)
# what may stand before the subordinator: a distance ("two days", "hours") or an adverb
_TEMPORAL_LEAD = re.compile(
    r"(?:\b(?P<n>\d{1,2}|" + _NUM + r"|several|a\s+few|few)\s+(?P<u>hours?|days?|weeks?|months?)"
    r"|\b(?:shortly|soon|just|only|hours|days|weeks|moments|minutes|the\s+day|a\s+day|"
    r"the\s+week|a\s+week|the\s+morning|the\s+night))\s+$",
    re.I,
)
# words without which a family of openers cannot match (a cheap gate before the patterns)
_WORD_RE = re.compile(r"[a-z]+")
_TEMPORAL_WORDS = ("after", "before", "since", "until", "till", "following", "once", "when",
                   "while", "as")  # fmt: skip
_RELATIVE_WORDS = ("which", "who", "whom", "where", "that")
_INFERENCE_WORDS = ("meaning", "means", "mean", "suggesting", "implying", "indicating",
                    "signalling", "signaling", "sign")  # fmt: skip
_SPEECH_WORDS = ("said", "says", "say", "claimed", "claims", "announced", "announces",
                 "stated", "states", "declared", "reported", "reports", "added", "confirmed",
                 "insisted", "told")  # fmt: skip
_FORMERLY_WORDS = ("previously", "formerly", "once")
_CLEFT_THAT = re.compile(r"\s+that\s+(?=(?:the|rebels?|government|opposition|[A-Z]))")
_RELATIVE = re.compile(
    r"(?:,\s*|\s)(?P<w>which|who|whom|where|that(?=\s+(?:had|has|have|was|were|is|are)\s))\b",
    re.I,
)
_PARTICIPLE = re.compile(
    r"\b(?P<h>having\s+(?:been\s+)?[a-z]+|by\s+[a-z]+ing)\b|,\s*(?:\w+ly\s+)?(?P<w>"
    r"(?!including\b|according\b|during\b|regarding\b|bring\b|meaning\b|suggesting\b|"
    r"implying\b|indicating\b|signall?ing\b|thing\b|evening\b|morning\b|"
    r"nothing\b|something\b|anything\b|king\b|spring\b|beijing\b)[a-z]+ing)\b",
    re.I,
)
_INFERENCE = re.compile(
    r"(?:,\s*|\s)(?P<w>meaning|which\s+means|which\s+would\s+mean|(?<!by\s)means(?!\s+of\b)|"
    r"suggesting|implying|"
    r"indicating|signalling|signaling|in\s+a\s+sign)\b(?:\s+that)?",
    re.I,
)
_SPEECH = re.compile(
    r"\b(?P<w>said|says|say|claimed|claims|announced|announces|stated|states|declared|"
    r"reported|reports|added|confirmed|insisted|told\s+[\w\s'-]{1,40}?)"
    r"(?:\s+(?:on\s+\w+|earlier|later|also|previously|again|yesterday|today|late\s+on\s+\w+))?"
    r"(?:\s+that\b|(?=\s*[\u201c\"])|(?=\s+(?:they|it|we|he|she)\s))",
    re.I,
)
# ", the largest town in the area," after a name (not "Meanwhile, the SDF launched ...,")
_APPOSITION = re.compile(r",\s*(?:the|a|an)\s+(?P<w>[^,;:()]{1,60}?),", re.I)
_LAST_WORD = re.compile(r"(\S+)\s*$")
_FINITE_VERB = re.compile(r"\b(?:have|has|had|is|are|was|were|will|would)\b", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whose|where)\b", re.I)
# ", previously under the control of X", ", formerly held by X": an earlier state
_FORMERLY = re.compile(r",\s*(?P<w>previously|formerly|once)\b(?!\s+(?:again|more))", re.I)
_SEMICOLON = re.compile(r"[;\u2014]|\s-\s")
_COMMA = re.compile(r",")
_EARLIER = re.compile(
    r"\bearlier\s+in\s+the\s+(?:offensive|campaign|fighting|war|assault|advance|week)\b|"
    r"\bpreviously\b",
    re.I,
)
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:already\s+|earlier\s+|just\s+|previously\s+|also\s+|since\s+|been\s+)*$", re.I
)
# a verb in the past: "before they took X" happened; "before they take X" has not
_PAST_VERB = re.compile(
    r"(?:ed|took|taken|fell|fallen|overran|overrun|retook|retaken|won|held|left|withdrew|"
    r"withdrawn|swept|broke|drove|came|got|lost|had|was|were|seen|ran|began|begun|fled|sent|"
    r"went|gone|made)$",
    re.I,
)
# a main clause in the past before "before the capture of X" ("had abandoned", "withdrew")
_MAIN_PAST = re.compile(
    r"\b(?:had\s+(?:\w+\s+)?\w+|(?:withdrew|left|fled|abandoned|retreated|pulled|evacuated|"
    r"vacated|took|seized|captured|entered|reached|fought|was|were))\b(?![^,;]*\b(?:matter|time|"
    r"until|will|would|could|may|might|expected|likely)\b)",
    re.I,
)
_NOMINAL_DONE = re.compile(
    r"the\s+(?:fall|loss|collapse)\s+of\b|the\s+(?:capture|seizure|takeover|liberation)\s+of\s+"
    r"[^,;]*?\bby\b",
    re.I,
)
_PRESENT_AFTER_PRONOUN = re.compile(
    r"\b(?:they|he|she|it|we|rebels|forces|troops|fighters|the\s+\w+)\s+(?:can\s+|could\s+)?"
    r"(?P<v>[a-z]+)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence (document offsets).

    ``kind``: ``main``, ``temporal``, ``relative``, ``participial``, ``inference``,
    ``reported`` or ``appositive``. ``time``: ``same``, ``earlier`` or ``later`` than the
    main clause; ``offset_days`` when the text gives the distance ("two days after").
    """

    start: int
    end: int
    kind: str
    opener: str = ""
    time: str = "same"
    offset_days: int | None = None
    irrealis: bool = False
    reported: bool = False

    @property
    def subordinate(self) -> bool:
        """Whether the clause is not the main clause."""
        return self.kind != "main"


def _clause_end(text: str, start: int, end: int, *, comma: bool) -> int:
    """Return where a clause opened at ``start`` ends: a semicolon or dash (or comma)."""
    stops = [end]
    # every match of _SEMICOLON holds one of these marks: cheap finds first
    marked = any(text.find(mark, start, end) >= 0 for mark in (";", "\u2014", "-"))
    m = _SEMICOLON.search(text, start, end) if marked else None
    if m:
        stops.append(m.start())
    if comma:
        m = _COMMA.search(text, start, end)
        if m:
            stops.append(m.start())
    return min(stops)


# the distance read for "several days after" / "a few days after" ("days after": one less)
_FEW_DAYS = 3


def _temporal_clause(text: str, m: re.Match[str], start: int, end: int) -> Clause:
    word = re.sub(r"\s+", " ", m.group("w").lower())
    offset: int | None = None
    lead = _TEMPORAL_LEAD.search(text, max(start, m.start() - 30), m.start())
    if lead is not None and lead.group("n"):
        n = number(re.sub(r"\s+", " ", lead.group("n")))
        unit = lead.group("u").lower()
        if n is not None and unit.startswith("day"):
            offset = n
        elif n is not None and unit.startswith("week"):
            offset = 7 * n
        elif n is None and unit.startswith("day"):
            offset = _FEW_DAYS  # "several days after", "a few days after": at least that
    elif lead is not None and re.match(r"days\s", lead.group(0), re.I):
        offset = _FEW_DAYS - 1  # "days after taking X": two days at least
    if word in ("after", "since", "following"):
        time = "earlier"
    elif word in ("before", "until", "till", "once"):
        time = "later"
    else:
        time = "same"
    stop = _clause_end(text, m.end(), end, comma=True)
    if word == "since":
        # "the first time since the war began in 2011 that the regime has lost X": a cleft
        cleft = _CLEFT_THAT.search(text, m.end(), stop)
        if cleft is not None:
            stop = cleft.start()
    irrealis = False
    if time == "later" or word == "once":
        body = text[m.end() : stop]
        verb = _PRESENT_AFTER_PRONOUN.match(body.lstrip())
        if verb is not None and not _PAST_VERB.search(verb.group("v")):
            v = verb.group("v").lower()
            irrealis = not v.endswith("ing") and v not in ("had", "has", "have")
            if (
                v == "of"
                and _MAIN_PAST.search(text, start, m.start())
                and _NOMINAL_DONE.match(body.lstrip())
            ):
                # "troops withdrew before the capture of X by rebels", "before the fall of
                # X": a noun, no verb; after a main clause in the past it tells what
                # happened next (a capture needs its agent: the main subject may be the loser)
                irrealis = False
    begin = lead.start() if lead is not None else m.start()
    return Clause(begin, stop, "temporal", word, time, offset, irrealis)


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Split the sentence ``text[start:end]`` into clauses (document offsets, in order).

    Subordinate clauses do not nest: a clause opened inside another one ends the earlier
    one. The gaps between subordinate clauses are main-clause segments.

    Examples
    --------
    >>> s = "Rebels pushed on toward Hama a day after taking Saraqib from the army."
    >>> [(c.kind, c.time, c.offset_days, s[c.start:c.end]) for c in split_clauses(s, 0, len(s))]
    [('main', 'same', None, 'Rebels pushed on toward Hama '), \
('temporal', 'earlier', 1, 'a day after taking Saraqib from the army.')]
    """
    openers: list[Clause] = []
    low = text[start:end].lower()
    words = set(_WORD_RE.findall(low))

    def has(*names: str) -> bool:
        return not words.isdisjoint(names)

    for m in _TEMPORAL.finditer(text, start, end) if has(*_TEMPORAL_WORDS) else ():
        openers.append(_temporal_clause(text, m, start, end))
    for m in _RELATIVE.finditer(text, start, end) if has(*_RELATIVE_WORDS) else ():
        stop = _clause_end(text, m.end(), end, comma=m.group(0).startswith(","))
        openers.append(Clause(m.start(), stop, "relative", m.group("w").lower()))
    for m in _PARTICIPLE.finditer(text, start, end) if "ing" in low else ():
        word = (m.group("h") or m.group("w")).lower()
        stop = _clause_end(text, m.end(), end, comma=True)
        time = "earlier" if word.startswith("having") else "same"
        openers.append(Clause(m.start(), stop, "participial", word, time))
    for m in _INFERENCE.finditer(text, start, end) if has(*_INFERENCE_WORDS) else ():
        stop = _clause_end(text, m.end(), end, comma=True)
        openers.append(Clause(m.start(), stop, "inference", m.group("w").lower()))
    for m in _SPEECH.finditer(text, start, end) if has(*_SPEECH_WORDS) else ():
        stop = _clause_end(text, m.end(), end, comma=False)
        openers.append(Clause(m.start(), stop, "reported", m.group("w").lower(), reported=True))
    for m in _APPOSITION.finditer(text, start, end) if ", " in low else ():
        # after a name that is not the sentence's first word ("Douma, the largest town
        # in X,"; not "Meanwhile, the SDF launched an offensive,")
        last = _LAST_WORD.search(text, start, m.start())
        if (
            last is None
            or not last.group(1)[:1].isupper()
            or not text[start : last.start()].strip()
            # "On Sunday, the SNA said ...": a fronted date, no name in apposition
            or last.group(1).lower().strip(".") in WEEKDAYS
            or last.group(1).lower().strip(".") in MONTHS
            # "Since seizing X, the rebels have also moved into Y, ...": a main clause with
            # its verb between two commas, no noun in apposition
            or (_FINITE_VERB.search(m.group("w")) and not _RELATIVE_WORD.search(m.group("w")))
        ):
            continue
        openers.append(Clause(m.start(), m.end() - 1, "appositive", m.group("w").lower()))
    for m in _FORMERLY.finditer(text, start, end) if has(*_FORMERLY_WORDS) else ():
        stop = _clause_end(text, m.end(), end, comma=True)
        openers.append(Clause(m.start(), stop, "appositive", m.group("w").lower(), "earlier"))
    openers.sort(key=lambda c: (c.start, -c.end))
    out: list[Clause] = []
    pos = start
    for clause in openers:
        if clause.start < pos:
            if out and out[-1].subordinate and clause.start >= out[-1].start:
                # a clause inside another one ends it ("after they took X, which ...")
                if clause.start > out[-1].start and clause.end > clause.start:
                    out[-1] = replace(out[-1], end=clause.start)
                else:
                    continue
            else:
                continue
        elif clause.start > pos:
            out.append(Clause(pos, clause.start, "main"))
        out.append(clause)
        pos = clause.end
    if pos < end:
        out.append(Clause(pos, end, "main"))
    out = [c for c in out if c.end > c.start]
    # "earlier in the offensive", "previously": the clause tells of an earlier time
    folded = folded_for_words(text[start:end])
    may_be_earlier = "earlier" in folded or "previously" in folded
    for i, c in enumerate(out):
        earlier = (
            _EARLIER.search(text, c.start, c.end) if c.time == "same" and may_be_earlier else None
        )
        if earlier is not None:
            out[i] = replace(c, time="earlier", opener=earlier.group(0).lower())
    return out


def clause_at(clauses: Sequence[Clause], position: int) -> Clause | None:
    """Return the clause that contains ``position`` (``None`` outside the sentence)."""
    starts = [c.start for c in clauses]
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and clauses[i].start <= position < clauses[i].end:
        return clauses[i]
    return None


_MODAL_AFTER = re.compile(
    r"[^,;.]{0,80}?\b(?:would|will|could|might|may|should)\s+(?:be|mean|open|give|cut|deal|"
    r"leave|allow|put|mark|spell|represent|change|transform|shift|alter|end|trigger|spark|"
    r"make|force|threaten|isolate|sever|bring|hand|deprive|expose|signal)\b",
    re.I,
)


def hypothetical(text: str, clause: Clause | None, cue_start: int, cue_end: int) -> bool:
    """Whether a cue is the subject of a modal verb ("Losing Homs would be a blow").

    The cue opens its clause as a gerund ("Losing X") or a noun ("The fall of X", "Its
    capture") and a modal verb follows in the clause: a hypothesis, no report.
    """
    if clause is None:
        return False
    head = text[clause.start : cue_start].strip(" ,\"'\u201c\u2018").lower()
    first = text[cue_start:cue_end].split()[0].lower()
    gerund = first.endswith("ing") and head in ("", "but", "and")
    noun = (
        head in ("", "but", "and", "the", "its", "their", "a", "an")
        # "A rebel takeover of Homs would ...", "Rebel control of X would ...": a noun
        # phrase with the holder as a modifier (no verb among its words)
        or _NOUN_HEAD.fullmatch(head) is not None
    ) and not (first.endswith(("ed", "ing")) or first in _FINITE)
    if not (gerund or noun):
        return False
    return _MODAL_AFTER.match(text, cue_end, clause.end) is not None


_NOUN_HEAD = re.compile(
    # "Analysts said rebel control of X would ...": the noun phrase opens the reported clause
    r"(?:(?:[\w'\u2019-]+\s+){1,3}(?:said|say|says|believe|believes|believed|argue|argues|"
    r"argued|warned|warn|warns|think|thinks|thought)\s+(?:that\s+)?)?"
    r"(?:(?:but|and)\s+)?(?:(?:a|an|the|any|its|their)\s+)?"
    r"(?:(?:eventual|possible|potential|full|complete|rebel|opposition|insurgent|jihadist|"
    r"kurdish|turkish|israeli|government|regime|army|hts|sdf|sna|islamist)\s*){1,2}"
    # "Analysts say the loss of X would ...": the noun phrase right after a reporting verb
    r"|(?:[\w'\u2019-]+\s+){1,3}(?:said|say|says|believe|believes|believed|argue|argues|"
    r"argued|warned|warn|warns|think|thinks|thought)(?:\s+that)?(?:\s+(?:a|an|the|its|their))?"
)
# verb forms that make a clause-initial cue a verb, not a noun subject
_FINITE = frozenset(
    "took take takes fell falls seized seizes captured captures entered enters withdrew "
    "withdraws left leaves lost loses holds held controls retook overran".split()
)


def pluperfect(text: str, cue_start: int, floor: int) -> bool:
    """Whether the cue at ``cue_start`` is a pluperfect verb ("had already taken")."""
    return _PLUPERFECT.search(text, max(floor, cue_start - 40), cue_start) is not None


def subjects_for(
    clauses: Sequence[Clause],
    cue_start: int,
    actors: Sequence[ActorMention],
    text: str = "",
) -> list[ActorMention]:
    """Return the actors before a cue that can be its subject, by clause.

    The actors of the cue's own clause; when the clause names none before the cue (a
    participle, "a day after taking X", "who took X"), those of the main clause and of the
    clauses that enclose it, but never an actor inside another subordinate clause ("HTS,
    fighting government troops, captured X").
    """
    own = clause_at(clauses, cue_start)
    before = [a for a in actors if a.end <= cue_start]
    if own is None:
        return before
    mine = [a for a in before if a.start >= own.start]
    if own.subordinate and text and _subjectless(text, own):
        # "..., clashing with regime forces and capturing X", "by seizing X": a participle
        # has no subject of its own; the main clause's subject acts
        main = main_subject(clauses, before, text)
        return [main] if main is not None else []
    if mine and own.subordinate:
        return mine
    if own.kind == "temporal" and text:
        if _PRONOUN.search(text, own.start, cue_start):
            return before  # "as they move closer to X": a pronoun for an earlier actor
        # "after Turkiye-backed forces seized X": the clause has a subject the actor
        # lexicon does not know; the main clause's actors did not do it
        return []
    if own.kind == "relative":
        # "the rebels who had entered them": the antecedent right before the pronoun
        antecedent = [a for a in before if 0 <= own.start - a.end <= 2]
        if antecedent:
            return antecedent
    # the main clause: its own segments only, no actor of another subordinate clause
    return [a for a in before if not _in_subordinate(clauses, a.start)]


_PRONOUN = re.compile(r"\b(?:they|he|she|it|we)\b", re.I)
_GERUND_START = re.compile(
    r"\s*(?:,\s*)?(?:(?:\w+ly|later|then|soon|again|eventually|finally)\s+)?[a-z]+(?:ing|ed|en)\b",
    re.I,
)
# an actor right after one of these is an object, not a subject ("a setback to the regime")
_OBJECT_PREPOSITION = re.compile(
    r"\b(?:to|against|with|from|on|at|into|toward|towards|by|for|between)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:that|which|who|and|as|while)\b)[\w'\u2019-]+\s+){0,4}$",
    re.I,
)


_MODAL = re.compile(r"\b(?:could|would|will|might|may|should|shall|can)\b", re.I)


def inherits_modality(text: str, sentence_start: int, clause: Clause | None) -> bool:
    """Whether a subjectless clause hangs on a main clause with a modal verb.

    "The opposition could push on to Homs, cutting off Damascus": the participle is as
    hypothetical as its main clause.
    """
    if clause is None or clause.kind != "participial" or clause.time == "earlier":
        return False  # "after losing Hama", "having taken X": told as past events
    return _MODAL.search(text, sentence_start, clause.start) is not None


def modal_before(text: str, clause: Clause | None, cue_start: int) -> bool:
    """Whether a modal verb precedes a cue in its clause ("would open the way to an attack").

    A modal that only says the reporter could not check a claim ("AFP could not verify the
    claim that rebels took X") leaves the claim as reported: the cue is ``unverified``.
    """
    if clause is None:
        return False
    return any(
        not _CHECK_AFTER_MODAL.match(text, m.end(), cue_start)
        for m in _MODAL.finditer(text, clause.start, cue_start)
    )


# "could not (independently) verify", "cannot confirm": the modal of a verification cue
_CHECK_AFTER_MODAL = re.compile(
    r"(?:\s*n['\u2019]t|\s+not)\s+(?:yet\s+|immediately\s+|independently\s+|officially\s+)*"
    r"(?:verify|confirm|corroborate)\b|not\s+(?:yet\s+)?(?:independently\s+)?(?:verify|confirm)\b",
    re.I,
)


# "declared intentions to advance toward X", "vowed to take X", "preparing to storm X": an
# aim, no event ("yet to comment on whether it pulled back from X", a question, is no cue at
# all: rules._QUESTION)
_INTENT_BEFORE = re.compile(
    r"\b(?:intentions?|intends?|intended|intending|plans?|planned|planning|vow(?:s|ed|ing)?|"
    r"pledg(?:es|ed|ing)|aims?|aimed|aiming|prepar(?:es|ed|ing)|"
    r"(?:is|are|was|were)\s+(?:ready|set|determined))\s+to\s+"
    r"(?:(?:\w+ly|also|then|further|eventually)\s+)?$",
    re.I,
)
# "advancing through the plain, threatening to overrun X", "poised to take X": close to X,
# not in it (data/ANNOTATION.md: ``advancing``)
_THREAT_BEFORE = re.compile(
    r"\b(?:threat(?:en|ens|ened|ening)|(?:is|are|was|were|now)\s+poised)\s+to\s+$", re.I
)


def unrealised_before(text: str, floor: int, cue_start: int) -> bool:
    """Whether a cue is only an aim, not a reported event.

    "The rebels vowed to take X", "declared intentions to advance toward X". (An indirect
    question, "has yet to comment on whether it has pulled back from X", never becomes a
    cue: :func:`~syriamap.extract.rules.find_triggers` drops it.)
    """
    head = text[max(floor, cue_start - 100) : cue_start]
    return bool(_INTENT_BEFORE.search(head))


def threatened_before(text: str, floor: int, cue_start: int) -> bool:
    """Whether a cue is threatened, not done ("threatening to overrun X": only near X)."""
    return _THREAT_BEFORE.search(text, max(floor, cue_start - 40), cue_start) is not None


_SIMULTANEOUS = frozenset({"as", "while", "when", "whereas"})


def own_subject(text: str, clause: Clause | None) -> bool:
    """Whether a clause of simultaneity has a subject of its own ("as the army withdrew")."""
    return (
        clause is not None
        and clause.kind == "temporal"
        and clause.opener in _SIMULTANEOUS
        and not _subjectless(text, clause)
    )


def subjectless(text: str, clause: Clause | None) -> bool:
    """Whether a clause has no subject of its own (a participle, "after taking X")."""
    return clause is not None and _subjectless(text, clause)


def _subjectless(text: str, clause: Clause) -> bool:
    """Whether a clause has no subject of its own (a participle, "after taking X")."""
    if clause.kind == "participial":
        return True
    if clause.kind != "temporal":
        return False
    # "after taking X", "since seizing X", "once captured": the opener, then a participle
    at = text[clause.start : clause.end].lower().find(clause.opener)
    if at < 0:
        return False
    after = clause.start + at + len(clause.opener)
    return _GERUND_START.match(text, after, clause.end) is not None


def is_object(text: str, actor: ActorMention, floor: int = 0) -> bool:
    """Whether an actor is the object of a preposition ("a blow to the regime")."""
    return _OBJECT_PREPOSITION.search(text, max(floor, actor.start - 50), actor.start) is not None


def main_subject(
    clauses: Sequence[Clause], actors: Sequence[ActorMention], text: str = ""
) -> ActorMention | None:
    """Return the main clause's subject: its first actor that is no object of a preposition."""
    for a in actors:
        if _in_subordinate(clauses, a.start):
            continue
        if text and is_object(text, a):
            continue
        return a
    return None


def _in_subordinate(clauses: Sequence[Clause], position: int) -> bool:
    # reported speech is a complement, not a subordinate adjunct: its subject ("the sources
    # confirmed that the SDF, who ..., vacated X") is the subject of what follows
    clause = clause_at(clauses, position)
    return clause is not None and clause.subordinate and clause.kind != "reported"


def fronted_subject(
    clauses: Sequence[Clause], cue_start: int, actors: Sequence[ActorMention]
) -> ActorMention | None:
    """Return the main clause's subject for a fronted clause without one of its own.

    "Since seizing Aleppo, rebels have pushed south", "Having taken X, the army ...": the
    first actor right after the subordinate clause, which opens the sentence.
    """
    own = clause_at(clauses, cue_start)
    if own is None or own.kind not in ("temporal", "participial") or own is not clauses[0]:
        return None
    if any(own.start <= a.start < cue_start for a in actors):
        return None
    after = [a for a in actors if a.start >= own.end]
    if not after or not clauses[1:] or clauses[1].kind != "main":
        return None
    return after[0] if after[0].start < clauses[1].end else None


# ---- agent phrases ------------------------------------------------------------------

_OPPOSITE = {"government": "opposition", "opposition": "government"}
_FOES = r"(?:opponents|foes|enemies|adversaries|rivals)"
_POSSESSIVE_FOES = re.compile(
    r"\s*['\u2019]s?\s+(?:(?:armed|main|many|various|rebel|sworn|long-time|longtime)\s+)?"
    + _FOES
    + r"\b",
    re.I,
)
_FOES_OF = re.compile(r"\b" + _FOES + r"\s+of\s+(?:the\s+)?$", re.I)
_GENERIC = (
    r"(?:forces|fighters|troops|groups|factions|militias|militiamen|units|gunmen|rebels|"
    r"insurgents|soldiers|brigades|men|militants)"
)
_OPPOSED_TO = re.compile(
    r"\b(?P<head>" + _GENERIC + r"\s+)?(?:opposed\s+to|opposing|fighting\s+against|hostile\s+to)\s+"
    r"(?:the\s+)?(?:rule\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_LOYAL_TO = re.compile(
    r"\b(?P<head>" + _GENERIC + r"\s+)?(?:loyal\s+to|allied\s+(?:with|to)|aligned\s+with|"
    r"affiliated\s+with)\s+(?:the\s+)?(?:president\s+)?$",
    re.I,
)
_BACKED_BY = re.compile(
    r"\b(?P<head>" + _GENERIC + r")?\s*,?\s*(?:(?:which\s+are|who\s+are|that\s+are)\s+)?"
    r"(?:backed|supported|armed|funded|sponsored|trained)\s+by\s+(?:the\s+)?"
    # "backed by the US and the Zionist regime": a second patron after a named first
    r"(?P<second>(?-i:[A-Z])[\w.'\u2019-]*\s+(?:(?-i:[A-Z])[\w.'\u2019-]*\s+){0,2}(?:and|or)\s+"
    r"(?:the\s+)?)?$",
    re.I,
)
_PHRASE_WORDS = ("oppon", "foe", "enem", "advers", "rival", "opposed", "opposing", "hostile",
                 "against", "loyal", "allied", "aligned", "affiliated", "backed", "supported",
                 "armed", "funded", "sponsored", "trained", "anti-", "(", "'s",
                 "\u2019s")  # fmt: skip
# a word every match of _FOES_OF, _OPPOSED_TO, _LOYAL_TO, _BACKED_BY has (case-folded)
_FOE_WORDS = ("opponents", "foes", "enemies", "adversaries", "rivals")
_OPPOSED_WORDS = ("opposed", "opposing", "against", "hostile")
_LOYAL_WORDS = ("loyal", "allied", "aligned", "affiliated")
_BACKED_WORDS = ("backed", "supported", "armed", "funded", "sponsored", "trained")
_GLOSS = re.compile(r"\s*\(\s*")
_ANTI_HEAD = re.compile(r"['\u2019]?\s+" + _GENERIC.replace("(?:", "(?:groups['\u2019]?|", 1), re.I)
_PATRON_CLIENT = {"turkey": "sna", "russia": "government", "iran": "government"}
# "Türkiye-backed forces", "Ankara-backed armed factions": the SNA
_PATRON_BACKED = re.compile(
    r"\b(?:Turkish|Turkey|Turkiye|T\u00fcrkiye|Ankara)-(?:backed|supported)\s+"
    r"(?:(?:armed|Syrian|opposition|rebel|allied)\s+)*" + _GENERIC + r"\b",
    re.I,
)
_PRESIDENTS_TROOPS = re.compile(
    r"\bthe\s+(?:syrian\s+)?(?:president|regime|government)['\u2019]s\s+"
    r"(?:troops|forces|army|soldiers|loyalists|units)\b",
    re.I,
)


def agent_phrases(
    text: str, actors: Sequence[ActorMention], start: int = 0, end: int | None = None
) -> list[ActorMention]:
    """Rewrite actor mentions where a phrase names a side through another actor.

    ``actors`` are the mentions of ``text[start:end]`` (a sentence of the document).

    Examples
    --------
    >>> from syriamap.extract.actor_mentions import find_actor_mentions
    >>> s = "Assad's opponents took Hama while forces loyal to the regime fled."
    >>> [(m.text, m.actor) for m in agent_phrases(s, find_actor_mentions(s))]
    [("Assad's opponents", 'opposition'), ('forces loyal to the regime', 'government')]
    """
    stop_at = len(text) if end is None else end
    low = text[start:stop_at].lower()
    if not contains_any(low, _PHRASE_WORDS):
        return list(actors)  # no phrase that could name a side through another actor
    out: list[ActorMention] = []
    opposed: tuple[int, str] | None = None  # (end, side of its object) of the last "opposing X"
    for a in actors:
        if not a.actor:
            out.append(a)
            continue
        if (
            opposed is not None
            and out
            and out[-1].end == opposed[0]
            and actor_side(a.actor) == opposed[1]
            and _POSSESSIVE_GAP.fullmatch(text, out[-1].end, a.start)
        ):
            # "groups opposing Bashar al-Assad's regime": the regime is part of the object
            head = out.pop()
            out.append(_merged(text, head.start, a.end, head.actor))
            opposed = (a.end, opposed[1])
            continue
        if out and out[-1].actor and _GLOSS.fullmatch(text, out[-1].end, a.start):
            if text[a.end : a.end + 1] == ")":
                continue  # "the Israeli Defense Forces (military)": a gloss of the actor before
        if text[max(start, a.start - 5) : a.start].lower() == "anti-":
            opposite_side = _OPPOSITE.get(actor_side(a.actor))
            if opposite_side:
                noun = _ANTI_HEAD.match(text, a.end)
                stop = noun.end() if noun else a.end
                out.append(_merged(text, a.start - 5, stop, opposite_side))
            continue  # "anti-regime groups", "anti-Assad fighters": the other side
        foe = _POSSESSIVE_FOES.match(text, a.end)
        opposite = _OPPOSITE.get(actor_side(a.actor))
        window = text[max(start, a.start - 60) : a.start]
        wlow = folded_for_words(window)  # each pattern below needs one of its words in it
        if foe is not None:
            # "Assad's opponents", "the army's foes"
            if opposite:
                out.append(_merged(text, a.start, foe.end(), opposite))
            continue
        m = (_FOES_OF.search(window) if any(w in wlow for w in _FOE_WORDS) else None) or (
            _OPPOSED_TO.search(window) if any(w in wlow for w in _OPPOSED_WORDS) else None
        )
        if m is not None:
            # "opponents of the regime", "forces opposed to the government"
            if opposite:
                at = a.start - len(window) + m.start()
                out = _drop_inside(out, at)
                out.append(_merged(text, at, a.end, opposite))
                opposed = (a.end, actor_side(a.actor))
            continue
        m = _LOYAL_TO.search(window) if any(w in wlow for w in _LOYAL_WORDS) else None
        if m is not None and m.group("head"):
            at = a.start - len(window) + m.start()
            out = _drop_inside(out, at)
            out.append(_merged(text, at, a.end, a.actor))
            continue
        m = _BACKED_BY.search(window) if any(w in wlow for w in _BACKED_WORDS) else None
        if m is not None and m.group("second") and a.side not in ("foreign", "israel"):
            m = None  # "rebels backed by Turkey and the SDF clashed": the SDF fights, no patron
        if m is not None:
            # "fighters backed by Turkey": the patron is nobody's subject; a generic head
            # takes the patron's client, a named head keeps its own actor
            at = a.start - len(window) + m.start()
            if (
                out
                and out[-1].actor
                and out[-1].end <= at + 2
                and not text[out[-1].end : at].strip(" ,")
            ):
                head = out.pop()
                out.append(_merged(text, head.start, a.end, head.actor))
            elif m.group("head") and a.actor in _PATRON_CLIENT:
                out.append(_merged(text, at, a.end, _PATRON_CLIENT[a.actor]))
            continue
        out.append(a)
    span = folded_for_words(text[start:stop_at])
    backed = "-backed" in span or "-supported" in span  # every _PATRON_BACKED match has one
    for m in _PATRON_BACKED.finditer(text, start, stop_at) if backed else ():
        if not any(a.start < m.end() and m.start() < a.end for a in out if a.actor):
            out = [a for a in out if not (m.start() <= a.start and a.end <= m.end())]
            out.append(_merged(text, m.start(), m.end(), "sna"))
    owned = "'s" in span or "\u2019s" in span  # every _PRESIDENTS_TROOPS match has one
    for m in _PRESIDENTS_TROOPS.finditer(text, start, stop_at) if owned else ():
        if not any(a.start < m.end() and m.start() < a.end for a in out):
            out.append(_merged(text, m.start(), m.end(), "government"))
    out.sort(key=lambda a: a.start)
    return out


_POSSESSIVE_GAP = re.compile(r"['\u2019]s?\s+")


def _merged(text: str, start: int, end: int, actor: str) -> ActorMention:
    return ActorMention(start, end, text[start:end], actor, actor_side(actor))


def _drop_inside(out: list[ActorMention], at: int) -> list[ActorMention]:
    """Drop mentions that a phrase starting at ``at`` swallows ("rebels opposed to ...")."""
    return [a for a in out if a.end <= at]


# ---- time ---------------------------------------------------------------------------


_COORDINATE_BREAK = re.compile(
    r"[;:]|\b(?:which|who|when|while|after|before|since|because|although|but)\b|"
    r"\band\s+(?:has|have|had|was|were|is|are)\b",
    re.I,
)


def _main_cue(
    clauses: Sequence[Clause], cues: Sequence[DateCue], position: int, text: str
) -> DateCue | None:
    """Return the main-clause cue before ``position`` that only subordinate clauses cut off."""
    for cue in reversed([c for c in cues if c.date and c.end <= position]):
        home = clause_at(clauses, cue.start)
        if home is not None and home.subordinate:
            continue
        gap = "".join(
            text[i] for i in range(cue.end, position) if not _in_subordinate_kind(clauses, i)
        )
        if _COORDINATE_BREAK.search(gap):
            return None
        return cue
    return None


def _anchor_after(clauses: Sequence[Clause], clause: Clause, cue: DateCue) -> bool:
    """Whether a cue dates an "after ..." clause that follows an earlier-time clause.

    "they had seized X after launching an offensive on Wednesday": the seizure came after
    Wednesday, so the cue is no upper bound of it.
    """
    home = clause_at(clauses, cue.start)
    return (
        home is not None
        and home is not clause
        and home.start >= clause.end
        and home.kind == "temporal"
        and home.opener.lower() in ("after", "following")
    )


def _in_subordinate_kind(clauses: Sequence[Clause], position: int) -> bool:
    clause = clause_at(clauses, position)
    return clause is not None and clause.kind in _DATING_KINDS


_AT_THE_SAME_TIME = frozenset({"as", "when", "while", "as soon as", "just as"})
_DATING_KINDS = frozenset({"temporal", "relative", "participial", "appositive", "inference"})


def own_cues(
    clause: Clause | None, clauses: Sequence[Clause], cues: Sequence[DateCue]
) -> list[DateCue]:
    """Return the date cues a claim of ``clause`` may take.

    A cue inside another subordinate clause dates that clause's event, not this one:
    "Rebels held X, which they had taken last week" (the holding is not last week's).
    Reported speech is no such clause ("..., state media reported on Friday"). A relative
    clause right after the cue takes it ("since they launched an offensive last week
    which saw them take X": the offensive and the capture are last week's).
    """
    if not clauses:
        return list(cues)
    out = []
    # a main clause with no date cue of its own may take its "as" / "when" clause's
    undated_main = (
        clause is not None
        and clause.kind == "main"
        and not any(clause.start <= c.start < clause.end for c in cues)
    )
    for cue in cues:
        home = clause_at(clauses, cue.start)
        if (
            undated_main
            and home is not None
            and home.kind == "temporal"
            and home.time == "same"
            and home.opener in _AT_THE_SAME_TIME
        ):
            # "Rebels took Palmyra as government troops left on 6 December": a main
            # clause with no date of its own happens when its "as" / "when" clause does
            out.append(cue)
            continue
        if home is not None and home is not clause and home.kind in _DATING_KINDS:
            if clause is None or not (clause.start <= cue.start < clause.end):
                if not (
                    clause is not None
                    and clause.kind == "relative"
                    and home.end == clause.start
                    and 0 <= clause.start - cue.end <= 2
                ):
                    continue
        out.append(cue)
    return out


def clause_date(
    clause: Clause | None,
    cues: Sequence[DateCue],
    date: dt.date | None,
    precision: str,
    *,
    clauses: Sequence[Clause] = (),
    position: int | None = None,
    text: str = "",
) -> tuple[dt.date, str, str] | None:
    """Date a claim of an earlier clause that has no date cue of its own.

    ``date`` and ``precision`` are what the claim would otherwise take; the reference is
    the main clause's date cue nearest the clause (else ``date``). "a day after taking X"
    → one day before it; "since seizing X", "after capturing X", "had taken X" → an
    unknown number of days before, with precision ``days`` and a note.
    With no distance given, the date is the day before publication when the reference is
    the publication date, else the main clause's date itself (an upper bound: the text
    does not say how much earlier). Returns ``(date, precision, note)``, or ``None`` when
    the clause is not earlier or has a date cue of its own.
    """
    if (
        clause is not None
        and not clause.subordinate
        and precision == "published"
        and position is not None
        and text
    ):
        # "On December 5, after intense fighting, the opposition took X": the main
        # clause's cue, across a subordinate clause only
        main = _main_cue(clauses, cues, position, text)
        if main is not None and main.date is not None:
            return main.date, main.precision, ""
    if clause is None or any(c.date and clause.start <= c.start < clause.end for c in cues):
        return None
    if clause.time == "same" and clause.kind == "temporal" and precision == "published":
        # "On Sunday, they entered X, while the army withdrew": the same day as the main
        # clause, whose cue a clause break hid
        outside = [c for c in cues if c.date and c.end <= clause.start]
        if outside and outside[-1].date is not None:
            return outside[-1].date, outside[-1].precision, ""
        return None
    if clause.time != "earlier":
        return None
    reference, ref_precision = date, precision
    outside = [
        c
        for c in cues
        if c.date
        and not clause.start <= c.start < clause.end
        and not _anchor_after(clauses, clause, c)
        # "said it had captured X, which had been held by Y since 2016": the start of a
        # state told after the clause dates no event of it
        and not (c.start >= clause.end and c.text.lower().startswith("since"))
    ]
    if not outside and any(_anchor_after(clauses, clause, c) for c in cues if c.date):
        # "had seized X after launching an offensive on Wednesday": later than that day,
        # before the time of writing (no other cue: the publication date bounds it)
        return None
    if outside and clause.subordinate:
        main = min(outside, key=lambda c: abs(c.start - clause.start))
        reference, ref_precision = main.date, main.precision
    if reference is None:
        return None
    if clause.offset_days is not None:
        return (
            reference - dt.timedelta(days=clause.offset_days),
            "day" if ref_precision == "day" else "days",
            f"{clause.offset_days} day(s) before the main clause ('{clause.opener}')",
        )
    if ref_precision == "published":
        # told in retrospect at the time of writing: before publication
        return (
            reference - dt.timedelta(days=1),
            "days",
            f"earlier than the main clause ('{clause.opener}'); the day before publication",
        )
    # the main clause's date bounds it: on or before that day (never dated earlier
    # than the text says, "after Damascus fell" may be the same day)
    return (
        reference,
        "days",
        f"earlier than the main clause ('{clause.opener}'); on or before this date",
    )
