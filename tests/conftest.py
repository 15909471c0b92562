"""Shared test set-up: offscreen Qt, fast password hashing, a seeded database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from interpreter_app.services import crypto  # noqa: E402
from tests.support import pg  # noqa: E402

# Real cost parameters make every created user take ~0.1 s; the scheme is the same.
crypto.SCRYPT_N = 2**8

from tests.factories import PASSWORD, Seeded, seed  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    """The user data and config folders (recovery journal, demo database, trust file, history
    seen) of each test are its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


STORES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Tests marked both_stores run once on a SQLite file and once on a PostgreSQL database."""
    if "db_address" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
            "both_stores"):
        metafunc.parametrize("db_address", STORES, indirect=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Every test skipped for want of a server is reported on one line (folded by location)."""
    report = yield
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple) and pg.HOW_TO_ENABLE in str(longrepr[2]):
        report.longrepr = (pg.__file__, 0, longrepr[2])
    return report


@pytest.fixture
def db_path(tmp_path):
    """Path of a fresh database file."""
    return tmp_path / "work.db"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The address of a PostgreSQL server the tests may create databases and roles on."""
    url, why = pg.find_server()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests, but no server answered ({why}). "
                        + pg.HOW_TO_ENABLE, pytrace=False)
        pytest.skip(pg.HOW_TO_ENABLE)
    return url


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """A database migrated to the current schema once per run, copied for each test."""
    from interpreter_app.store.store import Store

    name = pg.unique_name("itest_template")
    Store(pg.create_database(pg_server, name)).close()
    yield name
    pg.drop_database(pg_server, name)


@pytest.fixture
def pg_url(pg_server, pg_template) -> str:
    """The address of a fresh database of our schema, dropped after the test."""
    name = pg.unique_name("itest")
    url = pg.create_database(pg_server, name, template=pg_template)
    yield url
    pg.drop_database(pg_server, name)


@pytest.fixture
def db_address(request, db_path):
    """Where the test's database lives: a SQLite file, or a PostgreSQL database."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return db_path
    return request.getfixturevalue("pg_url")


@pytest.fixture
def seeded(db_address) -> Seeded:
    """A workbench on a fresh database with two departments and users in every role."""
    data = seed(db_address)
    yield data
    data.wb.close()


@pytest.fixture
def cli(seeded, monkeypatch, capsys):
    """Run interpreter-cli on the seeded database; returns (exit code, stdout, stderr)."""
    from interpreter_app.cli import main

    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(seeded.path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
