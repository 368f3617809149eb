"""Stance across sentences: attributions that reach beyond their own sentence.

Stage: stance (second pass, over the candidates of a whole document). The sentence-level
rules (:mod:`syriamap.extract.stance`) see one sentence; news also attributes claims
across sentences. Rules, applied in this order to claims the first pass left
``asserted``:

1. **A quotation over several sentences** whose speaker is named where it closes
   ("\u201cOur forces entered X. ... We hold the city,\u201d the statement read."): every
   sentence of the quotation takes the closing attribution.
2. **A speaker that opens a passage with a colon** ("The army said in a statement:"):
   the rest of its paragraph, or the next paragraph when the colon ends one, is the
   speaker's.
3a. **An embedded post** ("Rebels are at the gates of X." over the signature line "—
   Name (@handle) December 6, 2024") is the account's claim.
3. **A sentence that points back** ("This development, reported by Anadolu Agency, ...",
   "Reuters writes about this", cues ``back_*`` of ``data/lexicon/stance.csv``) and makes
   no claim of its own attributes the claims of the sentence before it.
4. **A sentence that confirms the one before** ("A government source confirmed the
   announcement", cue ``confirm_back``) and makes no claim of its own repeats the claims
   of the sentence before as its speaker's: each is copied to the confirming sentence,
   ``attributed`` to that speaker (the original claims keep their own attribution). A
   sentence that says the same ("The monitor reported the same thing", cue
   ``same_back``) copies them with their stance: a denial repeated is a denial.
5. **A headline** (a short unpunctuated first line, or one repeated as such) takes the
   stance, claimant and claimant side of the first body claim on the same place, side and
   relation (:data:`RELATION_FAMILY` pairs "sweep into" with "seized control of"):
   "Rebels seize Manbij" over "Rebels seized Manbij on Monday, a war monitor said" is the
   monitor's claim, not the page's.

Each changed candidate gets a ``note`` saying which rule and where its attribution is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from .english import QUOTE_MARKS
from .sentences import Sentence
from .speakers import is_speaker, speaker_head
from .stance import StanceCue, claimant_of, claimant_side, find_stance_cues

__all__ = [
    "RELATION_FAMILY",
    "attribute_across_sentences",
    "headline_sentences",
    "recent_speaker",
]

RELATION_FAMILY = {
    "captured": "take",
    "entered": "take",
    "controls": "take",
    "withdrew": "leave",
    "lost": "leave",
    "advancing": "near",
    "encircled": "near",
    "contested": "fight",
}
"""Relations a headline may word differently from its body ("sweep into" / "seize")."""

_OPEN = "\u201c"
_CLOSE = "\u201d"
_MAX_HEADLINE_WORDS = 25
_MAX_QUOTE_SENTENCES = 12  # a quotation longer than this is not followed (linear cost)


def headline_sentences(sentences: Sequence[Sentence]) -> set[int]:
    """Return the indices of headline sentences.

    A headline is the only sentence of one of the first three paragraphs, at most
    :data:`_MAX_HEADLINE_WORDS` words, without a final full stop, question or exclamation
    mark; the same text repeated as a paragraph later counts too (pages that print the
    headline twice).
    """
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    out: set[int] = set()
    titles: set[str] = set()
    for k, paragraph in enumerate(sorted(by_paragraph)):
        group = by_paragraph[paragraph]
        if len(group) != 1:
            continue
        s = group[0]
        text = s.text.rstrip(" \"'\u201d\u2019")
        if text in titles:
            out.add(s.index)
            continue
        if k >= 3 or len(text.split()) > _MAX_HEADLINE_WORDS or text.endswith((".", "!", "?")):
            continue
        out.add(s.index)
        titles.add(text)
    return out


def attribute_across_sentences(
    text: str,
    sentences: Sequence[Sentence],
    candidates: list[Any],
    replace: Callable[..., Any],
) -> list[Any]:
    """Apply the cross-sentence rules to a document's candidates (see the module doc).

    ``replace(candidate, **changes)`` returns a changed copy of a candidate; candidates
    carry ``start`` (their sentence's start), ``stance``, ``claimant``, ``claimant_side``,
    ``place_id``, ``side``, ``relation`` and ``note``.
    """
    if not candidates:
        return candidates
    by_start: dict[int, list[int]] = {}
    for i, c in enumerate(candidates):
        by_start.setdefault(c.start, []).append(i)
    out = list(candidates)
    cue_cache: dict[int, list[StanceCue]] = {}

    def cues(s: Sentence) -> list[StanceCue]:
        if s.index not in cue_cache:
            cue_cache[s.index] = find_stance_cues(s.text, offset=s.start)
        return cue_cache[s.index]

    def speaker(s: Sentence, cue: StanceCue) -> str:
        span = claimant_of(s.text, cues(s), cue, offset=s.start)
        if span is None:
            return ""
        words = text[span[0] : span[1]]
        return words if is_speaker(words) and words.split()[0].lower() not in _PRONOUNS else ""

    def attribute(s: Sentence, claimant: str, why: str, *, unnamed: bool = False) -> None:
        side = claimant_side(claimant)
        for i in by_start.get(s.start, ()):
            c = out[i]
            # ``unnamed``: also name the speaker of a claim attributed to nobody in
            # particular ("our sources say" in a guest's turn)
            if c.stance == "asserted" or (unnamed and c.stance == "attributed" and not c.claimant):
                out[i] = replace(
                    c,
                    stance="attributed",
                    claimant=claimant,
                    claimant_side=side,
                    note=_join(c.note, why),
                )

    for s, claimant in _quotations(sentences, cues, speaker, by_start):
        attribute(s, claimant, "quotation attributed where it closes")
    for s, claimant in _colon_passages(sentences, cues, speaker, by_start):
        attribute(s, claimant, "passage opened by the speaker's colon")
    for s, claimant in _transcript_turns(text, sentences, by_start):
        attribute(s, claimant, "a transcript turn under its speaker's label", unnamed=True)
    for s, claimant in _pointing_back(sentences, cues, speaker, by_start):
        attribute(s, claimant, "the next sentence attributes it")
    for s, claimant in _embedded_posts(text, sentences, by_start):
        attribute(s, claimant, "embedded post signed by its account")
    confirmations = _confirmations(sentences, cues, speaker, by_start)
    repeats = _confirmations(sentences, cues, speaker, by_start, rule="same_back")
    for s, before, claimant in confirmations + repeats:
        side = claimant_side(claimant)
        same = (s, before, claimant) in repeats
        for i in by_start[before.start]:
            c = candidates[i]
            if c.stance == "denied" and not same:
                continue  # a confirmed denial is no claim of the confirming speaker
            out.append(
                replace(
                    out[i],
                    # "X reported the same thing" after a denial repeats the denial
                    stance="denied" if c.stance == "denied" else "attributed",
                    claimant=claimant,
                    claimant_side=side,
                    quote=text[s.start : s.end],
                    start=s.start,
                    end=s.end,
                    note=_join(c.note, f"confirms the claim at {before.start}"),
                )
            )
    if confirmations or repeats:
        out.sort(key=lambda c: c.start)  # the copies in text order (stable within a sentence)
    _headlines(sentences, out, replace)
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_LOOKBACK = 3


def recent_speaker(text: str, sentences: Sequence[Sentence], index: int) -> str:
    """Return the speaker a pronoun ("he said") points back to, else "".

    The nearest named claimant of an attribution cue in the :data:`_LOOKBACK` sentences
    before ``index`` ("Omar Nasser, a rebel commander, spoke to reporters. He said ...").
    """
    for s in reversed(sentences[max(0, index - _LOOKBACK) : index]):
        cues = [c for c in find_stance_cues(s.text, offset=s.start) if c.stance == "attributed"]
        for cue in reversed(cues):
            span = claimant_of(s.text, cues, cue, offset=s.start)
            if span is None:
                continue
            words = text[span[0] : span[1]]
            if words.split()[0].lower() not in _PRONOUNS:
                return words
    return ""


def _join(note: str, why: str) -> str:
    return f"{note}; {why}" if note else why


def _final_attribution(
    s: Sentence, after: int, cues: Callable[[Sentence], list[StanceCue]]
) -> StanceCue | None:
    """Return the attribution cue after a closing quote at ``after`` (", X said.")."""
    tail = s.text[after - s.start :]
    if len(tail.split()) > 14:
        return None
    for cue in cues(s):
        if cue.start >= after and cue.stance == "attributed" and cue.claimant:
            return cue
    return None


def _quotations(
    sentences: Sequence[Sentence],
    cues: Callable[[Sentence], list[StanceCue]],
    speaker: Callable[[Sentence, StanceCue], str],
    claimed: dict[int, list[int]],
) -> list[tuple[Sentence, str]]:
    out: list[tuple[Sentence, str]] = []
    k = 0
    while k < len(sentences):
        s = sentences[k]
        head = s.text.lstrip()
        if not head.startswith((_OPEN, '"')):
            k += 1
            continue
        shut = _closes(head[1:])
        if shut is not None:
            # a one-sentence quotation under a speaker's label line (a script)
            if s.start in claimed and not head[shut + 2 :].strip(" .,\n"):
                who = _label_before(sentences, k)
                if who:
                    out.append((s, who))
            k += 1
            continue
        # an opened quotation: find where it closes, in the same paragraph
        inside = [s]
        j = k + 1
        closing = None
        while (
            j < len(sentences)
            and sentences[j].paragraph == s.paragraph
            and j - k <= _MAX_QUOTE_SENTENCES
        ):
            t = sentences[j]
            at = _closes(t.text)
            if at is not None:
                closing = (t, t.start + at)
                break
            inside.append(t)
            j += 1
        if closing is None:
            k += 1
            continue
        t, at = closing
        if not any(x.start in claimed for x in [*inside, t]):
            k = j + 1
            continue  # no claim inside: nothing to attribute
        cue = _final_attribution(t, at, cues)
        who = speaker(t, cue) if cue is not None else _label_before(sentences, k)
        if who:
            out.extend((x, who) for x in inside)
            out.append((t, who))
        k = j + 1
    return out


# a transcript turn: a paragraph opened by its speaker's name in capitals and a colon
# ("SAADEH: Our information is that ...", "KARIM SAADEH: ...", "OKAFOR (Hama): ...")
_TURN = re.compile(
    r"\s*(?P<label>[A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+){0,2})(?: \([^)\n]{1,60}\))?:\s"
)
# the programme's own people: their turns are the page's voice (data/ANNOTATION.md)
_STAFF_LABELS = frozenset(
    {"HOST", "ANCHOR", "PRESENTER", "INTERVIEWER", "MODERATOR", "REPORTER", "CORRESPONDENT", "Q"}
)
_STAFF_BEFORE = re.compile(
    r"\b(?:our|the programme['\u2019]s|the station['\u2019]s|the paper['\u2019]s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:correspondent|reporter|editor|producer|host|presenter|anchor)"
    r"\s*,?\s*$",
    re.I,
)


def _transcript_turns(
    text: str, sentences: Sequence[Sentence], claimed: dict[int, list[int]]
) -> list[tuple[Sentence, str]]:
    """Return the sentences of each guest's turn in a transcript, with the guest's name.

    A paragraph that opens with a name in capitals and a colon ("SAADEH: ...") is that
    speaker's turn. The name must be introduced as a person elsewhere in the text ("Karim
    Saadeh of the Middle East Conflict Observatory"): the introduction is the claimant. The
    host's turns and those of the programme's own correspondent ("our correspondent Daniel
    Okafor") stay the page's. A label that introduces nobody ("WHY IT MATTERS:", a
    dateline) is no speaker.
    """
    out: list[tuple[Sentence, str]] = []
    first: dict[int, Sentence] = {}
    for s in sentences:
        first.setdefault(s.paragraph, s)
    claimants: dict[str, str] = {}
    for paragraph, opener in first.items():
        m = _TURN.match(opener.text)
        if m is None:
            continue
        label = m.group("label")
        if label in _STAFF_LABELS:
            continue
        if label not in claimants:
            claimants[label] = _introduced(text, label)
        claimant = claimants[label]
        if not claimant:
            continue
        out.extend(
            (s, claimant) for s in sentences if s.paragraph == paragraph and s.start in claimed
        )
    return out


_NOT_FIRST_NAMES = frozenset(
    {
        "the",
        "a",
        "an",
        "in",
        "at",
        "on",
        "from",
        "to",
        "of",
        "for",
        "and",
        "but",
        "mr",
        "mrs",
        "ms",
        "dr",
        "said",
        "says",
        "told",
        "with",
        "by",
        "as",
        "when",
        "while",
        "after",
        "before",
    }
)


def _names_a_place(label: str) -> bool:
    """Whether a capitalised label is a place name the gazetteer knows exactly."""
    from ..gazetteer import Gazetteer

    return any(r.why == "exact" for r in Gazetteer.default().resolve(label.title(), limit=3))


def _introduced(text: str, label: str) -> str:
    """Return the introduction of a transcript speaker ("Karim Saadeh of the X"), else "".

    The label's last word, in title case after a capitalised first name, is the person;
    "of the ..." (capitalised words) after the name completes the introduction. "" when
    the text introduces nobody by that name or introduces the programme's own staff.
    """
    surname = label.split()[-1].title()
    if _names_a_place(label):
        return ""  # a dateline ("BEIRUT: ..."), not a speaker
    person = re.compile(
        rf"\b(?P<first>[A-Z][a-z]+) {re.escape(surname)}\b"
        r"(?P<of>,? (?:of|from) (?:the )?[A-Z][\w'\u2019-]*"
        r"(?: (?:of|for|and|the|[A-Z][\w'\u2019-]*))*)?"
    )
    for m in person.finditer(text):
        if m.group("first").lower() in _NOT_FIRST_NAMES:
            continue  # "The Beirut Ledger", "In Saadeh's words"
        if _STAFF_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            return ""
        return re.sub(r"(?: (?:of|for|and|the))+$", "", m.group(0)).strip(" ,")
    return ""


# a speaker's label line over a quoted paragraph in a video script or transcript
# (":: Name, role" or "Name, role:")
_LABEL = re.compile(r"^\s*::\s*(?P<a>[^:\n]{3,100}?)\s*$|^\s*(?P<b>[^:\n]{3,100}?)\s*:\s*$")
_MAX_LABEL_WORDS = 12


def _label_before(sentences: Sequence[Sentence], k: int) -> str:
    """Return the speaker of a label line right before the quotation at ``k``, else "".

    The label is the only sentence of the paragraph before the quotation's, a speaker
    (:func:`is_speaker`) of at most :data:`_MAX_LABEL_WORDS` words, marked by a leading
    "::" or a final colon.
    """
    if k == 0:
        return ""
    label = sentences[k - 1]
    if label.paragraph != sentences[k].paragraph - 1 or (
        k > 1 and sentences[k - 2].paragraph == label.paragraph
    ):
        return ""
    m = _LABEL.match(label.text)
    if m is None:
        return ""
    who = (m.group("a") or m.group("b") or "").strip()
    if len(who.split()) > _MAX_LABEL_WORDS or not is_speaker(who):
        return ""
    # a role or body names the speaker ("Name, rebel commander"); a bare name may be a
    # place line (":: Hama, Syria")
    if not any(speaker_head(w.strip(",.")) for w in who.split()):
        return ""
    return who


# the signature line of an embedded social-media post: "— Name (@handle) December 6, 2024"
_POST_SIGNATURE = re.compile(
    r"^[\u2014\u2013-]\s*(?P<who>[^\n()]{1,80}?\s*\(@\w{1,30}\))\s+"
    r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$",
    re.M,
)
_POST_MAX_CHARS = 300  # a post's lines are short; a longer line is the article's
_POST_MAX_LINES = 4


def _embedded_posts(
    text: str, sentences: Sequence[Sentence], claimed: dict[int, list[int]]
) -> list[tuple[Sentence, str]]:
    """Return the sentences of embedded posts and the account that signs each post.

    A post pasted from a social network ends with its signature line ("— Name (@handle)
    December 6, 2024"); its text is the short lines just above it (up to
    ``_POST_MAX_LINES``, stopping at a line as long as a paragraph of the article).
    """
    if "(@" not in text:
        return []
    out: list[tuple[Sentence, str]] = []
    for m in _POST_SIGNATURE.finditer(text):
        who = m.group("who").strip()
        end = m.start()
        start = end
        for _ in range(_POST_MAX_LINES):
            if start <= 0:
                break
            prev = text.rfind("\n", 0, start - 1) + 1
            line = text[prev : start - 1]
            if not line.strip() or len(line) > _POST_MAX_CHARS or _POST_SIGNATURE.match(line):
                break
            start = prev
        out.extend((s, who) for s in sentences if start <= s.start < end and s.start in claimed)
    return out


def _closes(text: str) -> int | None:
    """Offset of the first closing quote of a text that did not open it, else None."""
    depth = 0
    for m in QUOTE_MARKS.finditer(text):
        ch = m.group(0)
        if ch == _OPEN:
            depth += 1
        elif ch == _CLOSE:
            if depth == 0:
                return m.start()
            depth -= 1
        else:
            if depth == 0:
                return m.start()
            depth -= 1
    return None


# between a reporting verb and its colon only an adjunct may stand ("said in a statement
# on Telegram:"), not a clause ("said they took three towns: X, Y and Z")
_ADJUNCT = re.compile(
    r"\s*(?:(?:in|on|to|via|through|at|during|late|early|earlier|later|today|yesterday|"
    r"also|further|shortly|after)\b[^:;]{0,60})?\s*"
)


def _colon_passages(
    sentences: Sequence[Sentence],
    cues: Callable[[Sentence], list[StanceCue]],
    speaker: Callable[[Sentence, StanceCue], str],
    claimed: dict[int, list[int]],
) -> list[tuple[Sentence, str]]:
    out: list[tuple[Sentence, str]] = []
    for k, s in enumerate(sentences):
        colon = s.text.find(":")
        if colon < 0 or not any(
            t.start in claimed for t in sentences[k : k + 40] if t.paragraph <= s.paragraph + 1
        ):
            continue
        at = s.start + colon
        cue = next(
            (
                c
                for c in reversed(cues(s))
                if c.stance == "attributed"
                and c.claimant
                and c.end <= at
                and _ADJUNCT.fullmatch(s.text[c.end - s.start : colon]) is not None
            ),
            None,
        )
        if cue is None:
            continue
        who = speaker(s, cue)
        if not who:
            continue
        rest = [t for t in sentences[k + 1 :] if t.paragraph == s.paragraph]
        if not rest and not s.text[colon + 1 :].strip():
            # "The army said in a statement:" ends its paragraph: the next one is the text
            rest = [t for t in sentences[k + 1 :] if t.paragraph == s.paragraph + 1]
        for t in rest:
            if any(c.stance == "attributed" for c in cues(t)):
                break  # another speaker takes over
            out.append((t, who))
    return out


def _pointing_back(
    sentences: Sequence[Sentence],
    cues: Callable[[Sentence], list[StanceCue]],
    speaker: Callable[[Sentence, StanceCue], str],
    by_start: dict[int, list[int]],
) -> list[tuple[Sentence, str]]:
    out: list[tuple[Sentence, str]] = []
    for k, s in enumerate(sentences):
        if k == 0 or s.start in by_start:
            continue
        if sentences[k - 1].start not in by_start:
            continue  # nothing before it to attribute
        back = next((c for c in cues(s) if c.rule.startswith("back_")), None)
        if back is None:
            continue
        who = speaker(s, back)
        if who:
            out.append((sentences[k - 1], who))
    return out


def _confirmations(
    sentences: Sequence[Sentence],
    cues: Callable[[Sentence], list[StanceCue]],
    speaker: Callable[[Sentence, StanceCue], str],
    by_start: dict[int, list[int]],
    *,
    rule: str = "confirm_back",
) -> list[tuple[Sentence, Sentence, str]]:
    """Return ``(confirming sentence, sentence before, speaker)`` triples (rule 4).

    ``rule`` is the cue that confirms (``confirm_back``) or repeats the sentence before
    (``same_back``: "the monitor reported the same thing").
    """
    out: list[tuple[Sentence, Sentence, str]] = []
    for k, s in enumerate(sentences):
        if k == 0 or s.start in by_start or sentences[k - 1].start not in by_start:
            continue
        found = cues(s)
        confirm = next((c for c in found if c.rule == rule), None)
        if confirm is None or any(c.stance in ("unverified", "denied") for c in found):
            continue  # "could not confirm the report" is no confirmation
        who = speaker(s, confirm)
        if who:
            out.append((s, sentences[k - 1], who))
    return out


_LOSSES = frozenset({"lost", "withdrew"})


def _headlines(sentences: Sequence[Sentence], out: list[Any], replace: Callable[..., Any]) -> None:
    heads = headline_sentences(sentences)
    starts = {s.start for s in sentences if s.index in heads}
    body = [c for c in out if c.start not in starts]
    if heads:
        for i in range(len(out)):
            if out[i].start in starts:
                out[i] = _as_body_claim(out[i], body, replace, "headline")
        for i in range(len(out)):
            # "SNA liberates X from the YPG": the loser's row of a headline follows the
            # taker's row the body reports (the body need not word the loss)
            c = out[i]
            if c.start not in starts or c.stance != "asserted" or c.relation not in _LOSSES:
                continue
            taker = next(
                (
                    o
                    for o in out
                    if o.start == c.start
                    and o.place_id == c.place_id
                    and o.relation in ("captured", "entered")
                    and o.stance in ("attributed", "unverified")
                ),
                None,
            )
            if taker is not None:
                out[i] = replace(
                    c,
                    stance=taker.stance,
                    claimant=taker.claimant,
                    claimant_side=taker.claimant_side,
                    note=_join(c.note, "headline: as its taker's claim"),
                )
    # a live page's entry titles ("14:15 GMT - SDF stays in Deir ez-Zor"): the entry's own
    # first paragraph reports what its title states
    titles = section_titles(sentences, heads)
    if not titles:
        return
    # the claims of each paragraph and of each sentence start, indexed once: a page of many
    # entries no longer reads every claim for every title
    paragraph_of = {s.start: s.paragraph for s in sentences}
    in_paragraph: dict[int, list[int]] = {}
    at_start: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        paragraph = paragraph_of.get(c.start)
        if paragraph is not None:
            in_paragraph.setdefault(paragraph, []).append(i)
        at_start.setdefault(c.start, []).append(i)
    for title in titles:
        entry = [out[i] for i in in_paragraph.get(title.paragraph + 1, ())]
        for i in at_start.get(title.start, ()):
            out[i] = _as_body_claim(out[i], entry, replace, "entry title")


def _as_body_claim(c: Any, body: Sequence[Any], replace: Callable[..., Any], what: str) -> Any:
    """Return a title's asserted claim with the stance of the body's report of it.

    A title that itself names its source ("... : monitor") and whose body report the page
    could not verify is unverified too.
    """
    if c.stance not in ("asserted", "attributed"):
        return c
    family = RELATION_FAMILY.get(c.relation, c.relation)
    # a title that states a claim follows the body's report of it, never a denial of it
    # ("army pulls back from the city" over "a source denied the city had fallen")
    same = [
        b for b in body if b.place_id == c.place_id and b.side == c.side and b.stance != "denied"
    ]
    match = next((b for b in same if b.relation == c.relation), None) or next(
        (b for b in same if RELATION_FAMILY.get(b.relation, b.relation) == family), None
    )
    if match is None or match.stance == "asserted":
        return c
    if c.stance == "attributed" and match.stance != "unverified":
        return c  # a title's own source stays its claimant
    return replace(
        c,
        stance=match.stance,
        claimant=match.claimant,
        claimant_side=match.claimant_side,
        note=_join(c.note, f"{what}: as the body claim at {match.start}"),
    )


def section_titles(sentences: Sequence[Sentence], heads: set[int]) -> list[Sentence]:
    """Return the titles of a live page's entries and of an article's sections.

    A title is the only sentence of its paragraph, not a headline (``heads``), at most
    :data:`_MAX_HEADLINE_WORDS` words, without a final full stop, question or exclamation
    mark or colon, and followed by a paragraph.
    """
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    out = []
    for paragraph, group in by_paragraph.items():
        if len(group) != 1 or group[0].index in heads or paragraph + 1 not in by_paragraph:
            continue
        text = group[0].text.rstrip(" \"'\u201d\u2019")
        if len(text.split()) <= _MAX_HEADLINE_WORDS and not text.endswith((".", "!", "?", ":")):
            out.append(group[0])
    return out
