"""Benchmark (not a test): scan ~N MB of generated Chinese case prose cold, report seconds.

    PYTHONPATH=scripts python -m kb.pii.bench [megabytes]
"""
from __future__ import annotations

import random
import sys
import time

from .scanner import scan_text

_CLEAN = (
    "小A（化名），女，{year}年出生，就读于N县某镇中心小学{grade}年级，父亲李某常年在广东务工。",
    "{month}月，儿童主任在入户走访中发现小A多次缺课，第{day}天复访时，王奶奶说孩子晚上经常一个人在家。",
    "根据《未成年人保护法》第十一条第二款，儿童督导员向县民政局报告，并联系村委会和派出所。",
    "全县共有留守儿童{n}万人，其中7–12岁占{pct}%，每月发放基本生活费{money}元，热线12355全天开放。",
    "按照国发〔2016〕13号文件要求，镇里在D+{day}召开个案会商，黄老师和韦书记参加。",
    "母亲阮某为越南籍，{year}年离家后失去联系，小A与奶奶、弟弟生活在某镇A村。",
)
_LEAKY = (
    "社工{name}告诉督导员，孩子的奶奶电话是139{phone}。",
    "母亲{name}带着孩子从凭祥市回到龙州县，住在友谊镇礼茶村{day}组{day}号。",
    "她{year}年{month}月{day}日出生，微信号：mei_{phone}。",
)
_NAMES = ("黄秀兰", "韦丽萍", "农小红", "覃海燕", "梁家豪", "阮氏梅", "陆春燕", "蒙秀英")


def generate(megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    lines: list[str] = []
    size = 0
    while size < target:
        template = rng.choice(_LEAKY) if rng.random() < 0.1 else rng.choice(_CLEAN)
        line = template.format(
            year=rng.randint(2005, 2016), grade=rng.randint(1, 6), month=rng.randint(1, 12),
            day=rng.randint(1, 28), n=rng.randint(1, 9), pct=round(rng.uniform(10, 60), 1),
            money=rng.randint(300, 2000), name=rng.choice(_NAMES), phone=rng.randint(10_000_000, 99_999_999),
        )
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines)


def run(megabytes: float = 5) -> dict:
    text = generate(megabytes)
    started = time.perf_counter()
    findings = scan_text(text)
    seconds = time.perf_counter() - started
    return {
        "megabytes": round(len(text.encode("utf-8")) / 1024 / 1024, 2),
        "lines": text.count("\n") + 1,
        "findings": len(findings),
        "seconds": round(seconds, 2),
    }


if __name__ == "__main__":
    print(run(float(sys.argv[1]) if len(sys.argv) > 1 else 5))
