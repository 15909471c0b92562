"""Tracked changes as pure functions: a reviewer's version becomes changes the writer settles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter_app.domain.changes import (
    DELETED,
    INSERTED,
    PLAIN,
    Unplaceable,
    apply,
    apply_in_order,
    diff,
    excerpt,
    locate,
    preview,
)

ACCEPTED = "坚持就业优先战略，到2026年底前全省城镇新增就业不少于50万人。"


def changes_of(old: str, new: str, who: str = "李核稿"):
    return diff("document.body", old, new, author_name=who, author_id=3, made_at="2026-03-02T10:00")


def test_a_reworded_phrase_is_one_change_with_its_context():
    changes = changes_of(ACCEPTED, ACCEPTED.replace("就业优先战略", "就业优先政策"))
    assert [(c.old, c.new) for c in changes] == [("战略", "政策")]
    assert changes[0].context == "坚持就业优先"
    assert changes[0].author_name == "李核稿" and changes[0].author_id == 3


def test_edits_one_or_two_characters_apart_merge_and_three_apart_do_not():
    merged = changes_of("甲乙丙丁戊", "A乙丙B戊")  # 乙丙 unchanged between: one change
    assert [(c.old, c.new) for c in merged] == [("甲乙丙丁", "A乙丙B")]
    apart = changes_of("甲乙丙丁戊", "A乙丙丁B")  # three unchanged: two changes
    assert [(c.old, c.new) for c in apart] == [("甲", "A"), ("戊", "B")]


def test_context_is_at_most_twenty_characters_before():
    text = "一" * 30 + "二"
    change = changes_of(text, "一" * 30 + "三")[0]
    assert change.context == "一" * 20 and change.offset == 30


def test_no_edit_no_change():
    assert changes_of(ACCEPTED, ACCEPTED) == []


def test_locate_finds_a_change_again_after_the_text_before_it_grew():
    change = changes_of(ACCEPTED, ACCEPTED.replace("50万人", "60万人"))[0]
    moved = "（修订）" + ACCEPTED
    at = locate(moved, change)
    assert at == change.offset + 4
    assert apply(moved, change) == "（修订）" + ACCEPTED.replace("50万人", "60万人")


def test_a_change_whose_text_is_gone_cannot_be_placed():
    change = changes_of(ACCEPTED, ACCEPTED.replace("50万人", "60万人"))[0]
    rewritten = "全文已重写。"
    assert locate(rewritten, change) is None
    with pytest.raises(Unplaceable, match="只能拒绝"):
        apply(rewritten, change)


def test_preview_shows_deleted_and_inserted_text_by_author():
    edited = ACCEPTED.replace("城镇", "").replace("战略", "政策")
    segments = preview(ACCEPTED, changes_of(ACCEPTED, edited, "王领导"))
    assert "".join(s.text for s in segments if s.kind != INSERTED) == ACCEPTED
    assert "".join(s.text for s in segments if s.kind != DELETED) == edited
    assert {s.author_name for s in segments if s.kind != PLAIN} == {"王领导"}


def test_excerpt_shows_the_change_in_its_surroundings():
    change = changes_of(ACCEPTED, ACCEPTED.replace("50万人", "60万人"))[0]
    kinds = [s.kind for s in excerpt(ACCEPTED, change, around=4)]
    assert kinds == [PLAIN, DELETED, INSERTED, PLAIN]


# -- properties -----------------------------------------------------------------------------
ALPHABET = st.sampled_from(list("政策解读就业补贴，。、的一二三AB12\n"))
texts = st.text(ALPHABET, max_size=60)


@st.composite
def edits(draw):
    accepted = draw(texts)
    edited = list(accepted)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        at = draw(st.integers(0, len(edited)))
        piece = draw(st.text(ALPHABET, min_size=1, max_size=5))
        if kind == "insert" or not edited:
            edited[at:at] = piece
        elif kind == "delete":
            del edited[at:at + len(piece)]
        else:
            edited[at:at + len(piece)] = piece
    return accepted, "".join(edited)


@settings(max_examples=300, deadline=None)
@given(edits())
def test_accepting_all_changes_of_a_diff_in_order_gives_the_edited_text(pair):
    accepted, edited = pair
    text, left_out = apply_in_order(accepted, changes_of(accepted, edited))
    assert left_out == [] and text == edited


@settings(max_examples=200, deadline=None)
@given(edits())
def test_rejecting_all_leaves_the_accepted_text_and_preview_holds_both(pair):
    accepted, edited = pair
    changes = changes_of(accepted, edited)
    assert apply_in_order(accepted, []) == (accepted, [])
    segments = preview(accepted, changes)
    assert "".join(s.text for s in segments if s.kind != INSERTED) == accepted
    assert "".join(s.text for s in segments if s.kind != DELETED) == edited


@settings(max_examples=300, deadline=None)
@given(edits(), st.data())
def test_accepting_any_subset_places_every_accepted_change(pair, data):
    accepted, edited = pair
    changes = changes_of(accepted, edited)
    chosen = [c for c in changes if data.draw(st.booleans())]
    text, left_out = apply_in_order(accepted, chosen)
    assert left_out == []
    for change in chosen:
        assert change.new in text
    expected = accepted  # the same changes made from the end backwards, offsets untouched
    for change in reversed(chosen):
        expected = expected[:change.offset] + change.new + expected[change.offset + len(change.old):]
    assert text == expected
