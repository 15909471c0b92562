"""At first run the new administrator is shown the root key's fingerprint for the setup sheet."""

from __future__ import annotations

from interpreter_app.domain.signatures import grouped
from interpreter_app.ui.startup import show_fingerprint


def test_the_new_administrator_sees_the_fingerprint(seeded, alert_log):
    show_fingerprint(seeded.wb)
    assert alert_log.kinds() == ["info"]
    assert grouped(seeded.wb.trust.fingerprint()) in alert_log.texts()
