"""`kb`: the thin command line over the pipeline. Every command prints findings, never tracebacks."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .report import Finding, summarize


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        root = _root()
        return args.run(root, args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug in kb: one clear line, details on request
        if os.environ.get("KB_DEBUG"):
            raise
        print(f"kb: internal error: {type(error).__name__}: {error} (set KB_DEBUG=1 for details)", file=sys.stderr)
        return 2


def _root() -> Path:
    from .sources import find_root

    try:
        return find_root(Path.cwd().resolve())
    except FileNotFoundError as error:
        raise SystemExit(f"kb: {error}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="协同守护 · Protecting Together — content tooling")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check the content (all files, or only PATH...)")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.set_defaults(run=cmd_check)

    build = sub.add_parser("build", help="check, generate and build the site into site/")
    build.add_argument("--site", type=Path, help="output folder (default: site/, or site-offline/ with --offline)")
    build.add_argument("--offline", action="store_true", help="the copy that opens from file:// (page.html URLs)")
    build.add_argument("--full-crawl", action="store_true",
                       help="let linkchecker crawl every page, not only those changed since its last clean crawl")
    build.add_argument("--timings", action="store_true", help="print how long each phase took")
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="build and preview with live reload")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)

    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the front matter to schemas/")
    schemas.add_argument("--check", action="store_true", help="exit 1 if schemas/ is out of date")
    schemas.set_defaults(run=cmd_schemas)

    verify = sub.add_parser("verify-citations", help="check verified provision cards against reference texts")
    verify.add_argument("--texts", type=Path, required=True, metavar="DIR")
    verify.set_defaults(run=cmd_verify)

    new = sub.add_parser("new-case", help="scaffold a new case (both languages) with the next free id")
    new.add_argument("--title", help="Chinese title")
    new.add_argument("--title-en", help="English title")
    for flag, help_text in (("plight", "plight type id"), ("subtypes", "plight sub-type ids, comma-separated"),
                            ("dimensions", "vulnerability dimension ids"), ("actors", "actor ids"),
                            ("stages", "case-management stage ids"), ("risk", "risk level id"),
                            ("use", "teaching use ids"), ("border", "border flag ids (optional)")):
        new.add_argument(f"--{flag}", help=help_text)
    new.set_defaults(run=cmd_new_case)

    pack = sub.add_parser("pack", help="the offline training pack: offline site, PDFs, exports, forms (one zip)")
    pack.add_argument("--out", type=Path, default=Path("dist/protecting-together-pack.zip"), metavar="ZIP")
    pack.set_defaults(run=cmd_pack)

    bench = sub.add_parser("bench", help="measure check, generation and build time at several sizes (not a test)")
    bench.add_argument("--sizes", default="100,1000,5000", help="numbers of synthetic cases, comma-separated")
    bench.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    bench.set_defaults(run=cmd_bench)

    links = sub.add_parser("linkcheck", help="check external links (network needed; not part of CI)")
    links.add_argument("--external", action="store_true", required=True, help="check links to other sites")
    links.add_argument("--max-age", type=int, default=7, metavar="DAYS", help="recheck successes older than this")
    links.add_argument("--report", type=Path, default=Path("linkcheck-report.md"), metavar="FILE")
    links.set_defaults(run=cmd_linkcheck)

    scrub = sub.add_parser("scrub", help="remove metadata (location, camera) from images in place")
    scrub.add_argument("paths", nargs="+", metavar="PATH")
    scrub.set_defaults(run=cmd_scrub)

    pii = sub.add_parser("pii", help="scan files for personal data")
    pii.add_argument("paths", nargs="+", metavar="PATH")
    pii.set_defaults(run=cmd_pii)
    return parser


def _print(findings: list[Finding], root: Path | None = None) -> None:
    docs = rules_url(root) if root else None
    for finding in findings:
        print(finding.format(docs))


def rules_url(root: Path) -> str | None:
    """The published rules page, so every finding links its rule's documentation entry."""
    import re

    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^site_url:\s*(\S+)", text, re.M)
    return match[1].rstrip("/") + "/contributing/rules/" if match else None


def _relative_paths(root: Path, paths: list[str]) -> set[str]:
    selected = set()
    for raw in paths:
        path = Path(raw).resolve()
        try:
            selected.add(path.relative_to(root).as_posix())
        except ValueError:
            raise SystemExit(f"kb: {raw} is outside the project {root}")
    return selected


def cmd_check(root: Path, args) -> int:
    from .checks import run_checks
    from .checks.i18n import translation_coverage
    from .sources import load_project

    project = load_project(root)
    findings = run_checks(project)
    if args.paths:
        selected = _relative_paths(root, args.paths)
        findings = [f for f in findings if any(f.path == s or f.path.startswith(s.rstrip("/") + "/") for s in selected)]
    _print(findings, root)
    print(translation_coverage(project))
    suppressed = [f"{f.path}:{f.line}" for f in findings if f.rule == "pii.suppressed"]
    print(f"personal-data suppressions: {len(suppressed)}" + (f" ({', '.join(suppressed)})" if suppressed else ""))
    files = sum(1 for _ in project.source_files())
    print(f"kb check: {summarize(findings)} in {files} files")
    return 1 if any(f.severity == "error" for f in findings) else 0


def cmd_build(root: Path, args) -> int:
    from .build import build

    site = args.site.resolve() if args.site else root / ("site-offline" if args.offline else "site")
    timings: dict[str, float] = {}
    ok, findings = build(root, site, offline=args.offline, full_crawl=args.full_crawl, timings=timings)
    _print([f for f in findings if f.severity != "info"], root)
    print(f"kb build: {summarize(findings)}; " + (f"site written to {site}" if ok else f"{site.name}/ left unchanged"))
    if args.timings:
        print("kb build: " + " · ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()), file=sys.stderr)
    return 0 if ok else 1


def cmd_serve(root: Path, args) -> int:
    from . import engine
    from .build import build

    site = root / "site"

    def rebuild() -> None:
        ok, findings = build(root, site, preview=True)
        _print([f for f in findings if f.severity == "error"])
        print(f"kb serve: {summarize(findings)}" + ("" if ok else " — showing the last good build"))

    rebuild()
    watch = [root / name for name in ("docs", "cases", "quizzes", "mkdocs.yml")]
    print(f"kb serve: http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    engine.serve(site, rebuild, watch, args.host, args.port)
    return 0


def cmd_schemas(root: Path, args) -> int:
    from .schemas import write_schemas

    stale = write_schemas(root / "schemas", check_only=args.check)
    for name in stale:
        print(f"schemas/{name}: " + ("out of date (run kb schemas)" if args.check else "written"))
    return 1 if args.check and stale else 0


def cmd_verify(root: Path, args) -> int:
    from .citations import verify_citations
    from .sources import load_project

    texts = args.texts.resolve()
    if not texts.is_dir():
        raise SystemExit(f"kb: {args.texts} is not a folder")
    project = load_project(root)
    findings, checked = verify_citations(project, texts)
    _print(findings)
    print(f"kb verify-citations: {checked} verified cards checked; {summarize(findings)}")
    return 1 if any(f.severity == "error" for f in findings) else 0


def cmd_pack(root: Path, args) -> int:
    import os
    import shutil

    from .pack import make_pack

    executable = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        print("kb pack: no Chromium found to print the PDFs: apt-get install chromium (or set KB_CHROMIUM)",
              file=sys.stderr)
        return 1
    target = args.out if args.out.is_absolute() else root / args.out
    ok, findings = make_pack(root, target, executable)
    _print([f for f in findings if f.severity == "error"], root)
    print(f"kb pack: {summarize(findings)}; " + (f"pack written to {target}" if ok else "no pack written"))
    return 0 if ok else 1


def cmd_bench(root: Path, args) -> int:
    from .bench import BenchError, lighthouse_table, run, table, targets_table

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    try:
        rows, scores = run(root, sizes, with_lighthouse=not args.no_lighthouse)
    except BenchError as error:
        print(f"kb bench: {error}", file=sys.stderr)
        return 1
    print(table(rows))
    if scores:
        print(lighthouse_table(scores))
    print(targets_table(rows, scores))
    print("kb bench: numbers written to docs/maintainers/benchmarks.zh.md and .en.md")
    return 0


def cmd_new_case(root: Path, args) -> int:
    import datetime as dt

    from .scaffold import FIELDS, case_files, next_case_id, validate_choices
    from .sources import load_project
    from .vocabulary import ids

    values: dict = {}
    asking = sys.stdin.isatty()
    title = args.title or (_ask("标题 / title (Chinese)") if asking else None)
    title_en = args.title_en or (_ask("English title") if asking else None) or "TODO: English title"
    for flag, (kind, many) in FIELDS.items():
        raw = getattr(args, flag)
        if raw is None and asking and flag != "border":
            raw = _ask(f"{flag} ({', '.join(ids(kind))})")
        items = [item.strip() for item in (raw or "").split(",") if item.strip()]
        values[flag] = items if many else (items[0] if items else None)
    missing = [flag for flag, (_, many) in FIELDS.items() if flag != "border" and not values[flag]]
    if not title:
        missing.insert(0, "title")
    problems = [f"--{flag}: required" for flag in missing] + validate_choices(values)
    if problems:
        for problem in problems:
            print(f"kb new-case: {problem}", file=sys.stderr)
        return 1
    project = load_project(root)
    case_id = next_case_id(project)
    for lang, text in case_files(case_id, title, title_en, values, dt.date.today()).items():
        path = root / "cases" / f"{case_id}.{lang}.md"
        path.write_text(text, encoding="utf-8")
        print(f"kb new-case: wrote {path.relative_to(root)}")
    print("kb new-case: now write the text; `make check` lists what is still to do (case.todo warnings)")
    return 0


def _ask(prompt: str) -> str:
    return input(f"{prompt}: ").strip()


def cmd_linkcheck(root: Path, args) -> int:
    import datetime as dt

    from .linkcheck import check_external, external_links, report
    from .sources import load_project

    sources = external_links(load_project(root))
    results, fetched = check_external(set(sources), root / ".kb-cache" / "external-links.json",
                                      max_age=dt.timedelta(days=args.max_age))
    target = args.report if args.report.is_absolute() else root / args.report
    target.write_text(report(results, sources), encoding="utf-8")
    broken = sum(not r.ok for r in results.values())
    print(f"kb linkcheck: {len(results)} external links, {fetched} checked now, {broken} broken; report: {target}")
    return 1 if broken else 0


def cmd_scrub(root: Path, args) -> int:
    from .images import ImageError, scrub

    failed = 0
    for raw in args.paths:
        path = Path(raw)
        try:
            removed = scrub(path)
        except (ImageError, OSError) as error:
            print(f"{raw}:1:1: error image.metadata: {error}")
            failed += 1
            continue
        print(f"{raw}: " + (f"removed {', '.join(removed)}" if removed else "no metadata"))
    return 1 if failed else 0


def cmd_pii(root: Path, args) -> int:
    from .pii.cli import main as pii_main

    return pii_main(args.paths, root)


if __name__ == "__main__":
    sys.exit(main())
