"""The application's colours cover every workflow state."""

from __future__ import annotations

from interpreter_app.domain import workflow
from interpreter_app.ui.style import STATE_COLORS


def test_every_state_has_a_badge_colour():
    assert set(STATE_COLORS) == set(workflow.STATES)
