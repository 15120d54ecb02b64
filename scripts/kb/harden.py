"""Post-build hardening: a strict Content-Security-Policy on every page.

Scripts may come only from the site itself; the few inline scripts the engine writes (its
bootstrap and palette snippets) are allowed by their SHA-256 hashes, computed per page because
they embed the page's relative base path. Our own scripts are files, never inline.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
POLICY = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")


def script_hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(html: str) -> str:
    hashes = sorted({script_hash(match[1]) for match in INLINE_SCRIPT.finditer(html)})
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def add_csp(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return CHARSET.sub(lambda m: m[0] + "\n    " + meta, html, count=1)


def harden_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        page.write_text(add_csp(page.read_text(encoding="utf-8")), encoding="utf-8")
