"""`kb bench`: how the pipeline scales. Not a test: it measures and reports.

For each size N it copies the project into a temporary folder, adds N synthetic cases with valid
metadata, and measures `kb check`, generation, the full bilingual build, a plain engine build of the
same generated Markdown, peak memory and sizes. Lighthouse (npx, pinned) runs on three pages.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .vocabulary import ids, vocabulary

LIGHTHOUSE = "lighthouse@12.8.2"
PARAGRAPH_ZH = ("孩子由年迈的祖母照料，父母在外务工，一年只回家一次。儿童主任入户走访时发现家中缺粮，孩子常常一个人在家，"
                "学校反映孩子上课注意力不集中。乡镇儿童督导员接到报告后组织评估，民政部门核实保障情况，学校安排老师定期谈心，"
                "社会组织为家庭提供生活支持和家庭教育指导。各方在个案会商中明确分工，约定跟进时间和责任人。")
PARAGRAPH_EN = ("The child is cared for by an elderly grandmother while the parents work away. The child director finds "
                "little food at home; the school notices the child cannot concentrate. The township supervisor arranges "
                "an assessment, civil affairs checks the benefits, and a social organization supports the family.")
SECTIONS = [("background", "背景", "Background"), ("dimensions", "儿童处境：四个维度", "The child's situation"),
            ("basic-life", "基本生活", "Basic living needs"), ("safety", "安全", "Safety"),
            ("mental-health", "心理健康", "Mental health"), ("social-development", "社会发展", "Social development"),
            ("timeline", "事件经过", "What happened"), ("actors", "各方做了什么", "What each actor did"),
            ("lessons", "成效与不足", "What worked"), ("discussion", "讨论题", "Discussion questions"),
            ("trainer-notes", "培训者笔记", "Trainer notes")]


def synthetic_case(number: int, lang: str) -> str:
    """A valid composite case (about 1,500 Chinese characters) with rotating facets."""
    pick = lambda kind, k=1: [ids(kind)[(number + i) % len(ids(kind))] for i in range(k)]
    subtype = pick("plight_subtype")[0]
    plight = vocabulary()["plight_subtype"][subtype]["parent"]
    case_id = f"c{number}"
    if lang == "zh":
        meta = {"id": case_id, "title": f"合成测试案例 {number}", "summary": "用于性能测试的合成案例。", "plight": plight,
                "plight_subtypes": [subtype], "vulnerability": pick("vulnerability", 2), "actors": pick("actor", 3),
                "stages": pick("stage", 3), "risk_level": pick("risk_level")[0], "teaching_use": ["typical"],
                "learning_objectives": ["能说出各方职责。"], "pseudonyms": [],
                "anonymization": {"source": "composite", "reidentification_risk": "low", "reviewed": "2026-11-28"}}
    else:
        meta = {"id": case_id, "title": f"Synthetic case {number}", "summary": "A synthetic case for benchmarks.",
                "learning_objectives": ["Name each actor's duties."], "pseudonyms": []}
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
    paragraph = PARAGRAPH_ZH if lang == "zh" else PARAGRAPH_EN
    for anchor, zh, en in SECTIONS:
        level = "###" if anchor in ("basic-life", "safety", "mental-health", "social-development") else "##"
        text += f"\n{level} {zh if lang == 'zh' else en} {{ #{anchor} }}\n\n"
        if anchor == "discussion":
            text += "".join(f"{n}. {'为什么？' if lang == 'zh' else 'Why?'}\n" for n in range(1, 5))
        elif anchor != "dimensions":
            text += paragraph * (2 if anchor in ("background", "actors", "lessons") else 1) + "\n"
    return text


def make_project(source: Path, target: Path, count: int, keep_cases: bool = True) -> Path:
    """A copy of the project with `count` synthetic cases (ids c1000 upwards)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "quizzes", "schemas", "cases"):
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=None if keep_cases or name != "cases" else lambda *_: [
                p for p in os.listdir(path) if p.endswith(".md")])
        elif path.exists():
            shutil.copyfile(path, target / name)
    (target / "cases").mkdir(exist_ok=True)
    if (source / "node_modules").exists():
        (target / "node_modules").symlink_to(source / "node_modules")
    for number in range(1000, 1000 + count):
        for lang in ("zh", "en"):
            (target / "cases" / f"c{number}.{lang}.md").write_text(synthetic_case(number, lang), encoding="utf-8")
    return target


class BenchError(RuntimeError):
    pass


def _timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Run and time a step; a failed step stops the benchmark (a failed build is no measurement)."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode not in (0,):
        tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
        raise BenchError(f"{' '.join(command[-3:])} failed: " + " | ".join(tail))
    return time.perf_counter() - start, result


def measure(root: Path, count: int) -> dict:
    kb = [sys.executable, "-m", "kb.cli"]
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        project = make_project(root, Path(tmp) / "project", count)
        check_seconds, _ = _timed(kb + ["check"], project)  # warnings only: synthetic text is generic
        generate_seconds, _ = _timed([sys.executable, "-c", "import sys; from pathlib import Path; "
                                      "from kb.sources import load_project; from kb.stage import stage; "
                                      "p=load_project(Path('.')); stage(p, Path('staged'), "
                                      "{'zh': Path('plain/zh'), 'en': Path('plain/en')})"], project)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        build_seconds, result = _timed(kb + ["build"], project)
        peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        plain_seconds = 0.0
        for lang in ("zh", "en"):
            seconds, _ = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"staged/{lang}/mkdocs.yml"], project)
            plain_seconds += seconds
        site = project / "site"
        case_page = site / "cases" / "c1000" / "index.html"
        index = {lang: (site / prefix / "search" / "search_index.json").read_bytes()
                 for lang, prefix in (("zh", ""), ("en", "en"))} if site.exists() else {}
        return {
            "cases": count + len(list(root.glob("cases/*.zh.md"))), "ok": result.returncode == 0,
            "check_s": round(check_seconds, 1), "generate_s": round(generate_seconds, 1),
            "build_s": round(build_seconds, 1), "engine_s": round(plain_seconds, 1),
            "pipeline_ratio": round(build_seconds / plain_seconds, 2) if plain_seconds else None,
            "peak_mb": round(peak_mb), "pages": len(list(site.rglob("*.html"))) if site.exists() else 0,
            "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1) if site.exists() else 0,
            "case_html_kb": round(case_page.stat().st_size / 1024, 1) if case_page.exists() else None,
            "index_gzip_kb": {lang: round(len(gzip.compress(data, 9)) / 1024) for lang, data in index.items()},
        }


def lighthouse(site: Path) -> dict:
    """Mobile Lighthouse scores for the home, a case and a quiz page (needs npx and Chromium)."""
    from .sitecheck import serve_folder

    scores = {}
    env = dict(os.environ, CHROME_PATH=shutil.which("chromium") or "")
    with serve_folder(site) as base:
        for name, path in (("home", ""), ("case", "cases/c002/"), ("quiz", "quizzes/m01/")):
            out = subprocess.run(["npx", "--yes", LIGHTHOUSE, base + path, "--quiet", "--output=json",
                                  "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                                 capture_output=True, text=True, env=env, timeout=300)
            try:
                categories = json.loads(out.stdout)["categories"]
                scores[name] = {key: round(value["score"] * 100) for key, value in categories.items()}
            except (ValueError, KeyError, TypeError):
                scores[name] = {"error": (out.stderr or "no output").strip().splitlines()[-1][:120]}
    return scores


def table(rows: list[dict]) -> str:
    head = ("| cases | pages | kb check (s) | generate (s) | full build (s) | plain engine (s) | pipeline / engine "
            "| peak memory (MB) | site (MB) | case page HTML (KB) | search index gzip zh / en (KB) |\n" + "|---" * 11 + "|\n")
    lines = [f"| {r['cases']} | {r['pages']} | {r['check_s']} | {r['generate_s']} | {r['build_s']} | {r['engine_s']} | "
             f"{r['pipeline_ratio']} | {r['peak_mb']} | {r['site_mb']} | {r['case_html_kb']} | "
             f"{r['index_gzip_kb'].get('zh')} / {r['index_gzip_kb'].get('en')} |" for r in rows]
    return head + "\n".join(lines) + "\n"


def lighthouse_table(scores: dict) -> str:
    head = "| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n"
    rows = []
    for page, values in scores.items():
        cells = [values.get(key, values.get("error", "—")) for key in ("performance", "accessibility", "best-practices", "seo")]
        rows.append(f"| {page} | " + " | ".join(str(c) for c in cells) + " |")
    return head + "\n".join(rows) + "\n"


def machine() -> str:
    return f"{platform.node() or 'machine'}: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def report_page(rows: list[dict], scores: dict, lang: str) -> str:
    today = dt.date.today().isoformat()
    title = "性能基准" if lang == "zh" else "Benchmarks"
    intro = (f"由 `kb bench` 于 {today} 在 {machine()} 上测得。目标：1,000 个案例的构建时间不超过 100 个案例时的 12 倍；"
             "流水线比单纯引擎构建多用的时间不超过 15%；1,000 个案例的双语构建在 2 核上少于 90 秒。"
             if lang == "zh" else
             f"Measured by `kb bench` on {today} on {machine()}. Targets: the build at 1,000 cases takes at most 12 × "
             "the time at 100; the pipeline adds at most 15% to a plain engine build; a 1,000-case bilingual build "
             "finishes in under 90 s on 2 cores.")
    return (f"---\ntitle: {title}\n---\n# {title}\n\n{intro}\n\n{table(rows)}\n"
            f"## Lighthouse {{ #lighthouse }}\n\n{lighthouse_table(scores)}")


def run(root: Path, sizes: list[int], with_lighthouse: bool = True) -> tuple[list[dict], dict]:
    rows = []
    for size in sizes:
        print(f"kb bench: {size} synthetic cases …", flush=True)
        rows.append(measure(root, size))
        print(table(rows[-1:]), flush=True)
    scores = {}
    if with_lighthouse:
        with tempfile.TemporaryDirectory(prefix="kb-bench-site-") as tmp:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "kb.cli", "build", "--site", str(site)], cwd=root, capture_output=True)
            scores = lighthouse(site)
    folder = root / "docs" / "maintainers"
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        (folder / f"benchmarks.{lang}.md").write_text(report_page(rows, scores, lang), encoding="utf-8")
    return rows, scores
