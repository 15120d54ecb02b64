"""`kb pii`: output format, summary line, exit codes, errors, allowlist."""
import re
from pathlib import Path

from kb.pii.cli import main

LINE = re.compile(r"^[^:]+:\d+:\d+: pii\.[a-z-]+ \S.*$")


def run(argv, root, capsys):
    code = main(argv, root)
    return code, capsys.readouterr().out.splitlines()


def test_findings_are_reported_and_exit_1(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("手机13977112345\n邮箱 zhang@qq.com <!-- pii-ok: 公开邮箱 -->\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("QQ 12345678\n", encoding="utf-8")
    (tmp_path / "docs" / "c.py").write_text("13977112345\n", encoding="utf-8")  # not a scanned suffix
    code, lines = run(["docs"], tmp_path, capsys)
    assert code == 1
    assert lines[:-1] == ["docs/a.md:1:3: pii.phone 139****2345", "docs/b.txt:1:4: pii.handle 12****78"]
    assert all(LINE.match(line) for line in lines[:-1])
    assert lines[-1] == "pii: 2 findings in 2 files (1 suppressed)"
    assert "13977112345" not in "\n".join(lines)


def test_clean_files_exit_0(tmp_path, capsys):
    (tmp_path / "ok.md").write_text("小A（化名）在N县某镇生活，热线12355。\n", encoding="utf-8")
    code, lines = run(["ok.md"], tmp_path, capsys)
    assert code == 0
    assert lines == ["pii: 0 findings in 0 files (0 suppressed)"]


def test_invalid_utf8_is_a_one_line_error(tmp_path, capsys):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    code, lines = run(["bad.md"], tmp_path, capsys)
    assert code == 1
    assert lines[0].startswith("bad.md:1:1: error io.decode: ")
    assert "Traceback" not in "\n".join(lines)


def test_missing_file_is_an_error_not_a_traceback(tmp_path, capsys):
    code, lines = run(["nope.md"], tmp_path, capsys)
    assert code == 1
    assert lines[0].startswith("nope.md:1:1: error io.read: ")


def test_allowlist_file_is_used(tmp_path, capsys):
    data = tmp_path / "scripts" / "kb" / "data"
    data.mkdir(parents=True)
    (data / "pii-allowlist.yml").write_text("- {text: '0771-5231888', reason: public switchboard}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("县民政局总机0771-5231888\n", encoding="utf-8")
    code, lines = run(["a.md"], tmp_path, capsys)
    assert (code, lines) == (0, ["pii: 0 findings in 0 files (0 suppressed)"])


def test_cache_dir_option(tmp_path, capsys):
    (tmp_path / "a.md").write_text("手机13977112345\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert run(["--cache-dir", str(cache), "a.md"], tmp_path, capsys)[0] == 1
    assert list(cache.glob("*.json"))


def test_bad_arguments_return_2(tmp_path, capsys):
    assert main([], tmp_path) == 2


def test_repo_allowlist_file_is_valid_yaml():
    import yaml
    path = Path(__file__).resolve().parents[2] / "scripts" / "kb" / "data" / "pii-allowlist.yml"
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), list)
