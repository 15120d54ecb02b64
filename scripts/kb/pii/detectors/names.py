"""Person names that were not replaced by a pseudonym.

Running prose is full of surname characters (高, 石, 常 ...), so a name is only reported with
evidence: a context word before it (名叫, 母亲, 社工 ...) or after it (说, 的母亲, (8岁) ...),
or the unmistakable shape of a Vietnamese name (阮氏X). jieba's dictionary then vetoes
candidates that are ordinary words, and jieba.posseg (tag nr) settles where the name ends.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from ..model import Span

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃"
    "武戴莫孔汤农蒙阮凌甘岑闭滕黎蓝麦容植欧庞卓翟卜"
)
_VIET_SURNAMES = "阮黎陈范黄武吴潘裴邓杜胡丁何林郑段"
_CJK = r"[\u4e00-\u9fff]"

# A title or kinship word in place of a given name: 王奶奶, 黄老师, 韦书记 are not names.
_TITLES = (
    "奶奶 爷爷 阿姨 叔叔 婶婶 伯伯 大伯 大妈 大爷 大娘 阿婆 婆婆 公公 老师 医生 书记 主任 校长 警官 所长 局长 "
    "村长 支书 社工 大姐 大哥 姐姐 哥哥 师傅 同学 先生 女士 老板 队长 组长 干部 律师 法官 院长 护士 专干 委员 "
    "家长 阿公 警察 民警 家人 家里 一家"
).split()
# One-character titles count only as the whole given part (王姐, 黄姨), so 农小红 stays a name.
_SHORT_TITLES = frozenset("叔姨婶伯姐哥嫂妈爸总工某家氏老小警医姓族村屯镇县市乡组公婆")
# jieba tags some everyday words nr; these never count as names.
_NOT_NAMES = frozenset(
    "高中生 高中 石头 金额 方面 方式 白天 江边 龙头 马上 常年 夏天 文化 安全 向上 黄金 史上 陆续 程序 "
    "孙子 孙女 曾经 曾孙 毛病 严重 严格 钱款 雷同 龚某 蓝色 欧元 容易 卓越 翟某 卜某 任务 任何 任课 "
    "韦某 农村 农民 农业 蒙受 甘心 凌晨 岑某 闭门 麦田 宋体 唐突 许多 许可 余额 余下 杜绝 叶子 苏醒 "
    "魏某 吕某 丁点 沈默 姚某 卢某 姜汤 崔某 钟头 谭某 汪洋 范围 范文 金钱 廖某 贾某 夏季 付出 付款 "
    "傅某 邹某 孟某 熊孩子 秦某 邱某 江湖 尹某 薛某 闫某 段时间 雷电 侯某 龙州 陶瓷 黎明 贺卡 顾问 "
    "顾及 毛巾 郝某 邵某 钱包 严厉 覃某 武装 武器 戴着 莫名 孔某 汤某 农户 蒙某 阮某 凌乱 甘蔗 植物 "
    "欧洲 庞大 卓有 张开 张贴 李子 刘海 杨树 周末 周围 周岁 周边 徐徐 马路 朱红 胡乱 郭某 何时 何况 "
    "何处 林中 林业 罗列 郑重 梁上 谢谢 宋代 唐代 许久 韩国 冯某 邓某 曹某 彭某 曾某 肖像 田地 田间 "
    "董事 袁某 潘某 蒋某 蔡某 程度 苏联 魏晋 吕某 丁某 任意 沈阳 姚明 卢某 石油 石灰 金融 白色 白菜 "
    "方法 方向 方案 邹某 熊猫 江西 江苏 雷锋 龙岗 史料 陶冶 黎族 贺州 顾客 毛衣 严肃 钱财 武汉 戴上 "
    "孔子 汤圆 农历 蒙古 凌云 甘肃 岑溪 闭合 滕某 蓝天 麦子 容纳 庞某 翟某 卜卦 高兴 高速 高考 高级".split()
)
# Characters that end a given name rather than belong to it (verbs and particles that follow names).
_STOP_CHARS = frozenset("的了着过说在是和与跟同把被给让从向对到去来带也都就已曾于将还又才便仍不没很最每一这那及等们")

_PRE_CONTEXT = (
    r"(?:名叫|名为|叫做|叫|姓名\s*[:：]?\s*|母亲|父亲|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|继父|继母|养父|养母|"
    r"哥哥|姐姐|弟弟|妹妹|丈夫|妻子|儿子|女儿|社工|老师|村医|民警|校长|班主任|儿童主任|督导员|邻居|同学|"
    r"监护人|嫌疑人|被告人|当事人|受害人|被害人|网友|男友|女友)"
)
_POST_CONTEXT = (
    r"(?:说|告诉|表示|称|回忆|介绍|哭着|笑着|坦言|"
    r"的(?:母亲|父亲|妈妈|爸爸|奶奶|爷爷|外婆|外公|丈夫|妻子|女儿|儿子|孩子|家人|家)|"
    r"\s*\(\d{1,2}岁|,\s*\d{1,2}岁|,\s*今年\d{1,2}岁|今年\d{1,2}岁|同学|老师)"
)
_PRE = re.compile(_PRE_CONTEXT + r"\s*(?P<name>[" + SURNAMES + r"]" + _CJK + r"{1,2})")
_POST = re.compile(r"(?P<name>[" + SURNAMES + r"]" + _CJK + r"{1,2}?)(?=" + _POST_CONTEXT + r")")
_VIET = re.compile(
    r"(?P<name>[" + _VIET_SURNAMES + r"]氏" + _CJK + r"{1,2}|阮(?:文|德|春|玉|明|青|金|红|氏)" + _CJK + r"{1,2})"
)
_VIET_LATIN = re.compile(
    r"\b(?:Nguyen|Tran|Le|Pham|Hoang|Huynh|Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly)\s+"
    r"(?:Thi|Van|Duc|Minh|Ngoc|Thanh)\s+[A-Z][a-z]+\b"
)
_PSEUDONYM_MARK = re.compile(r"\s*[(（\[]?\s*(?:化名|假名|pseudonym)")


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba, jieba.posseg


def _is_common_word(word: str) -> bool:
    """True for a dictionary word that jieba does not tag as a person name."""
    if word in _NOT_NAMES:
        return True
    _, posseg = _jieba()
    tag = posseg.dt.word_tag_tab.get(word)
    return tag is not None and not tag.startswith("nr")


@functools.lru_cache(maxsize=65536)
def _posseg_name_length(window: str) -> int:
    """Length of the nr token (or surname + nr token) that starts `window`, 0 if none."""
    _, posseg = _jieba()
    tokens = list(posseg.cut(window))
    if not tokens or not tokens[0].flag.startswith("nr"):
        return 0
    first = tokens[0].word
    if len(first) == 1 and len(tokens) > 1 and tokens[1].flag.startswith("nr") and len(tokens[1].word) <= 2:
        return 1 + len(tokens[1].word)
    return len(first) if len(first) in (2, 3) else 0


def _trim_given_name(line: str, start: int, end: int) -> int:
    """Pick the end of a greedy surname+1..2 match: stop characters first, then jieba."""
    if end - start < 3:
        return end
    if line[start + 2] in _STOP_CHARS or _is_common_word(line[start + 2 : start + 4]):
        return start + 2
    if end == len(line) or line[end] in _STOP_CHARS or not "\u4e00" <= line[end] <= "\u9fff":
        return end
    length = _posseg_name_length(line[start : start + 6])
    return start + length if length in (2, 3) else end


def _plausible(line: str, start: int, end: int, after_context_word: bool) -> bool:
    name = line[start:end]
    given = name[1:]
    if not given or given in _SHORT_TITLES or any(given.startswith(t) for t in _TITLES) or "某" in name:
        return False
    if given[0] in _STOP_CHARS or _is_common_word(name) or _is_common_word(name[:2]):
        return False
    # 任 of 班主任 is no surname; skipped after a context word, which owns the previous character.
    if not after_context_word and start > 0 and _is_common_word(line[start - 1 : start + 1]):
        return False
    return not _PSEUDONYM_MARK.match(line, end)


def _candidates(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, source) for every context-backed candidate; source is pre, post or shape."""
    for match in _PRE.finditer(line):
        yield match.start("name"), match.end("name"), "pre"
    for match in _POST.finditer(line):
        yield match.start("name"), match.end("name"), "post"
    for match in _VIET.finditer(line):
        yield match.start("name"), match.end("name"), "shape"


def find_names(line: str) -> Iterator[Span]:
    seen: set[int] = set()
    for start, end, source in _candidates(line):
        if start in seen:
            continue
        if source != "post":  # the post-context regex already ends exactly at the name
            end = _trim_given_name(line, start, end)
        if _plausible(line, start, end, after_context_word=source == "pre"):
            seen.add(start)
            yield Span(start, end, "name")
    for match in _VIET_LATIN.finditer(line):
        yield Span(match.start(), match.end(), "name")
