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


def _timed(command: list[str], cwd: Path) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run and time a step, sampling the memory of its whole process tree (the engine runs one
    process per language); a failed step stops the benchmark (a failed build is no measurement)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
        raise BenchError(f"{' '.join(command[-3:])} failed: " + " | ".join(tail))
    return seconds, peak, result


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc (0 where unreadable)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return rss + sum(_tree_rss(int(child)) for child in children.read().split())
    except (OSError, ValueError, IndexError):
        return 0


def _phases(stderr: str) -> dict[str, float]:
    """The `kb build --timings` line: {"load": 0.7, ...}."""
    line = next((line for line in stderr.splitlines() if line.startswith("kb build: ") and line.endswith(" s")), "")
    pairs = [part.rsplit(" ", 2) for part in line.removeprefix("kb build: ").split(" · ") if part]
    return {name: float(seconds) for name, seconds, _ in pairs if _ == "s"}


def measure(root: Path, count: int) -> dict:
    kb = [sys.executable, "-m", "kb.cli"]
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        project = make_project(root, Path(tmp) / "project", count)
        check_seconds, _, _ = _timed(kb + ["check"], project)  # warnings only: synthetic text is generic
        generate_seconds, _, _ = _timed([sys.executable, "-c", "import sys; from pathlib import Path; "
                                         "from kb.sources import load_project; from kb.stage import stage; "
                                         "p=load_project(Path('.')); stage(p, Path('staged'), "
                                         "{'zh': Path('plain/zh'), 'en': Path('plain/en')})"], project)
        shutil.rmtree(project / ".kb-cache", ignore_errors=True)  # a cold build: no cache of any kind
        build_seconds, peak, result = _timed(kb + ["build", "--timings"], project)
        phases = _phases(result.stderr)
        edited = project / "cases" / "c1000.zh.md"  # a trainer edits one case and rebuilds
        edited.write_text(edited.read_text(encoding="utf-8").replace("用于性能测试", "用于性能测试（修订）"), encoding="utf-8")
        rebuild_seconds, _, _ = _timed(kb + ["build"], project)
        plain_seconds = 0.0
        for lang in ("zh", "en"):  # what MkDocs users run: one build per language, one after the other
            seconds, _, _ = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"staged/{lang}/mkdocs.yml"], project)
            plain_seconds += seconds
        site = project / "site"
        case_page = site / "cases" / "c1000" / "index.html"
        index = {lang: (site / prefix / "search" / "search_index.json").read_bytes()
                 for lang, prefix in (("zh", ""), ("en", "en"))}
        return {
            "cases": count + len(list(root.glob("cases/*.zh.md"))), "synthetic": count,
            "check_s": round(check_seconds, 1), "generate_s": round(generate_seconds, 1),
            "build_s": round(build_seconds, 1), "rebuild_s": round(rebuild_seconds, 1),
            "engine_s": round(plain_seconds, 1),
            "crawl_s": round(phases.get("site check and crawl", 0), 1),
            "pipeline_ratio": round(build_seconds / plain_seconds, 2),
            "rebuild_ratio": round(rebuild_seconds / plain_seconds, 2),
            "peak_mb": round(peak / 2**20), "pages": len(list(site.rglob("*.html"))),
            "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
            "case_html_kb": round(case_page.stat().st_size / 1024, 1),
            "index_gzip_kb": {lang: round(len(gzip.compress(data, 9)) / 1024) for lang, data in index.items()},
        }


def lighthouse(site: Path) -> dict:
    """Mobile Lighthouse scores for the home, a case and a quiz page (needs npx and Chromium), served
    gzip-compressed as GitHub Pages or any production web server serves them."""
    from .localserver import serve_folder

    scores = {}
    env = dict(os.environ, CHROME_PATH=shutil.which("chromium") or "")
    with serve_folder(site, compress=True) as base:
        for name, path in (("home", ""), ("case", "cases/c002/"), ("quiz", "quizzes/m01/"), ("home (en)", "en/")):
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
    head = ("| cases | pages | kb check (s) | generate (s) | cold build (s) | of which site check and crawl (s) "
            "| rebuild after editing a case (s) | plain engine (s) | cold build / engine | rebuild / engine "
            "| peak memory (MB) | site (MB) | case page HTML (KB) | search index gzip zh / en (KB) |\n" + "|---" * 14 + "|\n")
    lines = [f"| {r['cases']} | {r['pages']} | {r['check_s']} | {r['generate_s']} | {r['build_s']} | {r['crawl_s']} | "
             f"{r['rebuild_s']} | {r['engine_s']} | {r['pipeline_ratio']} | {r['rebuild_ratio']} | {r['peak_mb']} | "
             f"{r['site_mb']} | {r['case_html_kb']} | {r['index_gzip_kb'].get('zh')} / {r['index_gzip_kb'].get('en')} |"
             for r in rows]
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


INTRO = {
    "zh": ("由 `kb bench` 于 {today} 在 {machine} 上测得。每个规模都在项目的临时副本中加入合成案例（元数据有效），"
           "依次测量：`kb check`；生成 Markdown；**冷构建**（没有任何缓存：个人信息扫描、linkchecker 全站爬取）；"
           "修改一个案例后的**重新构建**（培训者日常的情形：只有内容变了的页面交给 linkchecker，"
           "站点自检每次仍检查全部页面的全部链接）；以及对同一批生成的 Markdown 做的**单纯引擎构建**"
           "（每种语言运行一次 `mkdocs build`，先后进行，这是 MkDocs 用户的做法）。"
           "`kb build` 让两种语言的引擎构建在两个核上同时进行，然后运行站点自检，再由两个 linkchecker 进程分别爬取中英文两部分。\n\n"
           "目标：1,000 个案例的构建时间不超过 100 个案例时的 12 倍；流水线比单纯引擎构建多用的时间不超过 15%；"
           "1,000 个案例的双语构建在 2 核上少于 90 秒。峰值内存是构建进程及其全部子进程的常驻内存之和。"
           "Lighthouse 使用移动端预设，页面像 GitHub Pages 等生产服务器一样以 gzip 压缩传输。"),
    "en": ("Measured by `kb bench` on {today} on {machine}. At each size the benchmark adds synthetic cases with "
           "valid metadata to a temporary copy of the project and measures: `kb check`; Markdown generation; a "
           "**cold build** (no cache of any kind: the personal-data scan and linkchecker crawl everything); a "
           "**rebuild after editing one case** (a trainer's everyday case: only pages whose content changed go "
           "to linkchecker, while the site check still checks every link of every page); and a **plain engine "
           "build** of the same generated Markdown (`mkdocs build` once per language, one after the other, as "
           "MkDocs users run it). `kb build` runs the two languages' engine builds side by side on the two "
           "cores, then its site check, then linkchecker's crawl in two processes.\n\n"
           "Targets: the build at 1,000 cases takes at most 12 × the time at 100; the pipeline adds at most 15% "
           "to a plain engine build; a 1,000-case bilingual build finishes in under 90 s on 2 cores. Peak memory "
           "is the resident memory of the build and all its child processes together. Lighthouse uses the "
           "mobile preset, with pages served gzip-compressed as GitHub Pages and other production servers do."),
}


def targets_table(rows: list[dict], scores: dict) -> str:
    """Each target, the measured value and whether it is met (sizes 100 and 1,000 synthetic cases)."""
    small, large = _row_with(rows, 100), _row_with(rows, 1000)
    checks = []
    if small and large:
        growth = large["build_s"] / small["build_s"]
        checks.append(("build time at 1,000 cases ≤ 12 × at 100", f"{growth:.1f} ×", growth <= 12))
    if large:
        checks += [("1,000-case bilingual cold build < 90 s", f"{large['build_s']} s", large["build_s"] < 90),
                   ("pipeline ≤ 1.15 × plain engine (cold build)", f"{large['pipeline_ratio']}", large["pipeline_ratio"] <= 1.15),
                   ("pipeline ≤ 1.15 × plain engine (rebuild)", f"{large['rebuild_ratio']}", large["rebuild_ratio"] <= 1.15)]
    for page, values in scores.items():
        for key, target in (("performance", 95), ("accessibility", 100), ("best-practices", 95), ("seo", 95)):
            if key in values:
                checks.append((f"Lighthouse {page}: {key} ≥ {target}", str(values[key]), values[key] >= target))
    head = "| target | measured | met |\n|---|---|---|\n"
    return head + "".join(f"| {name} | {value} | {'✓' if ok else '✗'} |\n" for name, value, ok in checks)


def _row_with(rows: list[dict], synthetic: int) -> dict | None:
    """The row measured with `synthetic` synthetic cases (rows count the project's own cases too)."""
    return next((row for row in rows if row.get("synthetic") == synthetic), None)


def report_page(rows: list[dict], scores: dict, lang: str) -> str:
    title = "性能基准" if lang == "zh" else "Benchmarks"
    intro = INTRO[lang].format(today=dt.date.today().isoformat(), machine=machine())
    goals = "目标" if lang == "zh" else "Targets"
    return (f"---\ntitle: {title}\n---\n# {title}\n\n{intro}\n\n{table(rows)}\n"
            f"## {goals} {{ #targets }}\n\n{targets_table(rows, scores)}\n"
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
