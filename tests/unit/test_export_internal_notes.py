"""Internal production notes print only in the briefing pack: the Word XML of every public
material kind is read for them."""

from __future__ import annotations

import dataclasses

import pytest

from interpreter_app.domain.kinds import MATERIAL_KINDS, PUBLIC
from interpreter_app.domain.model import ChartSpec, Material, QAPair, Series
from interpreter_app.export.docx_materials import material_docx
from tests.unit.test_export_docx import make_context, paragraph_text, parts_of, w

NOTES = ("（预计讲话时长约2分钟，共181字）", "（内部掌握）", "核稿意见：请再核对数字", "【批注：删去此段】")
BODY = "\n".join(["一、主要内容", "对招用高校毕业生的企业给予补贴。" + NOTES[1], NOTES[0], NOTES[2],
                  NOTES[3], "谢谢大家！"])
PUBLIC_KINDS = [k.code for k in MATERIAL_KINDS if k.default_audience == PUBLIC]


def noted_material(kind: str) -> Material:
    """A material of the kind with every sort of internal note in each of its texts."""
    material = Material.new(kind, "测试材料", body=BODY, caption=f"图注{NOTES[1]}")
    material = dataclasses.replace(material, qa=[QAPair("补贴标准是多少？", "每人1500元。" + NOTES[1])])
    if material.chart is not None:
        material.chart = ChartSpec("bar", "图", ["2026年"], [Series("万人", [50])], "万人", "省厅")
    return material


def document_text(material: Material, *, briefing: bool) -> str:
    xml = parts_of(material_docx(make_context(), material, briefing=briefing))["word/document.xml"]
    return "\n".join(paragraph_text(p) for p in xml.iter(w("p")))


@pytest.mark.parametrize("kind", PUBLIC_KINDS)
def test_public_word_file_has_no_internal_note(kind):
    text = document_text(noted_material(kind), briefing=False)
    for note in (*NOTES, "讲话时长", "内部掌握", "核稿意见", "批注"):
        assert note not in text, (kind, note)
    assert "对招用高校毕业生的企业给予补贴。" in text


def test_briefing_copy_of_the_speech_shows_its_speaking_time():
    speech = Material.new("speech", "发布稿", body="各位记者朋友：\n大家好！")
    assert "（预计讲话时长约1分钟，共" in document_text(speech, briefing=True)
    assert "讲话时长" not in document_text(speech, briefing=False)
