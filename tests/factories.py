"""Builders for test data: a seeded database and complete packages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interpreter_app.domain.model import (
    ChartSpec,
    InterpretationPlan,
    Material,
    Package,
    Person,
    PolicyDocument,
    QAPair,
    Series,
    User,
)
from interpreter_app.services.workbench import Workbench

PASSWORD = "Passw0rd!"

POLICY_BODY = """一、总体要求
坚持就业优先战略，到2026年底前全省城镇新增就业不少于50万人，城镇调查失业率控制在5.5%以内。
二、主要任务
（一）拓宽就业渠道
1.扩大企业吸纳就业。对招用高校毕业生的中小微企业，按每人1500元给予一次性吸纳就业补贴。（省人力资源社会保障厅牵头，省财政厅按职责分工负责）
2.稳定公共部门岗位。2026年10月底前完成事业单位公开招聘工作。（省人力资源社会保障厅牵头，各州市人民政府负责）
（二）强化服务保障
1.每季度至少举办1次专场招聘活动。
三、组织实施
各地各部门要加强组织领导，确保各项措施落地见效。"""


@dataclass
class Seeded:
    """A workbench with users in every role in two departments."""

    wb: Workbench
    path: Path
    users: dict[str, User] = field(default_factory=dict)
    dept_a: int = 0
    dept_b: int = 0

    def __getitem__(self, name: str) -> User:
        return self.users[name]


def seed(path: Path) -> Seeded:
    """Create departments A and B and users: writer, writer2, reviewer, leader, admin, ..."""
    wb = Workbench.create(path)
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    a = wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发")
    b = wb.accounts.create_department(admin, "江海省政务服务管理局", "江政务发")
    data = Seeded(wb, path, {"admin": admin}, a.id, b.id)
    specs = {
        "writer": (a.id, {"writer"}, "科员"), "writer2": (a.id, {"writer"}, "主任科员"),
        "reviewer": (a.id, {"reviewer"}, "处长"), "leader": (a.id, {"leader"}, "厅长"),
        "leader2": (a.id, {"leader"}, "副厅长"), "multi": (a.id, {"writer", "reviewer", "leader"}, "处长"),
        "writer_b": (b.id, {"writer"}, "科员"), "reviewer_b": (b.id, {"reviewer"}, "处长"),
        "leader_b": (b.id, {"leader"}, "局长"),
    }
    for name, (dept, roles, title) in specs.items():
        data.users[name] = wb.accounts.create_user(admin, name, f"用户{name}", PASSWORD, dept,
                                                   roles, title)
        wb.accounts.login(name, PASSWORD)  # unlocks each user's signing key for this session
    return data


def complete_parts() -> tuple[PolicyDocument, InterpretationPlan, list[Material]]:
    """A document, plan and materials that pass the completeness gate."""
    document = PolicyDocument(
        title="关于做好2026年高校毕业生就业创业工作的通知", doc_number="江人社发〔2026〕12号",
        issuer="江海省人力资源和社会保障厅", written_date="2026-03-02", genre="通知",
        body=POLICY_BODY)
    plan = InterpretationPlan(
        outline="一、出台背景\n二、主要内容\n三、涉及范围", forms=["文字解读", "政策问答"],
        channels=["政府门户网站政策解读专栏"], first_interpreter=Person("王建国", "厅长"))
    materials = [
        Material.new("article", "一图读懂高校毕业生就业政策",
                     body="一、出台背景\n为稳定就业大局，省人力资源社会保障厅制定本通知。\n"
                          "二、主要内容\n对招用高校毕业生的中小微企业，按每人1500元给予补贴。"),
        Material.new("qa", "政策问答", qa=[QAPair("补贴标准是多少？", "每人1500元。")]),
        Material.new("chart", "新增就业目标", chart=ChartSpec(
            "bar", "城镇新增就业", ["2024年", "2025年", "2026年"], [Series("万人", [46, 48, 50])],
            "万人", "江海省人力资源和社会保障厅")),
        Material.new("reporter_lines", "答记者问口径",
                     qa=[QAPair("补贴何时发放？", "按季度审核发放。")]),
    ]
    return document, plan, materials


def complete_package(wb: Workbench, writer: User) -> Package:
    """A draft package in the writer's department that may be submitted."""
    document, plan, materials = complete_parts()
    return wb.authoring.create(writer, document.title, document=document, plan=plan,
                               materials=materials)


def signed_package(data: Seeded) -> Package:
    """A package taken through submit, pass and sign."""
    wb = data.wb
    pkg = complete_package(wb, data["writer"])
    wb.review.submit(data["writer"], pkg.id)
    wb.review.pass_review(data["reviewer"], pkg.id)
    wb.review.sign(data["leader"], pkg.id, PASSWORD, "同意")
    return wb.authoring.get(data["writer"], pkg.id)


def released_package(data: Seeded) -> Package:
    """A package taken through the whole cycle to release."""
    pkg = signed_package(data)
    return data.wb.review.release(data["writer"], pkg.id)
