"""Stance and claimant: who says so, and whether the text stands behind it.

Stage: stance. Cues come from ``data/lexicon/stance.csv``, claimant sides from
``data/lexicon/claimants.csv`` and the actor lexicon. Rules for a claim whose cue word sits
at position ``pos`` of a sentence:

1. an *unverified* cue anywhere in the sentence ("could not independently verify", "has not
   confirmed", "it was not possible to verify") → ``unverified``; a sentence that only says
   "these reports have not been confirmed" passes the stance back to the attributed claims
   of the sentences just before it (see :func:`refers_back`);
2. a *denial* cue before ``pos`` ("denied", "there is no truth to news claiming"), or one
   that calls the reported content false after it ("reports claiming that X ... are
   completely incorrect") → ``denied``;
3. an *attribution* cue in the sentence ("said", "according to", "told Reuters", "announced
   on Telegram", "a statement by", "reportedly") → ``attributed``, unless a subordinate
   clause stands between it and the claim ("when", "after", a participle; not ", citing
   ...", "shortly after that" or a concession inside the report); a hedge ("reportedly")
   and a possessive claim ("the rebels' assertion of ...") cover their own clause only;
4. otherwise ``asserted`` (the text itself says it).

The claimant is the speaker the deciding cue points at (:func:`find_claimant`): after
"according to", before "said" (or after it, in "..., said rebel commander X"), a noun
phrase that can speak (:mod:`syriamap.extract.speakers`); when that cue names nobody, the
nearest other attribution or denial cue of the sentence does (:func:`claimant_of`); a
hedge without a speaker gives ``unnamed ('reportedly')`` (:func:`unnamed_claimant`). Its
side (:func:`claimant_side`) is the first match in ``claimants.csv`` (monitors and agencies
→ ``neutral``), else the side of the first actor named in it, else ``""``; a joint claim
of two sides is ``neutral``. Attributions that reach across sentences are the job of
:mod:`syriamap.extract.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .english import QUOTE_MARKS
from .lexicon import read_lexicon
from .prefilter import StemIndex, word_prefixes
from .speakers import APPOSITIVE as _ROLE
from .speakers import clean_speaker, has_verb, is_speaker, speaker_before, subject_before

__all__ = [
    "StanceCue",
    "claimant_of",
    "claimant_side",
    "find_claimant",
    "find_stance_cues",
    "back_reference",
    "opens_with_new_speaker",
    "refers_back",
    "stance_at",
    "unnamed_claimant",
]

_BOUNDARY_BEFORE = re.compile(
    r"(?:[,;:\"\u201c\u201d\u2014]|\bthat\b|\bwhile\b|\bwhen\b|\bbut\b|\bas\b|"
    # subordinating conjunctions open a new clause: "... after the army said ..."
    r"\bafter\b|\bbefore\b|\bbecause\b|\bsince\b|\balthough\b|\bthough\b|\bwhereas\b|"
    r"\band\b(?= [a-z]+ (?:said|says)))"
)
_BOUNDARY_AFTER = re.compile(
    r"[,;:.(\"\u201c\u201d\u2014]|\bthat\b|\bon\b|\bin a\b|\bin an\b|\bas (?:saying|telling)\b"
)
_APPOSITION = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:head|chief|leader|commander|spokesman|spokeswoman|"
    r"spokesperson|director|founder|member|editor|official|a|an|the)\b[^,.;]{0,120}"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their"})
_REPORT_NOUNS = (
    r"(?:reports?|claims?|moves?|accounts?|developments|gains|advances|assertions?|statements?|"
    r"figures?)"
)
_REFERS_BACK = re.compile(
    rf"\b(?:these|those|the|such|this|that|his|her|their|its) {_REPORT_NOUNS}\b|\bit\b|"
    # "We have not been able to verify this independently"; in "could not verify this
    # report" the determiner belongs to the noun (one speaker's report), not a bare "this"
    r"\b(?:verify|verified|confirm|confirmed|corroborate|corroborated)\s+(?:this|that|these|those|"
    rf"them)\b(?!\s+{_REPORT_NOUNS}\b)",
    re.I,
)
_LEAD_FILLER = re.compile(r"^(?:and|but|however|meanwhile|also|earlier|later|while)\s+", re.I)


@dataclass(frozen=True, slots=True)
class StanceCue:
    """A stance cue: offsets (in the document), stance and how to find the claimant."""

    start: int
    end: int
    stance: str
    claimant: str
    rule: str


@lru_cache(maxsize=1)
def _cues() -> tuple[
    tuple[str, str, str, re.Pattern[str], frozenset[str], tuple[frozenset[str], ...]], ...
]:
    from .prefilter import factor_word_list, first_char_guard
    from .relations import required_stems, stems_of

    def compiled(pattern: str) -> re.Pattern[str]:
        # the same matches, found faster: the list factored, a first-character test first
        factored = factor_word_list(pattern, r"\b", r"\b")
        return re.compile(first_char_guard(factored) + factored, re.I)

    return tuple(
        (
            row["cue"],
            row["stance"],
            row["claimant"],
            compiled(row["pattern"]),
            stems_of(row["pattern"].replace("\\b", " ")),
            required_stems(row["pattern"]),
        )
        for row in read_lexicon("stance.csv")
    )


@lru_cache(maxsize=1)
def _cue_index() -> StemIndex:
    """Index the cues (file order) by the word stems a match of each needs."""
    return StemIndex((stems, required) for *_head, stems, required in _cues())


_LEADING_MARK = re.compile(r"(?:\(\?<[=!][^()]*\))*([:;])")


@lru_cache(maxsize=1)
def _marks() -> dict[str, str]:
    """Return the punctuation mark each cue's matches begin with, where there is one.

    A pattern without alternatives that starts (after look-behinds) with a colon or
    semicolon cannot match a sentence without it: a check as exact as the stems, for
    cues that have none.
    """
    out = {}
    for row in read_lexicon("stance.csv"):
        m = _LEADING_MARK.match(row["pattern"])
        if m and "|" not in row["pattern"]:  # no alternative that might do without it
            out[row["cue"]] = m.group(1)
    return out


@lru_cache(maxsize=1)
def _claimant_sides() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(row["pattern"], re.I), row["side"]) for row in read_lexicon("claimants.csv")
    )


# an unconfirmed matter that is no control claim, right before the cue in its clause:
# "Assad's whereabouts are not officially confirmed", "the death toll could not be verified"
_OTHER_MATTER = re.compile(
    r"\b(?:whereabouts|fate|death\s+toll|toll|casualt(?:y|ies)\s+(?:figures?|numbers?|counts?)|"
    r"casualties|number\s+of\s+(?:dead|deaths|casualties|victims|people|those)|figures?|"
    r"identity|identities|cause|circumstances|details|authenticity\s+of\s+the\s+(?:letter|"
    r"statement|document))\b[^;,.]{0,40}$",
    re.I,
)


def find_stance_cues(text: str, *, offset: int = 0) -> list[StanceCue]:
    """Find the stance cues of a sentence (offsets shifted by ``offset``).

    Examples
    --------
    >>> [(c.stance, c.rule) for c in find_stance_cues("SOHR said rebels took Hama.")]
    [('attributed', 'attributed_said')]
    """
    return list(_stance_cues(text, offset))


@lru_cache(maxsize=64)
def _stance_cues(text: str, offset: int) -> tuple[StanceCue, ...]:
    """Return the cues of :func:`find_stance_cues`, cached for the last sentences.

    The sentence loop, the cross-sentence rules and the pronoun lookback ask for the
    cues of the same sentence again; the cache holds the last 64 sentences, about two
    articles, so it never spans far beyond one document.
    """
    out: list[StanceCue] = []
    taken: list[tuple[int, int]] = []
    present = word_prefixes(text)
    table = _cues()
    marks = _marks()
    for order in _cue_index().woken(present):  # file order: an earlier cue wins an overlap
        rule, stance, claimant, pattern, _stems, _required = table[order]
        if rule in marks and marks[rule] not in text:
            continue  # "X: Sources" needs its colon
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            if _NOUN_POSTS.fullmatch(m.group()) and _DETERMINER_BEFORE.search(text, 0, a):
                continue  # "abandoned their posts in X": military posts, not posting
            if rule == "attributed_headline_colon" and _KICKER.fullmatch(text, 0, a):
                continue  # "Syria: Rebels Enter Homs": a kicker before the headline
            if stance == "unverified" and _OTHER_MATTER.search(text, max(0, a - 60), a):
                continue  # "Assad's whereabouts are not confirmed": not the claim's truth
            taken.append((a, b))
            out.append(StanceCue(a + offset, b + offset, stance, claimant, rule))
    out.sort(key=lambda c: c.start)
    return tuple(out)


# a kicker before a headline's colon ("Syria: Rebels Enter Homs", "BREAKING: ..."): the words
# after the colon are the headline, not its source
_KICKER = re.compile(
    r"\W*(?:syria|breaking|breaking news|live|live updates?|updates?|watch|video|exclusive|"
    r"analysis|explainer|opinion|just in|developing)\W*",
    re.I,
)
# "posts" after a determiner or a military word is the noun ("their posts", "border posts")
_NOUN_POSTS = re.compile(r"posts", re.I)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|their|its|his|our|your|several|many|some|all|military|border|"
    r"observation|security|guard|forward|front|police)\s+$",
    re.I,
)


_RESULT = re.compile(
    r",\s*(?:leading|forcing|prompting|causing|resulting|pushing|culminating|ending|sparking|"
    r"triggering)",
    re.I,
)
# a cue whose report opens with "that" ("told Reuters that", "said on Monday that"): what
# follows up to the end of the sentence, a result participle included, is the report
_THAT_REPORT = re.compile(r"^(?:\s+[\w.'\u2019-]+){0,6}?\s+that\b", re.I)
_SUBORDINATE = re.compile(
    # "after that" / "shortly after," are adverbs, not the start of a clause; ", citing
    # a correspondent," and ", quoting ..." belong to the attribution itself
    r"\b(?:when|while|whereas|because|although|though|but|before|since|until)\b|"
    r"(?<!shortly )(?<!soon )(?<!just )\bafter\b(?!\s+that\b|\s*,)|"
    r"\bas\s+(?:they|he|she|it|we)\b|"
    r",\s*(?:\w+ly\s+)?(?!including|according|citing|quoting|referring)\w+ing\b",
    re.I,
)
# "the army claimed to have redeployed ... after rebels seized X": the report is the
# speaker's own action, the subordinate clause is the writer's
_IN_RELATIVE = re.compile(r",\s*(?:which|where|who)\b[^,;]*$", re.I)
# a reporting cue inside a relative clause that opens after the claim
_CUE_IN_RELATIVE = re.compile(r",\s*(?:which|who|whom)\s+(?:[\w'\u2019-]+\s+){0,5}$", re.I)
# an aside set off by a pair of dashes or by brackets ("denied reports by media — including
# A, B — claiming ..."): no boundary between a denial and the attribution it takes in
_ASIDE = re.compile(r"\s[\u2014\u2013]\s[^\u2014\u2013]*?\s[\u2014\u2013]\s|\s?\([^()]*\)")
_TEMPORAL = re.compile(r"after|before|when|since|until|because", re.I)
_INFINITIVE = re.compile(r"\s+to\b", re.I)
# a fronted adjunct before the reporting clause: "Following X's fall, activists reported
# ...", "After the capture of X, the monitor said ..." (the writer's, not the speaker's)
_FRONTED = re.compile(
    r"\W*(?:following|after|since|with|amid|amidst|despite|before|upon|"
    r"on the heels of|in the wake of)\b[^,;:\"\u201c\u201d]*,",
    re.I,
)
# a cue whose object is a noun phrase, not a reported clause: "claimed control of X"
_NOUN_OBJECT = re.compile(
    r"\s+(?:full |total |complete )?(?:control|victory|responsibility|credit|the capture|"
    r"the takeover|the liberation|the seizure)\b",
    re.I,
)
# ... followed by a second verb of the same subject: "... and advanced towards Y"
_NEW_PREDICATE = re.compile(r"\band\s+(?:then\s+|later\s+)?[a-z]+ed\b", re.I)
_CLOSING = re.compile(r"\s*(?:on \w+|\w+ly|in a statement)?\s*[.!?\"\u201d']*\s*$", re.I)
# the comma that closes a parenthetical attribution ("X, she said, ..."): the cue's last word
_PARENTHESIS_CLOSES = re.compile(r"(?:\s+on\s+\w+day)?\s*,", re.I)
_CLAUSE_AFTER_CUE = re.compile(r",\s*(?:which|who|as|while|when|and)\b|;", re.I)


# a quotation opened right after an attribution cue and not closed before the claim
_QUOTE_OPENS = re.compile(r"\s*[:,]?\s*[\"\u201c][^\"\u201d]*$")


def stance_at(
    cues: list[StanceCue],
    pos: int,
    text: str = "",
    offset: int = 0,
    *,
    claims: Sequence[int] = (),
) -> tuple[str, StanceCue | None]:
    """Return the stance of a claim at document position ``pos`` and the deciding cue.

    ``text`` (the sentence) and ``offset`` (its start) let the scope rules look at the words
    between a cue and the claim: an attribution does not reach across "when", "after",
    "although"... ("The rebels declared victory when they seized Homs" is asserted); an
    attribution right after a denial is what is denied ("there is no truth to news
    claiming ..."); an unverified cue covers the claims before it and those right after
    it, not a clause that follows (", which came as rebels claimed ...").
    ``claims`` (document positions of the sentence's other claim cues): when the reported
    content already holds a claim before the subordinate clause, the clause is part of the
    report ("SOHR reported that rebels took X on Friday, after the army withdrew from it").
    The attribution cue is returned with an unverified or denied stance when there is one,
    since it names the claimant.
    """

    def between(a: int, b: int) -> str:
        return text[max(0, a - offset) : max(0, b - offset)] if text else ""

    denials = [c for c in cues if c.stance == "denied"]
    attributed = []
    for c in cues:
        if c.stance != "attributed":
            continue
        if abs(c.start - pos) > REACH:
            continue  # a run-on "sentence" of a pasted page: keep the cost linear
        if any(_part_of_denial(between(d.end, c.start), c.start - d.end) for d in denials):
            continue  # "denied claims that", "no truth to news claiming": part of the denial
        gap = between(c.end, pos) if c.start < pos else between(pos, c.start)
        if (
            c.start > pos
            and between(c.start, c.end).lower().endswith("ing")
            and re.search(r",\s*$", between(offset, c.start))
        ):
            continue  # "The army withdrew from X, saying ...": the participle reports what
            # follows it, the main clause is the writer's
        if c.start > pos and (";" in gap or _IN_RELATIVE.search(between(offset, pos))):
            # "X fell; the army says ...", "In X, which rebels took in May, residents said
            # ...": a later attribution does not reach back into another clause
            continue
        if (
            c.start < pos
            and ";" in gap
            and len(QUOTE_MARKS.findall(gap)) % 2 == 0
            # "According to X, A; B": an opening "according to" covers the sentence
            and not (
                c.rule == "attributed_according"
                and not between(offset, c.start).strip(" \"'\u201c")
            )
        ):
            # "Rebels say they have taken X; Y falls overnight": nor does an earlier one
            # reach past a semicolon into the next clause (unless a quotation goes on)
            continue
        if (
            c.start < pos
            and _NOUN_OBJECT.match(gap)
            and _NEW_PREDICATE.search(between(c.end, pos + 30))
        ):
            continue  # "rebels claimed control of X and advanced towards Y": the second
            # verb is the writer's, the claim covers only its noun object
        if c.start > pos and _CUE_IN_RELATIVE.search(between(pos, c.start)):
            continue  # "took X, which Israel says is a temporary measure": the speaker of a
            # relative clause after the claim speaks of that clause only
        if c.start > pos and _in_fronted_adjunct(text, c, pos, offset):
            continue  # "Following X's fall, activists reported ...": the writer's
        if c.rule == "attributed_possessive" and (c.start > pos or re.search(r"[,;:]", gap)):
            continue  # "the rebels' assertion of encircling X": only its own phrase
        if (
            c.rule == "attributed_hedge"
            and re.search(r"[,;:]", gap)
            and between(offset, c.start).strip(" \"'\u201c")
        ):
            # "While Assad remains in Damascus, his family reportedly fled": a hedge
            # covers its own clause only (a sentence-initial "Reportedly," covers all)
            continue
        sub = _SUBORDINATE.search(gap)
        if (
            sub
            and c.rule == "attributed_according"
            and not between(offset, c.start).strip(" \"'\u201c")
        ):
            sub = None  # "According to X, after ..., rebels seized Y": the whole sentence
        if (
            sub
            and c.start < pos
            and _PARENTHESIS_CLOSES.match(text, c.end - offset)
            and not any(q < c.start for q in claims)
            # only a fronted phrase and the speaker stand before it, no clause of claims
            and len(between(offset, c.start).split()) <= 8
        ):
            # "Since 27 November, she said, armed groups had taken X, while factions took Y":
            # a parenthesis before the main clause reports the whole sentence
            sub = None
        if (
            sub
            and c.start < pos
            and sub.group(0).lower() == "while"
            and not gap[: sub.start()].rstrip().endswith((",", ";"))
            and _THAT_REPORT.match(gap[: sub.start()])
        ):
            sub = None  # "AP said that Assad was ousted while rebels stormed X": no comma,
            # the "while" clause is part of the reported content
        if sub and c.start < pos and _QUOTE_OPENS.match(gap):
            sub = None  # 'He said: "When the regime forces fled X, ..."': the quotation
            # the cue opens is the speaker's to its end, subordinate clauses included
        if sub and c.start < pos and sub.group(0).lower() in ("although", "though"):
            sub = None  # "State TV said rebels had not entered X, although they were on
            # its outskirts": a concession inside the report is still the speaker's
        if sub and not (c.start > pos and _final(text, c, offset)):
            inside = (
                c.start < pos
                and (
                    _TEMPORAL.fullmatch(sub.group(0)) is not None
                    # "The army confirmed rebels had entered X, leading to the redeployment
                    # of its units": the result is part of the report
                    or _RESULT.fullmatch(sub.group(0)) is not None
                )
                and not _INFINITIVE.match(text, c.end - offset)
                and (
                    any(c.end <= q < c.end + sub.start() for q in claims if q != pos)
                    # "Sources told X that rebels launched battles, culminating in the
                    # capture of Y": the result belongs to the reported content
                    or (
                        _RESULT.fullmatch(sub.group(0)) is not None
                        and _THAT_REPORT.match(between(c.end, c.end + sub.start())) is not None
                    )
                )
            )
            if not inside:
                continue
        attributed.append(c)
    source = min(attributed, key=lambda c: abs(c.start - pos)) if attributed else None
    fronted = bool(re.match(r"\W*(?:while|although|though|whereas|even though)\b", text, re.I))
    for c in cues:
        if c.stance != "unverified":
            continue
        gap = between(c.end, pos)
        # "While X has not been verified, it coincides with Y": the cue's clause ends at
        # the first comma
        if c.start > pos or not (_CLAUSE_AFTER_CUE.search(gap) or (fronted and "," in gap)):
            return "unverified", source
    later = [
        d
        for d in denials
        if d.rule == "denied_predicate"
        and d.start > pos
        and ";" not in between(pos, d.start)
        and any(c.start < pos and c.rule != "attributed_hedge" for c in attributed)
    ]
    if later:
        # "Reports claiming that troops reached X are completely incorrect": the reports'
        # content is denied; "..., the ministry said" after it names the denier
        speaker = [c for c in attributed if c.start > later[0].end and c.rule == "attributed_said"]
        return "denied", speaker[0] if speaker else later[0]
    before = [d for d in denials if d.start < pos]
    if before:
        last = before[-1]
        # "X denied ..., but SOHR said Y": an attribution between the denial and the claim
        if not any(last.end <= c.start < pos for c in attributed):
            return "denied", last
    if source is not None:
        return "attributed", source
    return "asserted", None


def _part_of_denial(gap: str, distance: int) -> bool:
    """Whether an attribution ``distance`` characters after a denial is what it denies.

    "denied claims that", "no truth to news claiming": close, no comma, ";" or "but"
    between; an aside between dashes or brackets does not count ("denied reports by media
    — including A, B — claiming ...").
    """
    inner = _ASIDE.sub(" ", gap)
    return 0 <= distance <= 80 + len(gap) - len(inner) and re.search(r"[,;]|\bbut\b", inner) is None


def _in_fronted_adjunct(text: str, cue: StanceCue, pos: int, offset: int) -> bool:
    """Whether the claim at ``pos`` stands in a sentence-initial adjunct before the cue.

    "Following X's fall, activists reported an exodus": the adjunct ("Following ...,")
    is the writer's framing, the report starts after its comma. A cue that closes the
    sentence (", the monitor said.") still covers everything before it.
    """
    if not text:
        return False
    m = _FRONTED.match(text)
    if m is None or not (pos - offset < m.end() <= cue.start - offset):
        return False
    # the cue closes the sentence: nothing but a day, an adverb or its speaker after it
    rest = text[cue.end - offset :]
    if _CLOSING.match(rest):
        return False
    tail = rest.strip().rstrip(".!?\"\u201d' ")
    return not (len(tail.split()) <= 8 and is_speaker(tail))


def _final(text: str, cue: StanceCue, offset: int) -> bool:
    """Whether the cue closes the sentence (", two security sources said.").

    Such a cue covers the whole sentence.
    """
    if not text:
        return False
    head = text[: cue.start - offset]
    comma = max(head.rfind(","), head.rfind("\u201d"), head.rfind('"'))
    if comma < 0:
        return False
    tail = text[comma + 1 :]
    if len(tail.split()) <= 10 and not re.search(r"[,;]", tail.rstrip(' .!?\u201d"')):
        return True
    speaker = text[comma + 1 : cue.start - offset]
    if (
        head[comma] in '\u201d"'
        and len(speaker.split()) <= 10
        and not re.search(r"[,;:]|\b(?:that|which|who|when|after|as)\b", speaker, re.I)
    ):
        # "“...,” the General Command of the Army said in a statement carried by state
        # media on Saturday": the reporting clause after a closing quotation covers it
        return True
    # ", a war monitor and the fighters said, in the latest ...": a short reporting clause
    # between commas, followed only by an adjunct
    rest = text[cue.end - offset :]
    return (
        len(speaker.split()) <= 8
        and not re.search(r"\b(?:that|which|who|when|after|as)\b", speaker, re.I)
        and bool(re.match(r"\s*(?:on \w+\s*)?[,.]", rest))
    )


def refers_back(sentence_text: str, *, own_claim: bool = False) -> bool:
    """Whether an unverified sentence points back at the claims of earlier sentences.

    "these reports", "those claims" always do; "the claim", "this report" or "it" only when
    the sentence makes no claim of its own before its cue (else they mean that claim).
    """
    m = _REFERS_BACK.search(sentence_text)
    if m is None:
        return False
    words = m.group(0).lower().split()
    return any(w in ("these", "those", "them") for w in words) or not own_claim


def back_reference(sentence_text: str) -> str | None:
    """Return what an unverified sentence's reference back covers, if it has one.

    ``"sentence"``: a bare "this" / "that" / "it", the sentence just before;
    ``"report"``: a singular reference ("this report", "his account", "their accounts"),
    one speaker's report; ``"recent"``: a plural one ("these reports"), every recent
    report; ``None``: no reference back. (:func:`refers_back` says whether it counts.)

    >>> back_reference("We have not been able to confirm this.")
    'sentence'
    >>> back_reference("The paper could not confirm his account.")
    'report'
    >>> back_reference("These claims could not be verified.")
    'recent'
    """
    m = _REFERS_BACK.search(sentence_text)
    if m is None:
        return None
    words = m.group(0).lower().split()
    first, last = words[0], words[-1]
    if last in ("this", "that", "it"):
        return "sentence"
    if first in ("his", "her", "their", "its"):
        return "report"  # "their accounts": one speaker's (the residents'), however many
    plural = first in ("these", "those") or last in ("these", "those", "them")
    if plural or (last.endswith("s") and last not in ("this", "its", "his")):
        return "recent"
    return "report"


# a sentence opened by a speaker other than a pronoun ("Residents of X told the paper that
# ..."): a report of its own, after which "their accounts" no longer means an earlier one
_NEW_SPEAKER = re.compile(
    r"\s*(?!(?:He|She|They|It|We)\b)(?-i:[A-Z])[\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,6}?\s+"
    r"(?:told|said|says|say|reported|report)\b"
)


def opens_with_new_speaker(sentence_text: str) -> bool:
    """Whether a sentence opens with a speaker named by more than a pronoun.

    >>> opens_with_new_speaker("Residents of the town told the paper it was quiet.")
    True
    >>> opens_with_new_speaker("He said the officers had left first.")
    False
    """
    return _NEW_SPEAKER.match(sentence_text) is not None


_CLAUSE_START = re.compile(
    r"[;:]|[\u201d\"](?=[,.]?\s)|\b(?:that|while|when|but|after|before|because|since|although|"
    r"though|whereas|where)\b|(?<!well )\bas\b(?! well\b)|\band\b(?= [a-z]+ (?:said|says))",
    re.I,
)


_WORD_CHAR = re.compile(r"\w")
REACH = 800
"""How far (in characters) an attribution cue reaches within a sentence; real sentences
are shorter, run-on text of pasted pages is not read further (linear cost)."""


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts (its last boundary with words after)."""
    for m in reversed(list(_CLAUSE_START.finditer(text, 0, end))):
        if _WORD_CHAR.search(text, m.end(), end):
            return m.end()
    return 0


@lru_cache(maxsize=256)
def find_claimant(text: str, cue: StanceCue, *, offset: int = 0) -> tuple[int, int] | None:
    """Return the ``(start, end)`` document span of the claimant a cue points at, if any.

    ``text`` is the sentence and ``offset`` its start in the document (cached: the claims
    of a sentence share their cues). The claimant is a speaker
    (:func:`~syriamap.extract.speakers.is_speaker`): a phrase that is none ("has so far",
    "the capture of X") is no claimant, and the other side of the cue is tried.
    """
    a, b = cue.start - offset, cue.end - offset
    if cue.claimant == "":
        return None

    def after() -> tuple[int, int] | None:
        rest = text[b:]
        stop = _BOUNDARY_AFTER.search(rest)
        end = stop.start() if stop else len(rest)
        app = _APPOSITION.match(rest[end:]) if stop and rest[end : end + 1] == "," else None
        if app and _ROLE.match(app.group(0).lstrip(" ,")):
            end = end + app.end()  # "according to X, head of the monitor"
        x, y = clean_speaker(rest[:end])
        if y <= x or not is_speaker(rest[x:y]):
            return None
        if cue.claimant == "around" and has_verb(rest[x:y]):
            return None  # "said fighters took X": a clause, no inverted speaker
        first = rest[x:y].split()[0].lower()
        if first in _PRONOUNS and not rest[x:y][:1].isupper():
            return None
        return b + x + offset, b + y + offset

    def before() -> tuple[int, int] | None:
        start = _clause_start(text, a)
        span = speaker_before(text, a, start)
        if span is None and re.search(r",\s*$", text[:a]) and text[a:b].endswith("ing"):
            span = subject_before(text, a, start)  # "X addressed Y, announcing ..."
        if span is None:
            return None
        return span[0] + offset, span[1] + offset

    if cue.claimant == "after":
        return after()
    if cue.claimant == "before":
        return before()
    # around: "..., said rebel commander X" / "X said"
    head = text[:a].rstrip()
    if head.endswith((",", "\u201d", '"', ",\u201d", ',"')) or not head:
        return after() or before()
    return before() or after()


def claimant_of(
    text: str, cues: Sequence[StanceCue], cue: StanceCue, *, offset: int = 0
) -> tuple[int, int] | None:
    """Return the claimant span for the deciding ``cue``, else for another cue of the sentence.

    A denial or a "could not verify" cue names nobody ("there is no truth to news ...");
    nor does a reporting verb whose neighbours are no speaker ("..., and said dozens of its
    soldiers had been killed"): the claimant of the nearest other attribution or denial
    cue of the sentence is taken ("the Ministry of Defence stating, 'There is no truth
    ...'", "The army acknowledged ..."). ``text`` is the sentence, ``offset`` its start.
    """
    span = find_claimant(text, cue, offset=offset)
    if span is not None:
        return span
    others = sorted(
        (c for c in cues if c is not cue and c.claimant and c.stance in ("attributed", "denied")),
        # the denier of "reports that ... are false" speaks after it ("..., the army said")
        key=lambda c: (
            (c.start > cue.start) != (cue.rule == "denied_predicate"),
            abs(c.start - cue.start),
        ),
    )
    for other in others:
        span = find_claimant(text, other, offset=offset)
        if span is not None:
            return span
    return None


def unnamed_claimant(cue: StanceCue | None, text: str, offset: int = 0) -> str:
    """Return the unnamed claimant of a hedged report ("unnamed ('reportedly')"), else "".

    data/ANNOTATION.md records a hedge without a speaker ("reportedly", "are said to") as
    attributed to ``unnamed ('<cue>')``, side ``neutral``.
    """
    if cue is None or cue.rule not in ("attributed_hedge", "attributed_emerged"):
        return ""
    words = text[cue.start - offset : cue.end - offset].lower()
    if words.startswith("appear") or words == "apparently":
        return ""  # the journalist's own hedge, no report
    return f"unnamed ('{words}')"


# a body of an actor named after "of": "the General Command of the SDF", "the media
# office of the Military Operations Command"
_OWNED_BODY = re.compile(
    r"\b(?:command|leadership|council|office|cent(?:re|er)|spokes(?:man|woman|person)|"
    r"statement|media|department|ministry)\s+of\s+(?:the\s+)?",
    re.I,
)


@lru_cache(maxsize=4096)
def claimant_side(claimant: str) -> str:
    """Return the side a claimant speaks for, or ``""`` when unknown.

    Examples
    --------
    >>> claimant_side("the Britain-based Syrian Observatory for Human Rights")
    'neutral'
    >>> claimant_side("Kurdish-led troops")
    'sdf'
    """
    if not claimant:
        return ""
    parts = re.split(r",?\s+(?:and|as well as|&)\s+", claimant)
    if len(parts) > 1:
        # a joint claim ("rebels and military sources", "a war monitor and the fighters"):
        # the monitor's neutral if one speaks, neutral too when the sides differ
        sides = {claimant_side(part) for part in parts if part.strip()}
        sides.discard("")
        if "neutral" in sides or len(sides) > 1:
            return "neutral"
        if sides:
            return sides.pop()
    from .actor_mentions import speaker_actor_mentions

    mentions = speaker_actor_mentions(claimant)
    owner = _OWNED_BODY.search(claimant)
    if owner is not None:
        # "the General Command of the SDF": the body is the owner's, whatever the body's
        # own word would say (a bare "general command" is the army's)
        for mention in mentions:
            if mention.start == owner.end() and mention.side not in ("", "speaker"):
                return mention.side
    best: tuple[int, str] | None = None
    for pattern, side in _claimant_sides():
        m = pattern.search(claimant)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    for mention in mentions:
        if mention.side in ("", "speaker"):
            continue
        if best is None or mention.start < best[0]:
            best = (mention.start, mention.side)
        break
    return best[1] if best else ""
