from hypothesis import given
from hypothesis import strategies as st

from syriamap.extract.sentences import split_sentences


def texts(s):
    return [x.text for x in split_sentences(s)]


def test_abbreviations_and_initials():
    assert texts("The U.N. envoy met Mr. Pedersen. George W. Bush was not there.") == [
        "The U.N. envoy met Mr. Pedersen.",
        "George W. Bush was not there.",
    ]


def test_quotes_and_glued_full_stop():
    assert texts("“Damascus is waiting,” he said. “the advance continues.” Then.It went.") == [
        "“Damascus is waiting,” he said.",
        "“the advance continues.”",
        "Then.",
        "It went.",
    ]
    assert texts("closer than ever before.The Observatory said so.") == [
        "closer than ever before.",
        "The Observatory said so.",
    ]


def test_spans_are_offsets():
    text = "Header\n\nRebels took Hama. Troops left Homs."
    body = [(8, len(text))]
    for s in split_sentences(text, body):
        assert text[s.start : s.end] == s.text


@given(st.text(alphabet="ab. XY\n\u201c\u201d", max_size=80))
def test_offsets_always_verbatim(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
