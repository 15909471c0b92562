"""Shared test set-up: offscreen Qt, fast password hashing, a seeded database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from interpreter_app.services import crypto  # noqa: E402

# Real cost parameters make every created user take ~0.1 s; the scheme is the same.
crypto.SCRYPT_N = 2**8

from tests.factories import PASSWORD, Seeded, seed  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    """The user data and config folders (recovery journal, demo database, trust file, history
    seen) of each test are its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def db_path(tmp_path):
    """Path of a fresh database file."""
    return tmp_path / "work.db"


@pytest.fixture
def seeded(db_path) -> Seeded:
    """A workbench on a temp database with two departments and users in every role."""
    data = seed(db_path)
    yield data
    data.wb.close()
