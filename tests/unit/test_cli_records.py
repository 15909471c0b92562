"""The command line for the web pack, postings, events, the register, concerns and stats --explain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from interpreter_app.cli import main
from tests.factories import released_package

TODAY = dt.date.today().isoformat()




@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def test_export_web_pack_and_verify_it(seeded, cli, tmp_path):
    pkg = released_package(seeded)
    code, out, err = cli("--json", "export", str(pkg.id), "--out", str(tmp_path), "--pack", "web",
                         "--as", "writer")
    assert code == 0, err
    path = json.loads(out)["path"]
    assert path.endswith("网站发布包")
    code, out, _ = cli("verify-pack", path)
    assert code == 0 and "完全一致" in out


def test_record_a_posting_and_show_it(seeded, cli):
    pkg = released_package(seeded)
    code, out, err = cli("posting", "record", str(pkg.id), "--page", "policy",
                         "--url", "https://zwgk.example.gov/a.html", "--at", f"{TODAY}T10:00",
                         "--as", "writer")
    assert code == 0, err
    code, out, _ = cli("posting", "show", str(pkg.id), "--as", "writer")
    assert "https://zwgk.example.gov/a.html" in out and "未上网" in out


def test_a_bad_posting_is_one_chinese_line_and_exit_2(seeded, cli):
    pkg = released_package(seeded)
    code, _, err = cli("posting", "record", str(pkg.id), "--page", "policy", "--url", "zwgk",
                       "--at", TODAY, "--as", "writer")
    assert code == 2 and err.startswith("错误：") and err.count("\n") == 1


def test_event_register_and_concern_feed_the_sentence(seeded, cli, tmp_path):
    pkg = released_package(seeded)
    assert cli("event", "add", "--kind", "新闻发布会", "--on", TODAY, "--package", str(pkg.id),
               "--attendee", "用户leader,厅长,主要负责人", "--attendee", "记者,,",
               "--as", "writer")[0] == 0
    assert cli("register", "add", pkg.title, "--on", TODAY, "--number",
               pkg.document.doc_number, "--as", "writer")[0] == 0
    assert cli("concern", "add", "--on", TODAY, "--topic", "补贴何时发放", "--channel", "政府网站",
               "--as", "writer")[0] == 0
    code, out, err = cli("--json", "stats", "--out", str(tmp_path), "--explain", "--as", "writer")
    assert code == 0, err
    data = json.loads(out)
    assert "主要负责人解读1次" in data["sentence"]
    assert "举办新闻发布会1场，领导出席1人次" in data["sentence"]
    assert "回应社会关切1次" in data["sentence"] and "解读率100.0%" in data["sentence"]
    assert any(f"解读包 {pkg.id}" in line for line in data["explain"]["main_interpretations"])


def test_demo_sentence_counts_only_the_two_principal_acts_and_explain_names_them(
        demo_db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERPRETER_PASSWORD", "demo1234")
    assert main(["--db", str(demo_db), "stats", "--out", str(tmp_path), "--explain",
                 "--as", "admin"]) == 0
    out = capsys.readouterr().out
    sentence = out.splitlines()[0]
    assert "主要负责人解读2次" in sentence
    assert "领导出席4人次" in sentence  # who attended, not who the plans named
    block = out.split("主要负责人解读（次）：2\n")[1].split("举办新闻发布会")[0]
    assert "关于进一步降低企业用能成本的实施意见" in block
    assert "关于做好2026年高校毕业生等青年就业创业工作的通知" in block
    assert "一网通办" not in block  # planned for the principal; his deputy attended


def test_demo_has_a_package_partly_online_and_one_fully_posted(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("INTERPRETER_PASSWORD", "demo1234")
    assert main(["--db", str(demo_db), "--json", "list", "--view", "released",
                 "--as", "admin"]) == 0
    ids = {r["title"]: r["id"] for r in json.loads(capsys.readouterr().out)}
    shown = {}
    for title in ("江海省职业技能等级认定管理办法",
                  "关于深化政务服务“一网通办”提升企业和群众办事体验的意见"):
        assert main(["--db", str(demo_db), "--json", "posting", "show", str(ids[title]),
                     "--as", "admin"]) == 0
        shown[title] = json.loads(capsys.readouterr().out)["posted"]
    # Only the document's page of the first went online; every page of the second did.
    assert list(shown.values()) == [False, True]


def test_every_released_demo_package_gives_a_valid_web_pack(demo_db, capsys, tmp_path,
                                                            monkeypatch):
    import html5lib
    import jsonschema
    from lxml import etree

    from interpreter_app.resources import resource_path
    from interpreter_app.services.demo import DEMO_PASSWORD, DEPARTMENT_KEYS

    monkeypatch.setenv("INTERPRETER_PASSWORD", DEMO_PASSWORD)
    schema = json.loads(resource_path("schemas", "metadata.schema.json").read_text("utf-8"))
    xsd = etree.XMLSchema(etree.parse(str(resource_path("schemas", "metadata.xsd"))))
    assert main(["--db", str(demo_db), "--json", "list", "--view", "released",
                 "--as", "admin"]) == 0
    released = json.loads(capsys.readouterr().out)
    assert len(released) >= 4
    for row in released:
        writer = DEPARTMENT_KEYS[row["department"]][0] + "writer"
        assert main(["--db", str(demo_db), "--json", "export", str(row["id"]), "--out",
                     str(tmp_path), "--pack", "web", "--as", writer]) == 0
        pack = Path(json.loads(capsys.readouterr().out)["path"])
        for page in pack.glob("*.html"):
            html5lib.HTMLParser(strict=True).parse(page.read_bytes())
        meta = json.loads((pack / "metadata.json").read_text("utf-8"))
        jsonschema.validate(meta, schema)
        xsd.assertValid(etree.parse(str(pack / "metadata.xml")))
        for entry in meta["pages"]:
            for ref in entry["related_interpretations"] + entry["related_documents"]:
                assert ref["href"] == "" or (pack / ref["href"]).is_file()
        assert main(["--db", str(demo_db), "verify-pack", str(pack)]) == 0
        capsys.readouterr()


def test_posting_limit_is_set_by_an_administrator_only(seeded, cli):
    assert "3个工作日" in cli("posting", "limit")[1]
    code, _, err = cli("posting", "limit", "5", "--as", "writer")
    assert code == 2 and "管理员" in err
    assert cli("posting", "limit", "5", "--as", "admin")[0] == 0
    assert "5个工作日" in cli("posting", "limit")[1]
