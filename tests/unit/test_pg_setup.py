"""Without a server the PostgreSQL tests skip with one line; under CI they fail instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interpreter_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
NO_SERVER = "postgresql://nobody@127.0.0.1:1/postgres"


def _run_server_tests(tmp_path, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["INTERPRETER_TEST_PG"] = NO_SERVER
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         "tests/unit/test_pg_schema.py", "-k", "same_tables or guard_trigger"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_without_a_server_the_server_tests_skip_with_one_line(tmp_path):
    done = _run_server_tests(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout
    lines = [x for x in done.stdout.splitlines() if x.startswith("SKIPPED")]
    assert len(lines) == 1 and "INTERPRETER_TEST_PG" in lines[0], done.stdout


def test_under_ci_a_missing_server_fails_the_run(tmp_path):
    done = _run_server_tests(tmp_path, ci=True)
    assert done.returncode != 0
    assert "CI must run the PostgreSQL tests" in done.stdout


@pytest.mark.parametrize("address, reason", [
    ("postgresql://nobody@127.0.0.1:1/x", "无法连接数据库服务器"),
    ("postgresql://someone:secret@127.0.0.1:1/x", "无法连接数据库服务器"),
])
def test_an_unreachable_server_is_one_chinese_line_and_exit_2(address, reason, capsys):
    assert main(["--db", address, "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and reason in err
    assert "secret" not in err  # the password is never shown
