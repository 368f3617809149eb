"""Every CLI error is one line on stderr with a non-zero exit, usage errors included."""

import pytest

from syriamap.cli import main


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["extract", "--published", "2024-99-01", "x.txt"], 2, "--published"),
        (["capitals"], 2, "Missing option '--date'"),
        (["nosuch"], 2, "No such command"),
        (["resolve"], 2, "Missing argument"),
        (["status", "--date", "2024-13-01"], 1, "2024-13-01"),
        (["claims", "--place", "Narnia"], 1, "Narnia"),
        (["render", "--date", "2024-12-07", "--format", "xml"], 1, "xml"),
    ],
)
def test_errors_are_one_line(argv, code, needle, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == code
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("syriamap: error: ")
    assert needle in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing written
