"""The package workflow as a small pure state machine: states, actions, transitions, guards."""

from __future__ import annotations

from dataclasses import dataclass

DRAFT = "draft"
IN_REVIEW = "in_review"
AWAITING_SIGNOFF = "awaiting_signoff"
SIGNED = "signed"
RELEASED = "released"
STATES = (DRAFT, IN_REVIEW, AWAITING_SIGNOFF, SIGNED, RELEASED)
STATE_LABELS = {
    DRAFT: "起草中", IN_REVIEW: "核稿中", AWAITING_SIGNOFF: "待签发",
    SIGNED: "已签发", RELEASED: "已发布",
}

SUBMIT = "submit"
PASS = "pass"
RETURN = "return"
WITHDRAW = "withdraw"
SIGN = "sign"
REVOKE = "revoke"
RELEASE = "release"
REVISE = "revise"
ACTION_LABELS = {
    SUBMIT: "提交核稿", PASS: "核稿通过", RETURN: "退回", WITHDRAW: "撤回",
    SIGN: "签发", REVOKE: "撤销签发", RELEASE: "同步发布", REVISE: "修订",
}


@dataclass(frozen=True)
class Transition:
    """One edge of the workflow: who may take it and what it needs."""

    action: str
    source: str
    target: str
    roles: frozenset[str]
    needs_reason: bool = False
    forbids_author: bool = False  # the people who wrote it may not take it
    needs_password: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(SUBMIT, DRAFT, IN_REVIEW, frozenset({"writer"})),
    Transition(PASS, IN_REVIEW, AWAITING_SIGNOFF, frozenset({"reviewer"}), forbids_author=True),
    Transition(RETURN, IN_REVIEW, DRAFT, frozenset({"reviewer"}), needs_reason=True),
    Transition(WITHDRAW, IN_REVIEW, DRAFT, frozenset({"writer"})),
    Transition(SIGN, AWAITING_SIGNOFF, SIGNED, frozenset({"leader"}),
               forbids_author=True, needs_password=True),
    Transition(RETURN, AWAITING_SIGNOFF, DRAFT, frozenset({"leader"}), needs_reason=True),
    Transition(RELEASE, SIGNED, RELEASED, frozenset({"writer", "leader"})),
    Transition(REVOKE, SIGNED, DRAFT, frozenset({"leader"}), needs_reason=True),
    Transition(REVISE, RELEASED, DRAFT, frozenset({"writer"})),
)

# States whose content may be edited.
EDITABLE_STATES = frozenset({DRAFT})
# Who is expected to act next, by state (a role name), for "who holds it now".
HOLDER_ROLE = {DRAFT: "writer", IN_REVIEW: "reviewer", AWAITING_SIGNOFF: "leader",
               SIGNED: "writer", RELEASED: ""}


def transition_for(action: str, state: str) -> Transition | None:
    """The transition for an action from a state, or None if the action is not possible."""
    for t in TRANSITIONS:
        if t.action == action and t.source == state:
            return t
    return None


def actions_from(state: str) -> list[Transition]:
    """All transitions leaving a state."""
    return [t for t in TRANSITIONS if t.source == state]


def is_editable(state: str) -> bool:
    """Whether content may be changed in this state."""
    return state in EDITABLE_STATES
