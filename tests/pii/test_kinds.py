"""At least one positive and one negative example for every kind."""
import pytest

from kb.pii import scan_text


def kinds(text: str, **kwargs) -> list[str]:
    return [f.kind for f in scan_text(text, **kwargs)]


POSITIVE = [
    ("id-number", "身份证号451481201203070021。"),
    ("id-number", "号码 451421 1985 0612 003X 已登记"),
    ("id-number", "旧证450103850612123作废"),
    ("phone", "手机13977112345"),
    ("phone", "电话：+86 139-7711-2345"),
    ("phone", "座机(0771)12345678"),
    ("phone", "座机0771-1234567"),
    ("phone", "座机0771 1234 5678"),
    ("email", "邮箱 zhang@qq.com"),
    ("handle", "微信号：abc_123"),
    ("handle", "QQ 12345678"),
    ("handle", "抖音号 xyz"),
    ("handle", "WeChat ID: lanlan_88"),
    ("bank-card", "卡号6228480012345671"),
    ("bank-card", "卡号 6217-0012-3456-7890-122"),
    ("plate", "车牌桂F·12345"),
    ("plate", "车牌桂A D12345"),
    ("plate", "车牌粤BD12345"),
    ("birthdate", "她2012年3月7日出生"),
    ("birthdate", "出生日期：2012.3.7"),
    ("birthdate", "DOB 2012-03-07"),
    ("birthdate", "born on March 7, 2012"),
    ("address", "家住民主路12号"),
    ("address", "礼茶村3组15号"),
    ("address", "A村3组12号"),
    ("address", "住在3栋2单元501室"),
    ("address", "幸福社区5号楼"),
    ("name", "母亲黄秀兰带着孩子"),
    ("name", "社工韦丽萍告诉我们"),
    ("name", "黄丽说她很累"),
    ("name", "名叫梁家豪的男孩"),
    ("name", "阮氏梅嫁到中国"),
    ("name", "农小红(9岁)在读三年级"),
    ("name", "Her mother Nguyen Thi Lan works abroad."),
    ("place", "她在龙州读书"),
    ("place", "后来去了东莞"),
    ("place", "转到爱店镇"),
    ("place", "住在大新县"),
    ("place", "龙胜县的亲戚"),
    ("school", "凭祥市第一中学"),
    ("school", "龙州县人民医院"),
    ("school", "爱店镇中心小学"),
    ("school", "宁明县民政局"),
]

NEGATIVE = [
    ("id-number", "身份证号451481201203070022。"),  # bad checksum
    ("id-number", "编号 991481201203070021"),  # no such province
    ("id-number", "号码 450602197802300015"),  # 30 February
    ("phone", "拨打110、119、120、122、12345、12355、12338、12110或96110求助"),
    ("phone", "2023年共服务1380人次"),
    ("email", "请发邮件给负责人"),
    ("handle", "通过微信 App 联系，加入微信群后说明"),
    ("handle", "she uses WeChat and QQ every day"),
    ("bank-card", "流水号6228480012345672"),  # Luhn fails
    ("plate", "桂林山水甲天下"),
    ("birthdate", "2012年出生"),
    ("birthdate", "该法于2020年10月17日修订，自2021年6月1日起施行。"),
    ("birthdate", "2023年3月7日家访"),
    ("address", "小A住在某村"),
    ("address", "某村3组5号"),
    ("address", "N县某镇A村"),
    ("address", "国发〔2016〕36号、民发〔2019〕62号"),
    ("name", "李某说，黄某某的母亲来了"),
    ("name", "王奶奶说，黄老师说，李医生、韦书记、陆主任、农阿姨和梁叔都来了"),
    ("name", "儿童主任、儿童督导员、民政局、派出所、村委会、妇联"),
    ("name", "小梅（化名）说她想妈妈"),
    ("name", "黄丽（化名）说她想妈妈"),
    ("name", "小A说，小明说"),
    ("name", "高中生的母亲说，石头的母亲说"),
    ("place", "N县某镇、B镇、A村、县城和乡镇"),
    ("place", "广西、广东、越南、中国、毗邻国、边境"),
    ("place", "每天等着，最大化，大新闻，安居乐业，资源"),
    ("place", "在广东务工"),
    ("school", "某镇中心小学、N县人民医院、县民政局、乡镇卫生院"),
]


@pytest.mark.parametrize("kind,text", POSITIVE)
def test_positive(kind, text):
    assert kind in kinds(text)


@pytest.mark.parametrize("kind,text", NEGATIVE)
def test_negative(kind, text):
    assert kind not in kinds(text)


def test_every_kind_has_positive_and_negative_cases():
    all_kinds = {"id-number", "phone", "email", "handle", "bank-card", "plate",
                 "birthdate", "address", "name", "place", "school"}
    assert {k for k, _ in POSITIVE} == all_kinds
    assert {k for k, _ in NEGATIVE} == all_kinds


def test_statistics_laws_and_ages_are_silent():
    text = (
        "依据第十一条第二款和第92条，全县3.5万人中37.9%为7–12岁儿童，每月补助1200元，"
        "第3天和D+14复评，国发〔2016〕36号，2012年出生，热线12355。"
    )
    assert scan_text(text) == []


def test_declared_pseudonym_is_not_a_name():
    assert kinds("黄丽说她很累", pseudonyms=["黄丽"]) == []


def test_allowlisted_text_is_not_reported():
    assert kinds("总机0771-1234567", allowlist=["0771-1234567"]) == []


def test_columns_point_into_the_original_text():
    text = "第一行\n联系人手机：13977112345"
    finding = scan_text(text)[0]
    assert (finding.line, finding.col) == (2, 7)
    assert text.splitlines()[1][finding.col - 1 :].startswith("139")


def test_surname_character_ending_a_word_is_not_a_name():
    assert kinds("班主任黄老师问起，班主任韦老师了解情况") == []
