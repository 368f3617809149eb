"""The extraction pipeline: article → candidate assertions.

``document → sentences → actor and place mentions → resolution in context → relations →
stance and claimant → dates → stance across sentences → (collective statements, distance
checks)``, one module a
stage. :func:`extract` returns :class:`~syriamap.assertions.Assertion` objects;
:func:`analyse` returns everything (candidates whose date is unknown included, mentions,
distance checks and warnings) for the command line and the evaluation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .._types import DateLike, parse_optional_date
from ..assertions import PARTIAL_AREA_NOTE
from ..errors import TooComplexError
from .actor_mentions import (
    ActorMention,
    actor_side,
    find_actor_mentions,
    is_bare_army,
    names_foreign_force,
    resolve_bare_army,
    resolve_former_latter,
    resolve_neutral_fighters,
    speaker_actor_mentions,
)
from .agents import _PLURAL_HEAD, _choose_actor
from .attribution import attribute_across_sentences, recent_speaker
from .clauses import agent_phrases, clause_date, own_cues, split_clauses
from .collective import collapse_claims, collapse_cue, collective_claims
from .context import find_descriptors, resolve_mentions
from .dates import (
    after_offset,
    date_for,
    entry_label_date,
    find_date_cues,
    inside_launch_phrase,
    summary_span,
    told_after,
)
from .distances import DistanceCheck, find_distance_checks
from .document import Document, ExtractWarning, document_from_text
from .english import QUOTE_MARKS
from .lists import (
    CONTINUED_FACTOR,
    anaphor_fits,
    continued_places,
    continues_claims,
    named_list,
    opens_list,
    plural_object,
)
from .mentions import PlaceMention, _overlaps, find_place_mentions
from .relations import OWNER_OF_BASE, Claim, ends_hold, foreign_holder, match_claims
from .rules import HOLDING
from .sentences import Sentence, blank_controls, split_sentences
from .speakers import anaphor, head_noun
from .stance import (
    back_reference,
    claimant_of,
    claimant_side,
    find_claimant,
    find_stance_cues,
    opens_with_new_speaker,
    refers_back,
    stance_at,
    unnamed_claimant,
)

__all__ = [
    "CSV_COLUMNS",
    "MAX_SECONDS",
    "MAX_WORK",
    "Analysis",
    "Candidate",
    "analyse",
    "extract",
    "extract_document",
    "work_units",
]

MAX_WORK = 20_000_000
"""The per-document budget of the extractor, in work units (:func:`work_units`).

Every stage is linear in the length of the text, except within one sentence, where each
place mention is weighed against the other mentions and the actors named there, looking
at the words between them. A sentence's work is its length plus (place mentions) x (place
mentions + actor mentions) x (its length in hundreds of characters); a document's work is
the sum over its sentences. A dense 8 MB news text costs about 8 million units and takes
about 17 CPU seconds; at the budget, a pathological sentence (thousands of actors and verbs
around a few places) takes about 30. A document over the budget (say, one "sentence"
listing a thousand places) raises
:class:`~syriamap.errors.TooComplexError` before the costly stages run.
"""

MAX_SECONDS = 120.0
"""A second budget, in CPU seconds of the extracting thread: the sentence loop stops with
:class:`~syriamap.errors.TooComplexError` once a document has used this much (a dense 8 MB
text takes about 17). It guards against any stage that turns out slower than the work
units say; the work units decide first, deterministically.

Either way, ``ingest`` treats a document over budget like any other bad file."""

CLOCK_EVERY = 8
"""The sentence loop reads the CPU clock (:data:`MAX_SECONDS`) every this many sentences."""

CSV_COLUMNS = (
    "source_id",
    "place_id",
    "place_name",
    "actor",
    "side",
    "relation",
    "stance",
    "claimant",
    "event_date",
    "quote",
    "start",
    "end",
    "method",
    "confidence",
)
"""Columns of ``syriamap extract --format csv``, in order."""

_SIDE_ACTOR = {
    "opposition": "opposition",
    "government": "government",
    "sdf": "sdf",
    "isis": "isis",
    "israel": "israel",
}
_OWN_CUE = re.compile(r"\s*(?:city\s+|town\s+|province\s+)?(?:(?:on|in)\s+)?")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# cues that describe a place as held ("rebel-held X", ", a Kurdish-held town", "X, held by
# Y,", "a town held for years by Y", "Russia's Hmeimim airbase"): the page's own words,
# unless quoted
_DESCRIBING_RULES = frozenset({"held_adjective", "held_apposition", *OWNER_OF_BASE})
_PARTICIPLE_HELD = re.compile(r"(?:held|controlled|run|defended|occupied)\b", re.I)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|now|still)\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
_REPORTS_THE_FALL = re.compile(
    r"\b(?:announc|declar|claim|confirm|report|denied|denies|deny)\w*\s+$",
    re.I,
)


def _page_description(text: str, floor: int, claim: Claim) -> bool:
    """Whether a claim's cue is the page describing a place as held, outside quotes.

    An adjective ("the rebel-held city of X"), an apposition (", a Kurdish-held town"), a
    participle right after the place or its noun ("a town held for years by Y", "X, long
    defended by Y") or a relative clause ("X, which is held by Y"); not a main clause ("X
    is held by Y, the monitor said").
    """
    trig = claim.trigger
    if len(QUOTE_MARKS.findall(text, floor, trig.start)) % 2 == 1:
        return False  # inside a quotation: the speaker's words
    if trig.rule.rule in _DESCRIBING_RULES:
        return True
    if trig.rule.rule == "fall_nominal":
        # "advisers left before the fall of Damascus, a source said": the fall is
        # presupposed, the page's own ("analysts say the fall of X was planned" too);
        # "announced the fall of X" reports the fall itself
        return not _REPORTS_THE_FALL.search(text, max(floor, trig.start - 40), trig.start)
    if trig.rule.rule != "held_by":
        return False
    if claim.clause is not None and claim.clause.kind in ("relative", "appositive"):
        return True
    if not _PARTICIPLE_HELD.match(text, trig.start):
        return False  # "is held by", "remains under": a predicate, the clause's own claim
    return not _AUXILIARY_BEFORE.search(text, max(floor, trig.start - 30), trig.start)


# the positive half of a denial: "denied withdrawing from X, saying its forces were present
# in all its neighbourhoods / remained in full control": the speaker's side holds X
_DENIAL_POSITIVE = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:saying|adding|insisting|stressing|asserting|affirming|and said|"
    r"and added|and insisted|and stressed)\s+(?:that\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:were|are|was|is|remain|remains|remained|still|had|have|has)\s+(?:still\s+|been\s+|"
    r"fully\s+|firmly\s+|now\s+)*(?:present|deployed|stationed|in\s+(?:full\s+|firm\s+|"
    r"complete\s+|total\s+)?control|in\s+their\s+positions|in\s+position|in\s+place)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate assertion; ``event_date`` may be ``None`` (no publication date)."""

    source_id: str
    place_id: str
    place_name: str
    actor: str
    side: str
    relation: str
    stance: str
    claimant: str
    claimant_side: str
    event_date: dt.date | None
    date_precision: str
    place_precision: str
    quote: str
    start: int
    end: int
    method: str
    confidence: float
    note: str = ""

    def to_row(self) -> dict[str, Any]:
        """Return the candidate as a dict (dates as ISO text, ``""`` when unknown)."""
        row = {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]
        row["event_date"] = self.event_date.isoformat() if self.event_date else ""
        return row

    def to_assertion(self) -> Any:
        """Return the :class:`~syriamap.assertions.Assertion` (needs an event date)."""
        from ..assertions import Assertion, DatePrecision, PlacePrecision, Relation, Stance

        if self.event_date is None:
            raise ValueError("a candidate without an event date is not an assertion")
        return Assertion(
            source_id=self.source_id,
            place_id=self.place_id,
            place_name=self.place_name,
            actor=self.actor,
            relation=_member(Relation, self.relation),
            stance=_member(Stance, self.stance),
            claimant=self.claimant,
            claimant_side=self.claimant_side,
            event_date=self.event_date,
            date_precision=_member(DatePrecision, self.date_precision),
            place_precision=_member(PlacePrecision, self.place_precision),
            quote=self.quote,
            start=self.start,
            end=self.end,
            method=self.method,
            confidence=self.confidence,
            note=self.note,
        )


_MEMBERS: dict[tuple[type, str], Any] = {}


def _member(cls: Any, value: str) -> Any:
    """Return ``cls(value)`` for a vocabulary enum, remembered (an enum call is slow)."""
    key = (cls, value)
    member = _MEMBERS.get(key)
    if member is None:
        member = cls(value)  # a value outside the vocabulary raises, as before
        _MEMBERS[key] = member
    return member


@dataclass
class Analysis:
    """Everything the pipeline found in one document."""

    document: Document
    source_id: str
    published: dt.date | None
    sentences: list[Sentence]
    mentions: list[PlaceMention]
    candidates: list[Candidate]
    checks: list[DistanceCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def assertions(self) -> list[Any]:
        """Return the dated candidates as :class:`~syriamap.assertions.Assertion` objects."""
        return [c.to_assertion() for c in self.candidates if c.event_date is not None]


def _speaker_of(text: str, span: tuple[int, int] | None, side: str) -> tuple[str, str] | None:
    if span is None:
        return None
    for m in speaker_actor_mentions(text[span[0] : span[1]], offset=span[0]):
        return m.actor, m.text
    actor = _SIDE_ACTOR.get(side)
    return (actor, text[span[0] : span[1]]) if actor else None


# a claimant that is only a pronoun or "the group" / "the statement": who, the sentence
# before says
_PRONOUN_SPEAKER = re.compile(
    r"\s*(?:it|he|she|they|the\s+(?:group|militia|movement|statement|command|ministry))\s*",
    re.I,
)
_MAX_QUOTE_LOOKAHEAD = 12  # sentences a quotation may run over (linear cost)


def _closing_speaker(
    text: str,
    sentences: list[Sentence],
    index: int,
    people: dict[str, tuple[str, str]],
) -> tuple[str, str] | None:
    """Return the actor of the speaker who closes a quotation opened at sentence ``index``.

    The quotation closes in a later sentence of the same paragraph ("... collapsing,” rebel
    commander X said"); the attribution after the closing mark names the speaker, whose
    side gives "our forces" of the opening sentences. ``None`` when it does not close
    there, or closes with no speaker of a known side.
    """
    opened = sentences[index]
    if re.search(r"[\u201d\"]", opened.text[1:]):
        return None  # closes in its own sentence
    for t in sentences[index + 1 : index + 1 + _MAX_QUOTE_LOOKAHEAD]:
        if t.paragraph != opened.paragraph or t.text[:1] in ("\u201c", '"'):
            return None
        close = re.search(r"[\u201d\"]", t.text)
        if close is None:
            continue
        cue = next(
            (
                c
                for c in find_stance_cues(t.text, offset=t.start)
                if c.stance == "attributed" and c.start >= t.start + close.end()
            ),
            None,
        )
        if cue is None:
            return None
        span = find_claimant(t.text, cue, offset=t.start)
        if span is None:
            return None
        c_side, c_actor = _side_of(text[span[0] : span[1]], people)
        return _speaker_of(text, span, c_side) or c_actor
    return None


def analyse(
    document: Document,
    *,
    published: DateLike | None = None,
    source_id: str | None = None,
    gazetteer: Any = None,
) -> Analysis:
    """Run the whole pipeline over a :class:`Document`.

    ``published`` and ``source_id`` default to the document's metadata.
    """
    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    # every stage reads control and bidi characters as spaces; quotes are cut verbatim
    verbatim = document.text
    text = blank_controls(verbatim)
    pub = parse_optional_date(
        published if published is not None else document.meta.get("published"),
        what="published",
    )
    sid = source_id or document.source_id
    notes: list[str] = list(document.notes)
    if pub is None:
        message = (
            f"{document.path or sid}: no publication date; only explicitly dated events get a date"
        )
        notes.append(message)
        warnings.warn(message, ExtractWarning, stacklevel=3)

    sentences = split_sentences(text, document.body)
    actors_by_sentence: list[list[ActorMention]] = resolve_bare_army(
        text,
        resolve_neutral_fighters(
            resolve_former_latter(
                text,
                [(s.start, s.end) for s in sentences],
                [find_actor_mentions(s.text, offset=s.start) for s in sentences],
            )
        ),
    )
    exclude = [(a.start, a.end) for group in actors_by_sentence for a in group if a.actor]
    raw = find_place_mentions(
        text, [(s.start, s.end) for s in sentences], gazetteer=gazetteer, exclude=exclude
    )
    mentions = resolve_mentions(text, raw, gazetteer)
    spans = [(m.start, m.end) for m in mentions]
    starts = [m.start for m in mentions]
    descriptors = [
        d
        for d in find_descriptors(text, sentences, mentions, gazetteer)
        if not _overlaps(spans, starts, d.start, d.end)
    ]
    all_mentions = sorted(mentions + descriptors, key=lambda m: m.start)
    work = work_units(sentences, all_mentions, actors_by_sentence)
    if work > MAX_WORK:
        raise TooComplexError(
            f"too complex to extract: {work:,} work units, over the budget of {MAX_WORK:,} "
            "(syriamap.extract.pipeline.MAX_WORK); split the file into articles",
            path=document.path or sid,
            value=work,
        )
    deadline = time.thread_time() + MAX_SECONDS

    # the first sentence naming another state's ground forces (a bare "the military"
    # speaking after it may be theirs)
    first_foreign = next(
        (k for k, group in enumerate(actors_by_sentence) if names_foreign_force(group)), -1
    )
    candidates: list[Candidate] = []
    previous_subject: tuple[str, str] | None = None
    last_claimant: tuple[str, str] = ("", "")
    recent: list[tuple[int, int]] = []  # (sentence index, candidate index) of attributed claims
    people: dict[str, tuple[str, str]] = {}  # name word of a claimant -> (side, actor id)
    quote_context: tuple[str, str, tuple[str, str] | None] | None = None
    focus: PlaceMention | None = None  # the last place named, for "denied any withdrawal"
    previous_places: list[PlaceMention] = []  # taken or held, for "withdrew from these areas"
    last_dated: dt.date | None = None  # the last dated event, for "two days after they entered it"
    last_dated_at = -2  # the index of its sentence ("The same day, ..." right after it only)
    entry: tuple[int, dt.date | None] | None = (
        None  # a timeline entry: (paragraph, its label's date)
    )
    # (sentence index, claim) a list in the next sentence may continue ("These include X")
    listed: tuple[int, Candidate] | None = None
    # (sentence index, places of its claims), for "these areas" after any cue
    claimed_places: tuple[int, list[PlaceMention]] = (-1, [])
    # (sentence index, kind, items) of a named list with no claim ("would take the villages
    # of A, B and C"), for "these villages" in the next sentence
    named_items: tuple[int, str, list[PlaceMention]] = (-1, "", [])
    quotes = _Quotes(text, document.body)
    m_index = 0
    for k, (sentence, actors) in enumerate(zip(sentences, actors_by_sentence, strict=True)):
        # the clock is a system call: read it every CLOCK_EVERY sentences
        if k % CLOCK_EVERY == 0 and time.thread_time() > deadline:
            raise TooComplexError(
                f"too complex to extract: over the budget of {MAX_SECONDS:g} CPU seconds "
                f"(syriamap.extract.pipeline.MAX_SECONDS) at character {sentence.start:,}; "
                "split the file into articles",
                path=document.path or sid,
            )
        while m_index < len(all_mentions) and all_mentions[m_index].start < sentence.start:
            m_index += 1
        inside = []
        j = m_index
        while j < len(all_mentions) and all_mentions[j].start < sentence.end:
            inside.append(all_mentions[j])
            j += 1
        if (
            not inside
            and not recent
            and focus is None
            and quote_context is None
            and not collapse_cue(sentence.text)
            and not (
                sentence.index + 1 < len(sentences)
                and opens_list(sentences[sentence.index + 1].text)
            )
        ):
            subject = next((a for a in actors if a.actor), None)
            if subject is not None:
                previous_subject = (subject.actor, subject.text)
            previous_places = []
            continue  # nothing to claim, nothing to pass on: skip the costly stages
        cues = find_stance_cues(sentence.text, offset=sentence.start)
        # the claimant the sentence's attribution points at (for "our forces")
        speaker = None
        first_attr = next((c for c in cues if c.stance == "attributed"), None)
        if first_attr is not None:
            span = find_claimant(sentence.text, first_attr, offset=sentence.start)
            if span is not None:
                c_text = text[span[0] : span[1]]
                c_side, c_actor = _side_of(c_text, people)
                speaker = _speaker_of(text, span, c_side) or c_actor
                if speaker is not None and is_bare_army(speaker[1]) and 0 <= first_foreign <= k:
                    # "'Our forces are operating in the buffer zone,' the military said"
                    # after Israeli troops were named: whose military, the word does not say
                    speaker = None
                if (
                    speaker is None
                    and previous_subject is not None
                    and _PRONOUN_SPEAKER.fullmatch(c_text)
                    # "it" is no plural subject ("Rebels took X. '...,' it said")
                    and not (
                        c_text.strip().lower() == "it" and _PLURAL_HEAD.search(previous_subject[1])
                    )
                ):
                    # "The SDF issued a statement. 'Our forces withdrew from X,' it said":
                    # the pronoun is the previous sentence's subject
                    speaker = previous_subject
        quoted = quotes.inside(sentence) and first_attr is None
        if quoted and quote_context is not None:
            speaker = quote_context[2]
        if first_attr is None and sentence.text[:1] in ("\u201c", '"'):
            # "“Our forces entered X. ...,” the commander said": a quotation that opens
            # here is the speaker's named where it closes, later in the paragraph
            closing = _closing_speaker(text, sentences, sentence.index, people)
            if closing is not None:
                speaker = closing
        if sentence.text.rstrip("\u201d\"' ").endswith("?"):
            continue  # a question asserts nothing ("Will the rebels take Damascus?")
        claims: list[Claim] = match_claims(
            text,
            sentence,
            inside,
            actors,
            previous_subject=previous_subject,
            speaker=speaker,
            fallback=speaker if quoted else None,
            focus=focus,
            previous_places=previous_places,
            listed=_listed_before(sentence, claimed_places, named_items),
        )
        claims = [_fallen_to_known_taker(c, candidates) for c in claims]
        claims += collective_claims(text, sentence, inside, gazetteer)
        claims += collapse_claims(text, sentence, gazetteer)  # "the regime fell"
        unverified = [c for c in cues if c.stance == "unverified"]
        own = bool(unverified) and any(c.trigger.start < unverified[0].start for c in claims)
        if unverified and refers_back(sentence.text, own_claim=own):
            scope = back_reference(sentence.text)
            if recent and scope == "sentence":
                # "We have not been able to confirm this.": the sentence just before
                recent = [(s, c) for s, c in recent if s == sentence.index - 1]
            elif recent and any(
                opens_with_new_speaker(sentences[i].text)
                for i in range(recent[-1][0] + 1, sentence.index)
            ):
                # "Residents told Reuters that soldiers were seen leaving X. Reuters could not
                # verify the reports.": the reports are the new speaker's, whose sentence
                # holds no claim; the earlier speakers' reports are not meant
                recent = []
            elif recent and scope == "report":
                # "The Ledger was unable to verify this report": the latest speaker's
                # report only (its sentences in a row, the last of them just before), not
                # an earlier speaker's ("Residents told us ... The paper could not verify
                # their accounts": nothing, when the residents' sentence holds no claim)
                recent = (
                    _latest_report(recent, candidates)
                    if recent[-1][0] >= sentence.index - 3
                    and not any(
                        opens_with_new_speaker(sentences[i].text)
                        for i in range(recent[-1][0] + 1, sentence.index)
                    )
                    else []
                )
            for s_index, c_index in recent:
                if sentence.index - s_index <= 3:
                    old = candidates[c_index]
                    if old.stance == "attributed":
                        candidates[c_index] = _replace(old, stance="unverified")
            recent = []
        date_cues = find_date_cues(sentence.text, pub, offset=sentence.start) if claims else []
        # "The same day, ...": dated by the event of the sentence just before (if dated)
        told = (
            told_after(sentence.text, last_dated, pub)
            if claims and sentence.index - last_dated_at == 1
            else None
        )
        labelled, label = entry_label_date(sentence.text, pub)
        if labelled:
            # "DEC. 6 - Rebels seize X. In the south, ...": a timeline entry's label
            entry = (sentence.paragraph, label) if label is not None else None
        label_date = (
            entry[1] if entry is not None and entry[0] == sentence.paragraph and claims else None
        )
        summary = summary_span(sentence.text) if claims else None
        first_new = len(candidates)  # this sentence's candidates start here
        ended_holds: list[int] = []
        for claim in claims:
            stance, cue = stance_at(
                cues,
                claim.trigger.start,
                sentence.text,
                sentence.start,
                claims=[c.trigger.start for c in claims],
            )
            claimant, c_side = "", ""
            if cue is not None:
                span = claimant_of(sentence.text, cues, cue, offset=sentence.start)
                if span is not None and text[span[0] : span[1]].strip():
                    claimant = text[span[0] : span[1]]
                    if claimant.split()[0].lower() in _PRONOUNS and last_claimant[0]:
                        claimant, c_side = last_claimant
                    elif claimant.split()[0].lower() in _PRONOUNS:
                        # "He said ...": the speaker named in the sentences just before
                        claimant = recent_speaker(text, sentences, sentence.index)
                        if claimant:
                            c_side, _actor = _side_of(claimant, people)
                            last_claimant = (claimant, c_side)
                    else:
                        c_side, _actor = _side_of(claimant, people)
                        if not c_side and claim.actor_text and _BACK_GROUP.match(claimant):
                            # "The SDF withdrew from X, the group said": the group named
                            # as the claim's own subject speaks
                            c_side = actor_side(claim.actor)
                        last_claimant = (claimant, c_side)
                elif unnamed_claimant(cue, text):
                    claimant, c_side = unnamed_claimant(cue, text), "neutral"
            if stance == "asserted" and quoted and quote_context is not None:
                # a quotation continued from the previous sentence: same speaker
                stance, claimant, c_side = "attributed", quote_context[0], quote_context[1]
            if (
                stance in ("attributed", "unverified")
                and not quoted
                and _page_description(text, sentence.start, claim)
            ):
                # "jets struck the rebel-held city of Idlib, according to rescuers", "the
                # Kurdish-held town of Manbij, a source said": the page describes the place
                # in its own voice; the source speaks of the strike (not inside quotes)
                stance = "asserted"
            if claim.trigger.failed and (
                stance != "attributed" or actor_side(claim.actor) != claim.trigger.failed
            ):
                # "the offensive to take X failed" said by the text, or an attacker other
                # than the one the attempt names: no claim
                continue
            if claim.trigger.negated:
                # "SOHR said rebels did not take X", "Rebels did not enter X": the claim
                # that the actor did it is denied, by the speaker or by the text itself
                if stance == "denied":
                    continue  # "denied that troops had not left X": a double negation
                if stance == "asserted":
                    claimant, c_side = "", ""
                stance = "denied"
            if stance == "asserted":
                claimant, c_side = "", ""
            # "The offensive, launched on 27 November, had brought X under its control": the
            # launch's date is no date of the claim after it
            claim_cues = [
                c
                for c in date_cues
                if not inside_launch_phrase(c, claim.trigger.start, sentence.text, sentence.start)
            ]
            event_date, precision = date_for(
                own_cues(claim.clause, claim.clauses, claim_cues),
                claim.trigger.start,
                pub,
                sentence.text,
                sentence.start,
            )
            own_dated = [
                c
                for c in date_cues
                if c.date
                and _OWN_CUE.fullmatch(text, claim.mention.end, c.start)
                # "has held X since 2017": the start of a state that lasts, no event's date
                and not c.text.lower().startswith("since")
            ]
            if claim.mention.start > claim.trigger.end and own_dated:
                # "took Aleppo last week and Hama earlier this week": each item its own cue
                event_date, precision = own_dated[0].date, own_dated[0].precision
            later = [c for c in date_cues if c.text.lower().endswith("later") and c.date]
            if (
                later
                and claim.mention.start > claim.trigger.start
                and any(c.date and c.end <= claim.trigger.start for c in date_cues)
            ):
                # "stormed X on March 15 and retook Y and Z two days later"
                after = [c for c in later if c.start >= claim.mention.end]
                if after and not re.search(r"[,;]", text[claim.mention.end : after[0].start]):
                    event_date, precision = after[0].date, after[0].precision
            offset_date = after_offset(
                sentence.text, sentence.start, claim.trigger.start, date_cues, last_dated, pub
            )
            # "two days after they entered it"; a date of its own wins ("on Friday, a day
            # after ..."), not the anchoring event's ("a month after ... on November 1")
            if offset_date is not None and (
                precision == "published" or event_date == offset_date[2]
            ):
                event_date, precision = offset_date[0], offset_date[1]
            note = ""
            if told is not None and precision == "published":
                # "Rebels took Hama on 5 December. The same day, the army left Sweida"
                event_date, precision = told
            elif label_date is not None and precision == "published":
                # the later sentences of a timeline entry ("DEC. 6 - Rebels seize X. In the
                # south, local factions take Y"): dated by the entry's label
                event_date, precision = label_date, "day"
            # "a day after taking X", "since seizing X", "which they had taken": the
            # clause's own time, earlier than the main clause's (extract/clauses.py)
            shifted = clause_date(
                claim.clause,
                claim_cues,
                event_date,
                precision,
                clauses=claim.clauses,
                position=claim.trigger.start,
                text=text,
            )
            if shifted is not None:
                event_date, precision, note = shifted
                chained = _after_another_offset(claim, date_cues)
                if chained is not None:
                    event_date, precision, note = chained
            elif (
                precision == "published"
                and pub is not None
                and _SINCE_ADVERB.search(
                    text, max(sentence.start, claim.trigger.start - 30), claim.trigger.start
                )
            ):
                # "HTS fighters have since seized X": between an earlier event and now
                event_date, precision = pub - dt.timedelta(days=1), "days"
                note = "earlier than the time of writing ('since')"
            if _background(event_date, pub) or _dated_history(
                date_cues,
                claim.trigger.end,
                pub,
                sentence.text,
                sentence.start,
                claim.relation,
            ):
                continue  # "Islamic State seized Raqqa in January 2014": history, not news
            if summary is not None and precision in ("published", "days"):
                # "Over the preceding ten days, the militants had captured A, B and C": a
                # summary of a span, each event somewhere in it (a week or a month wide)
                precision = "month" if summary[1] > 7 else "week"
                note = "; ".join(n for n in (note, f"a summary of a span ('{summary[0]}')") if n)
            side = actor_side(claim.actor)
            candidates.append(
                Candidate(
                    source_id=sid,
                    place_id=claim.mention.place_id,
                    place_name=claim.mention.text,
                    actor=claim.actor,
                    side=side,
                    relation=claim.relation,
                    stance=stance,
                    claimant=claimant,
                    claimant_side=c_side,
                    event_date=event_date,
                    date_precision=precision,
                    place_precision=claim.place_precision,
                    quote=verbatim[sentence.start : sentence.end],
                    start=sentence.start,
                    end=sentence.end,
                    method=claim.method,
                    confidence=claim.confidence,
                    note="; ".join(
                        n
                        for n in (
                            note,
                            _context_note(claim.mention, gazetteer),
                            _default_note(claim),
                            _partial_note(claim),
                        )
                        if n
                    ),
                )
            )
            if stance == "attributed":
                recent.append((sentence.index, len(candidates) - 1))
            if claim.ended:
                ended_holds.append(len(candidates) - 1)
            if (
                stance == "denied"
                and claimant
                and claim.relation == "withdrew"
                and _DENIAL_POSITIVE.search(
                    text, max(claim.mention.end, sentence.start), sentence.end
                )
            ):
                # "denied withdrawing from X, saying its forces remained in full control"
                candidates.append(
                    _replace(
                        candidates[-1],
                        relation="controls",
                        stance="attributed",
                        method="rule:denial_positive",
                        confidence=round(claim.confidence * 0.9, 3),
                    )
                )
        if ended_holds:
            _date_ended_holds(candidates, first_new, ended_holds)
        if listed is not None and listed[0] == sentence.index - 1 and not cues:
            candidates += _continued(
                text, verbatim, sentence, inside, actors, listed[1], first_new, candidates
            )
        own_claims = [c for c in candidates[first_new:] if c.start == sentence.start]
        if continues_claims(
            sentence.text, [(c.actor, c.relation, c.place_name) for c in own_claims]
        ):
            listed = (sentence.index, own_claims[-1])
        elif not claims:
            # "rebels also seized several key locations nearby. These include X, Y"
            implicit = _implicit_claim(
                text, verbatim, sentence, actors, cues, previous_subject, speaker, pub, sid, people
            )
            if implicit is not None:
                listed = (sentence.index, implicit)
        dated = [
            c.event_date
            for c in candidates[first_new:]
            if c.start == sentence.start and c.date_precision != "published" and c.event_date
        ]
        if dated:
            last_dated, last_dated_at = dated[-1], sentence.index
        if first_attr is not None and last_claimant[0]:
            quote_context = (last_claimant[0], last_claimant[1], speaker)
        elif not quoted:
            quote_context = None
        subject = next((a for a in actors if a.actor), None)
        if claims:
            claimed_places = (sentence.index, [c.mention for c in claims])
        kind, items = named_list(text, [m for m in inside if m.place_id and not m.outside])
        if kind and not any(c.mention in items for c in claims):
            named_items = (sentence.index, kind, items)
        if claims:
            previous_subject = (claims[0].actor, claims[0].actor_text)
        elif subject is not None:
            previous_subject = (subject.actor, subject.text)
        recent = [(s, c) for s, c in recent if sentence.index - s <= 3]
        named = [m for m in inside if m.place_id and not m.outside]
        focus = named[-1] if named else None
        previous_places = _taken_places(claims)

    candidates = attribute_across_sentences(text, sentences, candidates, _replace)
    in_text = {a.actor for group in actors_by_sentence for a in group if a.actor}
    candidates = _base_holders(candidates, in_text)
    checks = find_distance_checks(text, sentences, all_mentions, gazetteer)
    return Analysis(document, sid, pub, sentences, all_mentions, candidates, checks, notes)


def _listed_before(
    sentence: Sentence,
    claimed: tuple[int, list[PlaceMention]],
    named: tuple[int, str, list[PlaceMention]],
) -> Sequence[PlaceMention]:
    """Return the places "these areas" of a sentence may stand for, the sentence before's.

    The places of its claims; else, when it claimed none of them, its named list of the
    anaphor's kind ("would take the villages of A and B. ... pulled out from these villages").
    """
    if claimed[0] == sentence.index - 1:
        return claimed[1]
    if named[0] == sentence.index - 1 and anaphor_fits(sentence.text, named[1]):
        return named[2]
    return ()


#: relations of another side at a foreign base that presuppose its holder
_AT_A_HOLDERS_BASE = frozenset({"encircled", "contested", "advancing"})


def _base_holders(candidates: list[Candidate], named: set[str]) -> list[Candidate]:
    """Add the holder of a foreign base that another side besieges, attacks or nears.

    "The naval base in Tartus has been blocked by opposition forces", in an article that
    names Russia: Russia holds the base (``data/foreign_control.csv`` says whose base it
    is), the opposition encircles it. Confidence 0.8 of the claim's, with a note.
    """
    out: list[Candidate] = []
    added: set[tuple[int, str, str]] = set()
    for c in candidates:
        out.append(c)
        if c.relation not in _AT_A_HOLDERS_BASE:
            continue
        holder = foreign_holder(c.place_id)
        if holder is None or holder == c.actor or holder not in named:
            continue
        key = (c.start, c.place_id, holder)
        if key in added:
            continue
        added.add(key)
        out.append(
            _replace(
                c,
                actor=holder,
                side=actor_side(holder),
                relation="controls",
                method="rule:foreign_base_holder",
                confidence=round(c.confidence * 0.8, 3),
                note=f"holder from data/foreign_control.csv: {c.place_id} is {holder}'s base",
            )
        )
    return out


def _taken_places(claims: list[Claim]) -> list[PlaceMention]:
    """Return the places a sentence says were taken, entered or held (text order, once)."""
    out: list[PlaceMention] = []
    for claim in claims:
        if claim.relation in HOLDING and all(m.start != claim.mention.start for m in out):
            out.append(claim.mention)
    return out


def work_units(
    sentences: list[Sentence],
    mentions: list[PlaceMention],
    actors_by_sentence: list[list[ActorMention]],
) -> int:
    """Return the work the extractor's costly stages will do on a document.

    The sum, over sentences, of the sentence's length plus its place mentions times
    (place mentions + actor mentions) times its length in hundreds of characters;
    ``mentions`` are sorted by start. See :data:`MAX_WORK`.

    Examples
    --------
    >>> from syriamap.extract.sentences import split_sentences
    >>> work_units(split_sentences("Rebels took Hama."), [], [[]])
    17
    """
    starts = [m.start for m in mentions]
    total = 0
    for sentence, actors in zip(sentences, actors_by_sentence, strict=True):
        n = bisect.bisect_left(starts, sentence.end) - bisect.bisect_left(starts, sentence.start)
        length = sentence.end - sentence.start
        total += length + n * (n + len(actors)) * max(1, length // 100)
    return total


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b")
_NOT_NAME = frozenset(
    {
        "The",
        "Syrian",
        "Syria",
        "According",
        "Rebel",
        "Islamist",
        "Kurdish",
        "Britain",
        "British",
        "Observatory",
        "Human",
        "Rights",
        "Defence",
        "Defense",
        "Ministry",
        "Army",
        "Forces",
        "State",
        "Reuters",
        "Telegram",
    }
)


def _side_of(
    claimant: str, people: dict[str, tuple[str, str]]
) -> tuple[str, tuple[str, str] | None]:
    """Return the side of a claimant (and the actor it speaks for).

    Named people are remembered ("Hassan Abdel Ghani, a rebel commander"), so that a
    later "Abdel Ghani" keeps the side.
    """
    back = anaphor(claimant)
    if back and f"the {back}" in people:
        # "The source stressed ...": the source named before ("a military source")
        known_side, known_actor = people[f"the {back}"]
        return known_side, ((known_actor, claimant) if known_actor else None)
    side = claimant_side(claimant)
    names = [w for w in _NAME_WORD.findall(claimant) if w not in _NOT_NAME]
    if side:
        actor = _SIDE_ACTOR.get(side)
        mentions = speaker_actor_mentions(claimant)
        if mentions:
            actor = mentions[0].actor
        for word in names:
            people.setdefault(word, (side, actor or ""))
        people[f"the {head_noun(claimant)}"] = (side, actor or "")
        return side, ((actor, claimant) if actor else None)
    for word in names:
        if word in people:
            side, actor = people[word]
            return side, ((actor, claimant) if actor else None)
    return "", None


class _Quotes:
    """Where quotation marks are, for "is this sentence inside a quotation?" in O(log n)."""

    def __init__(self, text: str, body: tuple[tuple[int, int], ...]) -> None:
        self.starts = [a for a, _ in body]
        self.open = [m.start() for m in re.finditer("\u201c", text)]
        self.close = [m.start() for m in re.finditer("\u201d", text)]
        self.straight = [m.start() for m in re.finditer('"', text)]

    @staticmethod
    def _count(positions: list[int], a: int, b: int) -> int:
        return bisect.bisect_left(positions, b) - bisect.bisect_left(positions, a)

    def inside(self, sentence: Sentence) -> bool:
        """Whether a sentence is (the continuation of) a quotation."""
        head = sentence.text[:1]
        if head in ("\u201c", '"') and not re.search(r"[\u201d\"]\s*\S", sentence.text[1:-2]):
            return True
        k = bisect.bisect_right(self.starts, sentence.start) - 1
        para = self.starts[k] if k >= 0 else sentence.start
        a, b = para, sentence.start
        return (
            self._count(self.open, a, b) > self._count(self.close, a, b)
            or self._count(self.straight, a, b) % 2 == 1
        )


BACKGROUND_DAYS = 60
"""A claim the text dates more than this many days before publication, in an earlier year,
is background history ("seized Raqqa in January 2014", "retook Aleppo in December 2016") and
is not extracted (data/ANNOTATION.md: background history is not annotated)."""


def _background(event_date: dt.date | None, published: dt.date | None) -> bool:
    if event_date is None or published is None:
        return False
    return event_date.year < published.year and (published - event_date).days > BACKGROUND_DAYS


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a definite description that points back at an armed group ("the group said")
_BACK_GROUP = re.compile(
    r"the\s+(?:armed\s+)?(?:group|faction|militia|movement|alliance|coalition|organi[sz]ation)\Z",
    re.I,
)
_HAD_BEEN = re.compile(
    r"\bhad\s+(?:(?:long|firmly|largely)\s+)?(?:been|held|controlled|ruled)\b", re.I
)
_PARENTHESIS = re.compile(r"\([^()]*\)")
_HISTORY_CLAUSE = re.compile(
    r"[,;:.]|\b(?:which|that|who|when|while|but|whereas|because|although)\b", re.I
)


def _dated_history(
    cues: list[Any],
    position: int,
    published: dt.date | None,
    text: str,
    offset: int,
    relation: str = "",
) -> bool:
    """Whether a cue with an earlier year closes the claim's clause ("... Manbij in 2016").

    A hold told in the pluperfect since a year ("X had been under government control since
    2018") is history too; the loss it implies now is not (``relation`` other than
    ``controls``: "seized X, which had been under Kurdish control since 2016").
    """
    if published is None:
        return False
    for cue in cues:
        if cue.start < position or cue.date is None or not _YEAR.search(cue.text):
            continue
        # a parenthesis does not close the clause: "attacked by IS (formerly ISIS) in 2015"
        gap = _PARENTHESIS.sub(" ", text[position - offset : cue.start - offset])
        if cue.text.lower().startswith("since"):
            if relation == "controls" and _HAD_BEEN.search(
                text[max(0, position - offset - 60) : position - offset]
            ):
                # "X had been under government control since 2018": a state that has ended
                return _background(cue.date, published)
            continue  # "where HTS has held sway since 2015": the state lasts until now
        if len(gap.split()) <= 12 and not _HISTORY_CLAUSE.search(gap):
            return _background(cue.date, published)
    return False


def _implicit_claim(
    text: str,
    verbatim: str,
    sentence: Sentence,
    actors: list[ActorMention],
    cues: list[Any],
    previous_subject: tuple[str, str] | None,
    speaker: tuple[str, str] | None,
    pub: dt.date | None,
    sid: str,
    people: dict[str, tuple[str, str]],
) -> Candidate | None:
    """Return the claim of a sentence whose object is a plural place noun, naming no place.

    "Rebels also seized several key locations nearby": the claim a list in the next
    sentence continues ("These include X and Y"); ``place_id`` is empty. None when the
    sentence has no such cue or its actor is not named.
    """
    trig = plural_object(text, sentence)
    if trig is None:
        return None
    clauses = split_clauses(text, sentence.start, sentence.end)
    agents = agent_phrases(text, actors, sentence.start, sentence.end)
    chosen = _choose_actor(text, sentence, trig, agents, previous_subject, speaker, clauses)
    if chosen is None:
        return None
    actor = chosen[0]
    side = actor_side(actor)
    relation = trig.rule.relation
    if side == "foreign" and relation != "withdrew":
        return None
    if trig.rule.government_relation and side == "government":
        relation = trig.rule.government_relation
    stance, cue = stance_at(cues, trig.start, sentence.text, sentence.start, claims=[trig.start])
    claimant, c_side = "", ""
    if cue is not None and stance != "asserted":
        span = claimant_of(sentence.text, cues, cue, offset=sentence.start)
        if span is not None and text[span[0] : span[1]].strip():
            claimant = text[span[0] : span[1]]
            if claimant.split()[0].lower() in _PRONOUNS:
                return None  # "they said": left to the sentence-level machinery
            c_side, _actor = _side_of(claimant, people)
        elif unnamed_claimant(cue, text):
            claimant, c_side = unnamed_claimant(cue, text), "neutral"
    if stance == "denied":
        return None
    date_cues = find_date_cues(sentence.text, pub, offset=sentence.start)
    event_date, precision = date_for(date_cues, trig.start, pub, sentence.text, sentence.start)
    return Candidate(
        source_id=sid,
        place_id="",
        place_name="",
        actor=actor,
        side=side,
        relation=relation,
        stance=stance,
        claimant=claimant,
        claimant_side=c_side,
        event_date=event_date,
        date_precision=precision,
        place_precision="place",
        quote=verbatim[sentence.start : sentence.end],
        start=sentence.start,
        end=sentence.end,
        method=f"rule:{trig.rule.rule}",
        confidence=trig.rule.confidence,
    )


def _continued(
    text: str,
    verbatim: str,
    sentence: Sentence,
    inside: list[PlaceMention],
    actors: list[ActorMention],
    earlier: Candidate,
    first_new: int,
    candidates: list[Candidate],
) -> list[Candidate]:
    """Return the claims of a list continuing the sentence before ("These include X, Y").

    Each item takes the earlier claim's actor, relation, stance, claimant and date
    (:mod:`syriamap.extract.lists`).
    """
    have = {c.place_id for c in candidates[first_new:] if c.start == sentence.start}
    out: list[Candidate] = []
    for m in continued_places(text, sentence, inside, actors):
        if m.place_id in have or m.place_id == earlier.place_id:
            continue
        have.add(m.place_id)
        out.append(
            _replace(
                earlier,
                place_id=m.place_id,
                place_name=m.text,
                place_precision="place",
                quote=verbatim[sentence.start : sentence.end],
                start=sentence.start,
                end=sentence.end,
                method="rule:list_continued",
                confidence=round(earlier.confidence * CONTINUED_FACTOR, 3),
                note="a list continuing the claim of the sentence before",
            )
        )
    return out


def _date_ended_holds(candidates: list[Candidate], first_new: int, ended: list[int]) -> None:
    """Date each hold that the sentence ends the day before its end (in place).

    "Hama, which the army had held, fell on Thursday": the army held Hama until Wednesday;
    the end is a claim of the sentence at the same place that
    :func:`syriamap.extract.relations.ends_hold` accepts (the same test that marked it).
    """
    for index in ended:
        hold = candidates[index]
        ends = [
            c.event_date
            for c in candidates[first_new:]
            if c.place_id == hold.place_id
            and c.event_date is not None
            and ends_hold(c.relation, c.actor, hold.actor)
        ]
        if not ends or hold.event_date is None or hold.event_date < min(ends):
            continue
        candidates[index] = _replace(
            hold,
            event_date=min(ends) - dt.timedelta(days=1),
            date_precision="days",
            note="; ".join(n for n in (hold.note, "a hold the sentence ends: before its end") if n),
        )


_FALL_RULES = frozenset({"rule:fall_nominal", "rule:fall_possessive"})


def _after_another_offset(claim: Claim, date_cues: list[Any]) -> tuple[dt.date, str, str] | None:
    """Date a claim of a second "N days after" clause from the main clause's derived date.

    "Hama was captured eight days after the offensive began on 27 November, and a week
    after it seized Aleppo": Hama's capture is 5 December (27 November + 8) and Aleppo's a
    week before that, 28 November (not a week before 27 November).
    """
    own = claim.clause
    if own is None or own.kind != "temporal" or own.time != "earlier" or not own.offset_days:
        return None
    for other in claim.clauses:
        if other is own or other.kind != "temporal" or other.time != "earlier":
            continue
        if not other.offset_days:
            continue
        anchors = [
            c
            for c in date_cues
            if c.date and c.precision in ("day", "days") and other.start <= c.start < other.end
        ]
        if anchors and not any(c.date and own.start <= c.start < own.end for c in date_cues):
            main = anchors[0].date + dt.timedelta(days=other.offset_days)
            date = main - dt.timedelta(days=own.offset_days)
            note = (
                f"{own.offset_days} day(s) before the main clause, itself "
                f"{other.offset_days} day(s) after {anchors[0].text!r}"
            )
            return date, "day", note
    return None


# "have since seized", "had since been seen": the adverb of a time before the writing
_SINCE_ADVERB = re.compile(r"\b(?:has|have|had)\s+since\s+(?:been\s+)?$", re.I)


def _fallen_to_known_taker(claim: Claim, earlier: list[Candidate]) -> Claim:
    """Return "the fall of X" as the loss of the holder the article names, if not the government.

    A fall without a taker ("The fall of X shook the capital") is the government's loss by
    default (data/ANNOTATION.md). When an earlier sentence says a non-government actor
    withdrew from or lost X, that actor was the holder: the fall is the capture by whoever
    the article says took X from it, else that holder's loss; never the government's.
    """
    if claim.method not in _FALL_RULES or not claim.by_default or claim.relation != "lost":
        return claim
    mine = [
        c
        for c in earlier
        if c.place_id == claim.mention.place_id and c.stance in ("asserted", "attributed")
    ]
    holders = [c for c in mine if c.relation in ("withdrew", "lost") and c.side != "government"]
    if not holders:
        return claim
    holder = holders[-1]
    takers = [c for c in mine if c.relation == "captured" and c.side not in (holder.side, "")]
    if takers:
        return replace(claim, actor=takers[-1].actor, relation="captured", by_default=False)
    return replace(claim, actor=holder.actor, by_default=False)


def _latest_report(
    recent: list[tuple[int, int]], candidates: list[Candidate]
) -> list[tuple[int, int]]:
    """Return the attributed claims of the latest speaker, back to another speaker's."""
    last = candidates[recent[-1][1]].claimant.strip().lower()
    out: list[tuple[int, int]] = []
    for s_index, c_index in reversed(recent):
        if candidates[c_index].claimant.strip().lower() != last:
            break
        out.append((s_index, c_index))
    return out[::-1]


def _replace(candidate: Candidate, **changes: Any) -> Candidate:
    values = {k: getattr(candidate, k) for k in candidate.__slots__}  # type: ignore[attr-defined]
    values.update(changes)
    return Candidate(**values)


def extract_document(document: Document, **kwargs: Any) -> list[Any]:
    """Extract the dated assertions of a :class:`Document` (see :func:`analyse`)."""
    return analyse(document, **kwargs).assertions()


def extract(
    text: str,
    *,
    published: DateLike | None = None,
    publisher: str | None = None,
    source_id: str | None = None,
) -> list[Any]:
    """Extract candidate territorial-control assertions from an article.

    Parameters
    ----------
    text
        The article: plain text (optionally with a ``key: value`` header block) or HTML.
    published
        Publication date; relative cues ("on Saturday", "yesterday") are resolved against
        it. Without it (and without a ``published:`` header), only events the text dates
        explicitly are returned, and an :class:`ExtractWarning` says so.
    publisher
        Kept with the source metadata.
    source_id
        Id of the source (default: the first 16 hex digits of the text's SHA-256).

    Returns
    -------
    list of Assertion
        In text order; quotes are verbatim sentences with offsets into ``text`` (into the
        extracted main text for HTML input).

    Examples
    --------
    >>> [(a.actor, str(a.relation), a.place_name, a.event_date.isoformat())
    ...  for a in extract("On Thursday, rebels seized Hama.", published="2024-12-06")]
    [('opposition', 'captured', 'Hama', '2024-12-05')]
    """
    meta = {"publisher": publisher}
    document = document_from_text(text, meta=meta)
    if re.search(r"\S", text) is None:
        return []
    return extract_document(document, published=published, source_id=source_id)


def _default_note(claim: Claim) -> str:
    """Say so when the side is the rule's default, not an actor the text names."""
    if not claim.by_default:
        return ""
    return f"no actor named: {claim.actor} is the default of rule {claim.trigger.rule.rule}"


def _partial_note(claim: Claim) -> str:
    """Say so when the claim is about an unnamed part of the area it is recorded at."""
    if not claim.partial:
        return ""
    return f"{PARTIAL_AREA_NOTE}: recorded at the governorate or district, not all of it"


def _context_note(mention: PlaceMention, gazetteer: Any) -> str:
    """Say so when a facility was read from context ("the military airport" after "Hama")."""
    if not (mention.coref and mention.place_id.startswith("s:")):
        return ""
    place = gazetteer.get(mention.place_id)
    return f"place from context: {mention.text!r} read as {place.name} ({place.kind})"
