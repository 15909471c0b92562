"""Department names in task notes: full names to the usual 省直部门 short names, noise trimmed."""

from __future__ import annotations

import re

# The short names provincial documents use for 省直部门 (after the 2018 reform), and the full
# names that mean the same department.
SHORT_NAMES: tuple[str, ...] = (
    "省政府办公厅", "省发展改革委", "省教育厅", "省科技厅", "省工业和信息化厅", "省民族宗教委", "省公安厅",
    "省民政厅", "省司法厅", "省财政厅", "省人力资源社会保障厅", "省自然资源厅", "省生态环境厅",
    "省住房城乡建设厅", "省交通运输厅", "省水利厅", "省农业农村厅", "省商务厅", "省文化和旅游厅",
    "省卫生健康委", "省退役军人事务厅", "省应急厅", "省审计厅", "省外办", "省国资委", "省市场监管局",
    "省广电局", "省体育局", "省统计局", "省医保局", "省林草局", "省地方金融监管局", "省能源局",
    "省政务服务局", "省大数据局", "省数据局", "省数字经济局", "省信访局", "省机关事务局", "省粮食和储备局",
    "省药监局", "省知识产权局", "省乡村振兴局", "省税务局", "省通信管理局", "省气象局", "省消防救援总队",
)
FULL_NAMES: dict[str, str] = {
    "省人民政府办公厅": "省政府办公厅", "省发展和改革委员会": "省发展改革委",
    "省发展和改革委": "省发展改革委", "省科学技术厅": "省科技厅", "省民族宗教事务委员会": "省民族宗教委",
    "省人力资源和社会保障厅": "省人力资源社会保障厅", "省住房和城乡建设厅": "省住房城乡建设厅",
    "省卫生健康委员会": "省卫生健康委", "省卫生和健康委员会": "省卫生健康委",
    "省应急管理厅": "省应急厅", "省人民政府外事办公室": "省外办", "省人民政府国有资产监督管理委员会": "省国资委",
    "省国有资产监督管理委员会": "省国资委", "省市场监督管理局": "省市场监管局",
    "省广播电视局": "省广电局", "省医疗保障局": "省医保局", "省林业和草原局": "省林草局",
    "省地方金融监督管理局": "省地方金融监管局", "省药品监督管理局": "省药监局",
}
# The ending of a department or body name; whatever follows it in the same name is not a name.
_ORG_END = re.compile(r"(?:人民政府|政府|办公厅|办公室|委员会|总队|支队|中心|集团|公司|银行|分行|单位|部门|机构|"
                      r"机关|学校|高校|医院|协会|联合会|厅|局|委|办|院|部|署|会|室|处|所|队|馆|社|站|行|团)")
_FULL_LONGEST_FIRST = sorted(FULL_NAMES.items(), key=lambda kv: -len(kv[0]))
_SHORT_LONGEST_FIRST = sorted(SHORT_NAMES, key=len, reverse=True)
NOISE_MAX = 5  # inserted garbage comes in runs of two to five characters
_COLLECTIVE = re.compile(r"^(?:各|省直|有关|相关|全省|其他|其余)")


def normalise_department(name: str) -> str:
    """The short name of a department; trailing characters after the name's ending trimmed."""
    name = re.sub(r"\s+", "", name).strip("，,。；;：:（）()")
    for full, short in _FULL_LONGEST_FIRST:
        if name.startswith(full):
            name = short + name[len(full):]
            break
    for short in _SHORT_LONGEST_FIRST:
        if name.startswith(short):
            return short
    ends = list(_ORG_END.finditer(name))
    if ends and ends[-1].end() < len(name):
        if len(name) - ends[-1].end() > NOISE_MAX:
            return ""  # a phrase (各部门主要负责同志担任…), not a name with noise after it
        return name[: ends[-1].end()]
    return name


def looks_like_department(name: str) -> bool:
    """Whether a piece of a note names who is responsible (not a stray phrase or noise)."""
    return bool(name) and (name in SHORT_NAMES or bool(_COLLECTIVE.match(name))
                           or bool(_ORG_END.search(name)))
