"""The 公文 parts (版头, 签发人, 附件, 附注, 版记) are edited in the document's metadata form."""

from __future__ import annotations

from interpreter_app.domain.model import PolicyDocument
from interpreter_app.ui.workspace.metadata_form import MetadataForm


def test_gongwen_parts_load_and_apply(qtbot):
    form = MetadataForm()
    qtbot.addWidget(form)
    document = PolicyDocument(title="关于加强政策解读工作的通知", masthead="江海省人民政府办公厅文件",
                              signer="李明远", attachments=["解读方案模板", "审核表、联系人名单"],
                              note="联系人：王芳", copy_to="省委办公厅", printer="江海省人民政府办公厅",
                              print_date="2026-04-09")
    form.load(document)
    assert form.fields["print_date"].line.text() == "2026年4月9日"
    assert form.attachments.text() == "解读方案模板；审核表、联系人名单"
    form.fields["signer"].line.setText("王建国")
    form.attachments.setText("解读方案模板；审核表、联系人名单；填报说明")
    applied = form.apply(document)
    assert applied.signer == "王建国"
    assert applied.attachments == ["解读方案模板", "审核表、联系人名单", "填报说明"]
    assert applied.print_date == "2026-04-09" and applied.copy_to == "省委办公厅"
