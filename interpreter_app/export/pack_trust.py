"""verify-pack with no database: the pack's signatures checked up to a pinned root fingerprint.

A pack of format 2 carries the department's root public key, the certificates of the signer,
the releaser and the exporter, their signed decisions and the exporter's signature over the
whole manifest. Whoever changes a byte of a file must change its hash in the manifest, and then
the exporter's signature no longer holds; whoever re-signs with a key of their own has no
certificate from the root; whoever brings a root of their own fails the fingerprint the reader
got from the department. That last step is the reader's: without `--trust` nothing is proven.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain import signatures as sig
from ..domain import trust
from ..domain.trust import Signed
from ..domain.validation import format_datetime_cn
from .manifest import LISTING_NAME, MANIFEST_NAME, render_listing
from .verify_pack import PackContents, file_problems

PLAN_KIND = "解读方案"
PUBLIC_LABEL = "公开"
PRESS_SUBPACK = "对外发布包/"


@dataclass
class PackVerdict:
    """What verify-pack found: facts for people, problems (exit 1), and the root seen."""

    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    root: str = ""
    unpinned: bool = False  # everything else may hold, but no fingerprint was given to check

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    @property
    def conclusion(self) -> str:
        """The last line people read."""
        if self.ok:
            return "结论：发布包与签发版本完全一致"
        if self.unpinned and len(self.problems) == 1:
            return "结论：文件与包内签名相互一致，但尚未核对根密钥指纹，还不能证明本包出自该部门"
        return f"结论：发布包未通过核对（{len(self.problems)} 个问题），不应采信"


def verify_offline(contents: PackContents, pins: dict[str, str] | None) -> PackVerdict:
    """Check a pack against itself and a pinned root, needing no database."""
    verdict = PackVerdict()
    m = contents.manifest
    package = m.get("package", {})
    verdict.facts.append(f"解读包：{package.get('title', '')}（{m.get('pack_label', '')}，"
                         f"第{package.get('revision', '')}版，{package.get('department', '')}）")
    verdict.problems += file_problems(contents)
    if contents.listing is None:
        verdict.problems.append(f"缺少 {LISTING_NAME}")
    elif contents.listing != render_listing(m):
        verdict.problems.append(f"{LISTING_NAME} 与 {MANIFEST_NAME} 不一致（清单被改动）")
    verdict.problems += _audience_problems(m)
    if m.get("draft_mark"):
        verdict.problems.append(f"本包为{m['draft_mark']}，未经签发，不得对外发布")
    if not isinstance(m.get("trust"), dict) or not isinstance(m.get("signature"), dict):
        verdict.problems.append("导出包没有签名（旧格式，或导出它的数据库尚未建立根密钥），无法离线证明其出处")
        return verdict
    _check_signed(m, pins, verdict)
    if verdict.ok:
        verdict.facts.append(f"文件：{len(m.get('files', []))} 个，全部与清单一致")
    return verdict


def _audience_problems(m: dict[str, Any]) -> list[str]:
    problems = []
    for entry in m.get("files", []):
        path = str(entry.get("path", ""))
        public_part = m.get("pack") == "press" or path.startswith(PRESS_SUBPACK)
        if public_part and (entry.get("audience") != PUBLIC_LABEL or entry.get("kind") == PLAN_KIND):
            problems.append(f"对外发布包中含有内部文件：{path}")
    return problems


def _signed(item: Any) -> Signed:
    if not isinstance(item, dict):
        return Signed("", "")
    return Signed(str(item.get("body", "")), str(item.get("signature", "")))


def _check_signed(m: dict[str, Any], pins: dict[str, str] | None, verdict: PackVerdict) -> None:
    block = m["trust"]
    root = block.get("root", {}) if isinstance(block.get("root"), dict) else {}
    public = str(root.get("public_key", ""))
    fp = sig.fingerprint(public)
    verdict.root = fp
    if not fp or root.get("fingerprint") != fp:
        verdict.problems.append("包内的根密钥记录不完整或前后不符")
        return
    statement = _signed(root.get("statement"))
    if trust.signature_ok(statement, public) is not True or statement.data.get("public_key") != public:
        verdict.problems.append("包内根密钥的自签名无效")
    if pins is None:
        verdict.unpinned = True
        verdict.problems.append("未核对根密钥指纹：请用 --trust 加上部门通过官方渠道公布的指纹再运行"
                                f"（本包的根密钥指纹为 {sig.grouped(fp)}）")
    elif fp not in pins:
        verdict.problems.append(f"本包的根密钥指纹 {sig.grouped(fp)} 与 --trust 或信任文件中的不符："
                                "本包不是由该部门签名的")
    else:
        source = "--trust 给出的指纹" if pins[fp] == "--trust" else (pins[fp] or "信任文件")
        verdict.facts.append(f"根密钥指纹：{sig.grouped(fp)}（与{source}一致）")
    certs = _certificates(block, public, verdict)
    _check_decisions(m, block, certs, verdict)
    _check_manifest_signature(m, certs, verdict)


def _certificates(block: dict, public: str, verdict: PackVerdict) -> dict[int, dict]:
    revoked: dict[int, str] = {}
    for item in block.get("revocations", []) or []:
        statement = _signed(item)
        if trust.signature_ok(statement, public) is True:
            revoked[int(statement.data.get("serial", 0))] = str(statement.data.get("revoked_at", ""))
    certs: dict[int, dict] = {}
    for item in block.get("certificates", []) or []:
        cert = _signed(item)
        problem = trust.certificate_problem(cert, public)
        data = cert.data
        if problem:
            verdict.problems.append(f"包内证书（{data.get('display_name', '?')}）无效：{problem}")
            continue
        certs[int(data.get("serial", 0))] = data | {"revoked_at": revoked.get(int(data["serial"]), "")}
    return certs


def _check_manifest_signature(m: dict[str, Any], certs: dict[int, dict],
                              verdict: PackVerdict) -> None:
    block = m["signature"]
    cert = certs.get(block.get("cert", 0)) if isinstance(block.get("cert"), int) else None
    if cert is None:
        verdict.problems.append("清单的签名人没有部门根密钥颁发的证书")
        return
    body = {k: v for k, v in m.items() if k != "signature"}
    try:
        ok = sig.verify(str(cert.get("public_key", "")), str(block.get("value", "")),
                        sig.canonical(body), str(block.get("alg", "")))
    except sig.UnknownAlgorithm:
        verdict.problems.append(f"清单使用了不支持的签名算法“{block.get('alg', '')}”")
        return
    if not ok:
        verdict.problems.append("清单的签名无效：导出后清单被改动（文件摘要、签发人或公开属性被改过）")
        return
    if cert.get("revoked_at") and cert["revoked_at"] < str(m.get("generated_at", "")):
        verdict.problems.append("导出人的证书在导出时已被吊销")
    verdict.facts.append(f"导出：{_who(cert)}于 {_when(m.get('generated_at', ''))} 导出并签名")


def _check_decisions(m: dict[str, Any], block: dict, certs: dict[int, dict],
                     verdict: PackVerdict) -> None:
    package = m.get("package", {})
    signs, releases = [], []
    for item in block.get("decisions", []) or []:
        statement = _signed(item)
        data = statement.data
        problem = _decision_problem(statement, data, certs, m)
        if problem:
            verdict.problems.append(problem)
        elif data.get("action") == "sign":
            signs.append(data)
        elif data.get("action") == "release":
            releases.append(data)
    if m.get("signed") and not signs:
        verdict.problems.append("包内没有经认证的签发决定")
    for data in signs:
        cert = certs[data["cert"]]
        verdict.facts.append(f"签发：{_who(cert)}于 {_when(data.get('at', ''))} 签发，"
                             f"意见“{data.get('reason', '')}”，签名有效")
    listed = sorted((s.get("signer", ""), s.get("title", ""), s.get("signed_at", ""))
                    for s in m.get("signoffs", []))
    signed = sorted((certs[d["cert"]].get("display_name", ""), certs[d["cert"]].get("title", ""),
                     d.get("at", "")) for d in signs)
    if signs and listed != signed:
        verdict.problems.append("清单上的签发人、职务或签发时间与签发人的签名和证书不符")
    if package.get("state") == "released":
        match = [d for d in releases if d.get("at") == m.get("released_at")]
        if not match:
            verdict.problems.append("清单上的发布时间与经签名的发布决定不符")
        else:
            verdict.facts.append(f"发布：{_who(certs[match[-1]['cert']])}于 "
                                 f"{_when(m.get('released_at', ''))} 发布，签名有效")


def _decision_problem(statement: Signed, data: dict, certs: dict[int, dict],
                      m: dict[str, Any]) -> str | None:
    label = {"sign": "签发", "release": "发布"}.get(str(data.get("action")), "决定")
    cert = certs.get(data.get("cert", 0)) if isinstance(data.get("cert"), int) else None
    if cert is None:
        return f"{label}决定的签名人没有部门根密钥颁发的证书"
    ok = trust.signature_ok(statement, str(cert.get("public_key", "")))
    if ok is None:
        return f"{label}决定使用了不支持的签名算法“{data.get('alg', '')}”"
    if not ok:
        return f"{label}决定的签名无效（被伪造或改动）"
    package = m.get("package", {})
    if (data.get("package_id"), data.get("revision"), data.get("digest")) != (
            package.get("id"), package.get("revision"), m.get("digest")):
        return f"{label}决定针对的不是本包的内容（解读包、版次或摘要不符）"
    if cert.get("user_id") != data.get("user_id") or data.get("role") not in cert.get("roles", []):
        return f"{label}决定的签名人与其证书不符"
    if not cert.get("all_departments") and cert.get("department") != package.get("department"):
        return f"{label}人属于“{cert.get('department', '')}”，不是本包的起草单位"
    if cert.get("revoked_at") and cert["revoked_at"] < str(data.get("at", "")):
        return f"{label}人的证书在{label}时已被吊销"
    return None


def _who(cert: dict) -> str:
    title = f"（{cert['title']}）" if cert.get("title") else ""
    return f"{cert.get('display_name', '')}{title}"


def _when(iso: Any) -> str:
    try:
        return format_datetime_cn(str(iso))
    except ValueError:
        return str(iso)
