"""Hostile input, systematically: the corpus through every form field of the services, search,
log-in and the command line.

Each input is either stored and read back exactly (as the corpus says) or refused with a clear
Chinese ValidationError; after the refusals of a field the database content is unchanged
(digest of its SQL dump before and after).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain.errors import AppError, AuthError, ValidationError
from interpreter_app.domain.model import Interpreter, KeyTask
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package, seed
from tests.support.dbdigest import content_digest
from tests.support.hostile_fields import FIELDS, Ctx, Field, document_field, set_path, step

CORPUS_FILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "corpus.json"
CORPUS = json.loads(CORPUS_FILE.read_text("ascii"))
ACCEPT, REFUSE, NORMALISE, DROP = "accept", "refuse", "normalise", "drop"
# What "drop" removes: bidi overrides and isolates, C1 controls.
_HIDDEN = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")
TEN_MB = "一" * 10_000_000
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
TRIED = {"inputs": 0}


# -- the database every field starts from ----------------------------------------------------

@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict]:
    """A seeded database with a rich draft and packages in review, awaiting sign-off, signed."""
    path = tmp_path_factory.mktemp("hostile") / "template.db"
    data = seed(path)
    wb, writer = data.wb, data["writer"]
    ids = {}
    for state in ("draft", "review", "awaiting", "signed"):
        pkg = complete_package(wb, writer)
        plan = replace(pkg.plan, interpreters=[Interpreter("李四", "处长", "分管领导")],
                       joint_units=["省财政厅"], key_tasks=[KeyTask("扩大就业", "省人社厅", "2026年底")])
        wb.authoring.save_plan(writer, pkg.id, plan, pkg.plan_version)
        wb.authoring.save_document(writer, pkg.id, replace(pkg.document, joint_issuers=["省财政厅"]),
                                   pkg.document_version)
        steps = {"draft": [], "review": ["submit"], "awaiting": ["submit", "pass"],
                 "signed": ["submit", "pass", "sign"]}[state]
        for name in steps:
            step(wb, data.users, pkg.id, name)
        ids[state] = pkg.id
    wb.close()
    return path, ids


@pytest.fixture
def ctx(template, tmp_path) -> Ctx:
    path, ids = template
    copy = tmp_path / "work.db"
    shutil.copyfile(path, copy)
    wb = Workbench.open(copy)
    people = {u.username: u for u in wb.accounts.users()}
    yield Ctx(wb, people, ids["draft"], ids["review"], ids["awaiting"], ids["signed"])
    wb.close()


def expectation(field: Field, entry: dict) -> tuple[str, str | None]:
    """(accept/refuse, the value that must be read back) for an input in a field."""
    value = entry["value"]
    if field.kind == "date":
        return REFUSE, None  # no corpus entry is a date
    rule = entry["line" if field.kind == "line" else "text"]
    if rule == REFUSE:
        return REFUSE, None
    if rule == NORMALISE:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if rule == DROP:
        value = _HIDDEN.sub("", value)
    if field.trimmed:
        value = unicodedata.normalize("NFC", value).strip()
    if field.kind in ("reason", "comment"):
        value = value.strip()
    return (REFUSE, None) if len(value) > field.max_len else (ACCEPT, value)


def clear(exc: AppError) -> bool:
    """A one-line Chinese message of reasonable length."""
    return bool(_CJK.search(exc.message)) and "\n" not in exc.message and len(exc.message) < 300


def try_refused(c: Ctx, field: Field, entry: dict) -> str | None:
    TRIED["inputs"] += 1
    try:
        field.write(c, entry["value"])
    except ValidationError as exc:
        return None if clear(exc) else f"unclear message {exc.message!r}"
    except Exception as exc:  # noqa: BLE001 - anything else is the finding
        return f"{type(exc).__name__}: {exc!r}"[:200]
    return "accepted, expected a refusal"


def try_accepted(c: Ctx, field: Field, entry: dict, stored: str) -> str | None:
    TRIED["inputs"] += 1
    try:
        field.write(c, entry["value"])
    except Exception as exc:  # noqa: BLE001
        return f"refused: {type(exc).__name__}: {exc}"[:200]
    got = field.read(c)
    return None if got == stored else f"read back {got!r}, expected {stored!r}"


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_field_accepts_or_clearly_refuses_every_hostile_input(ctx, field):
    plans = [(e, *expectation(field, e)) for e in CORPUS]
    problems = []
    before = content_digest(ctx.wb.store.conn)
    for entry, rule, _ in plans:
        if rule == REFUSE:
            problem = try_refused(ctx, field, entry)
            problems += [f"{entry['name']}: {problem}"] if problem else []
    if content_digest(ctx.wb.store.conn) != before:
        problems.append("the refusals changed the database")
    for entry, rule, stored in plans:
        if rule == ACCEPT:
            problem = try_accepted(ctx, field, entry, stored)
            problems += [f"{entry['name']}: {problem}"] if problem else []
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("field", [f for f in FIELDS if f.kind != "comment"],
                         ids=[f.name for f in FIELDS if f.kind != "comment"])
def test_ten_megabyte_line_is_refused_quickly_in_every_field(ctx, field):
    before = content_digest(ctx.wb.store.conn)
    started = time.monotonic()
    with pytest.raises(ValidationError) as err:
        field.write(ctx, TEN_MB)
    assert time.monotonic() - started < 2 and clear(err.value)
    assert "过长" in err.value.message or field.kind == "date"
    assert content_digest(ctx.wb.store.conn) == before
    TRIED["inputs"] += 1


def test_very_long_names_are_refused(ctx):
    long_name = "张" * 100_000
    before = content_digest(ctx.wb.store.conn)
    for field in (f for f in FIELDS if f.kind == "line"):
        with pytest.raises(ValidationError, match="过长"):
            field.write(ctx, long_name)
        TRIED["inputs"] += 1
    with pytest.raises(ValidationError, match="过长"):
        ctx.wb.comments.add(ctx["reviewer"], ctx.draft, "document", 0, "总体要求", TEN_MB)
    assert content_digest(ctx.wb.store.conn) == before


def test_search_never_fails_on_hostile_text(ctx):
    before = content_digest(ctx.wb.store.conn)
    for entry in [*CORPUS, {"name": "10MB", "value": TEN_MB}]:
        TRIED["inputs"] += 1
        started = time.monotonic()
        try:
            rows = ctx.wb.listing.search(ctx["writer"], entry["value"])
            assert isinstance(rows, list)
        except ValidationError as exc:
            assert _SURROGATE.search(entry["value"]) and clear(exc), entry["name"]
        assert time.monotonic() - started < 2, entry["name"]
    assert content_digest(ctx.wb.store.conn) == before


def test_log_in_with_hostile_names_and_passwords_is_a_plain_refusal(ctx):
    for entry in [*CORPUS, {"name": "10MB", "value": TEN_MB}]:
        TRIED["inputs"] += 2
        with pytest.raises(AuthError, match="用户名或密码错误"):
            ctx.wb.accounts.login(entry["value"], PASSWORD)
        with pytest.raises(AuthError):
            ctx.wb.accounts.login("writer2", entry["value"])


def test_legitimate_dates_in_any_common_form_are_normalised(ctx):
    field = document_field("written_date", "date")
    for value in ("2026年3月2日", "２０２６年３月２日", "2026-03-02", "2026/3/2", "2026.3.2"):
        field.write(ctx, value)
        assert field.read(ctx) == "2026-03-02"


def test_chart_values_must_be_finite_numbers(ctx):
    pkg = ctx.wb.store.packages.get(ctx.draft)
    chart = pkg.materials[2]
    for bad in (float("nan"), float("inf"), "50", True):
        broken = set_path(chart, "chart.series[0].values[0]", bad)
        with pytest.raises(ValidationError, match="图表数据"):
            ctx.wb.authoring.save_material(ctx["writer"], ctx.draft, broken)


# -- the command line ------------------------------------------------------------------------

def _cli_department(ctx: Ctx, value: str, n: int) -> tuple[list[str], Callable[[], str]]:
    def stored() -> str:
        return ctx.wb.store.departments.all()[-1].name
    return ["department", "add", value, "--as", "admin"], stored


def _cli_user_name(ctx: Ctx, value: str, n: int) -> tuple[list[str], Callable[[], str]]:
    def stored() -> str:
        return ctx.wb.accounts.user(f"cli{n}").display_name
    return ["user", "add", f"cli{n}", "--name", value, "--department", "江海省人力资源和社会保障厅",
            "--roles", "writer", "--as", "admin"], stored


CLI_FIELDS = {"department add": _cli_department, "user add --name": _cli_user_name}


def _run_cli(ctx: Ctx, args: list[str], capsys) -> tuple[int, str]:
    code = main(["--db", str(ctx.wb.store.path), *args])
    return code, capsys.readouterr().err


def _one_line_refusal(code: int, err: str) -> bool:
    return code == 2 and err.startswith("错误：") and err.count("\n") == 1 and bool(_CJK.search(err))


@pytest.mark.parametrize("command", list(CLI_FIELDS))
def test_command_line_stores_exactly_or_refuses_in_one_line(ctx, command, monkeypatch, capsys):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    monkeypatch.setenv("INTERPRETER_NEW_PASSWORD", PASSWORD)
    problems = []
    for n, entry in enumerate(CORPUS):
        TRIED["inputs"] += 1
        args, stored = CLI_FIELDS[command](ctx, entry["value"], n)
        before = content_digest(ctx.wb.store.conn)
        code, err = _run_cli(ctx, args, capsys)
        if entry["line"] == REFUSE:
            ok = _one_line_refusal(code, err) and content_digest(ctx.wb.store.conn) == before
        else:
            value = _HIDDEN.sub("", entry["value"]) if entry["line"] == DROP else entry["value"]
            ok = code == 0 and stored() == unicodedata.normalize("NFC", value).strip()
        problems += [] if ok else [f"{entry['name']}: exit {code} {err!r}"]
    assert not problems, "\n".join(problems)


def test_command_line_search_answers_or_refuses_in_one_line(ctx, monkeypatch, capsys):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    before = content_digest(ctx.wb.store.conn)
    for entry in CORPUS:
        TRIED["inputs"] += 1
        code, err = _run_cli(ctx, ["search", entry["value"], "--as", "writer"], capsys)
        if _SURROGATE.search(entry["value"]):
            assert _one_line_refusal(code, err), entry["name"]
        else:
            assert code == 0, (entry["name"], err)
    assert content_digest(ctx.wb.store.conn) == before


def test_non_utf8_argument_from_a_gbk_terminal_is_refused_clearly(ctx):
    """A GBK terminal passes bytes that are not UTF-8: Python turns them into lone surrogates."""
    db = ctx.wb.store.path
    before = content_digest(ctx.wb.store.conn)
    result = subprocess.run(
        [sys.executable, "-m", "interpreter_app.cli", "--db", str(db), "department", "add",
         "人力资源部".encode("gbk"), "--as", "admin"],
        capture_output=True, env={"INTERPRETER_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin",
                                  "LANG": "C.UTF-8", "PYTHONUTF8": "1"}, timeout=60)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and err.startswith("错误：") and err.count("\n") == 1, err
    assert "无法" in err
    assert content_digest(ctx.wb.store.conn) == before
    TRIED["inputs"] += 1


def test_zz_report_inputs_tried():
    print(f"\nhostile inputs: {len(CORPUS)} corpus strings + 10 MB line + 100,000-character name, "
          f"{len(FIELDS)} form fields, {TRIED['inputs']} inputs tried in this run")


def test_comment_with_control_characters_refused_and_nothing_written(seeded):
    from interpreter_app.domain.errors import ValidationError
    from tests.factories import complete_package

    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    quote = pkg.document.body.split("\n")[1][:6]
    with pytest.raises(ValidationError):
        wb.comments.add(seeded["reviewer"], pkg.id, "document", 1, quote, "请核实\x07此处")
    assert wb.comments.list(seeded["reviewer"], pkg.id) == []


def test_imported_file_reaches_the_package_without_direction_overrides(seeded, tmp_path):
    from interpreter_app.services.importer import package_from_file

    path = tmp_path / "关于\u202excod.通知\u202c.txt"  # an RLO file name spoofing its extension
    path.write_text("各州、市人民政府：\n一、总体\u202e求要\n同意\x9b意见\u2066。\u2069\n", "utf-8")
    package, _ = package_from_file(seeded.wb.authoring, seeded["writer"], path)
    stored = seeded.wb.store.packages.get(package.id)
    assert stored.title == "关于xcod.通知"
    assert stored.document.body == "各州、市人民政府：\n一、总体求要\n同意意见。"
    assert not _HIDDEN.search(stored.plan.lead_unit + stored.plan.proposed_doc_number)
