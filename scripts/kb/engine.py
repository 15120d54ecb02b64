"""The only module that knows MkDocs: build a staged language tree into HTML, or serve it.

A later engine (Zensical reads the same generated mkdocs.yml) is one more function here.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner on every build


@dataclass(frozen=True)
class EngineMessage:
    page: str | None  # staged page path ("cases/c001.md") the message is about, if any
    text: str


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[EngineMessage] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if "Aborted with" in text:
            return
        page = re.search(r"'([^']+\.md)'", text)
        self.messages.append(EngineMessage(page[1] if page else None, " ".join(text.split())))


def build_html(config_file: Path) -> list[EngineMessage]:
    """Build one language; return the engine's warnings (strict: any warning fails the build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    _quiet_jieba()
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file))
        build(config)
    except Abort:
        pass
    except MkDocsException as error:
        collect.messages.append(EngineMessage(None, str(error)))
    except Exception as error:  # a Markdown extension failing on a page; MkDocs has usually logged which
        if not collect.messages:
            collect.messages.append(EngineMessage(None, f"{type(error).__name__}: {error}"))
    finally:
        logger.removeHandler(collect)
    return collect.messages


def _quiet_jieba() -> None:
    """jieba sets its logger to DEBUG when imported; its dictionary banner is noise in every build."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


def serve(root_dir: Path, rebuild: Callable[[], None], watch: list[Path], host: str, port: int) -> None:
    """Serve a built site with live reload; `rebuild` runs whenever a watched path changes."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(root_dir))
    for path in watch:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
