"""The distribution as a user installs it: `python -m build` makes an sdist and a wheel named
news-timeline, and the package installs from them into a fresh virtual environment, where the
`timeline` command runs. Dependencies come from the package index (or pip's cache)."""
import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_build_install_and_run_in_a_fresh_venv(tmp_path):
    out = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    sdist = next(out.glob("news_timeline-*.tar.gz"))
    wheel = next(out.glob("news_timeline-*-py3-none-any.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "timeline/cli.py" in names and any(n.startswith("timeline/db/") and n.endswith(".sql") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(sdist)], capture_output=True, text=True,
                         timeout=600)
    assert pip.returncode == 0, pip.stderr[-2000:]
    exe = venv / "bin" / "timeline"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("timeline ")
    extracted = subprocess.run([str(exe), "extract", "-", "--published", "2026-03-02", "--format", "json"],
                               input="Port\n\nThe union must reply by Friday.\n", capture_output=True, text=True, timeout=120)
    assert extracted.returncode == 0, extracted.stderr
    assert [m["due"] for m in json.loads(extracted.stdout)["mentions"]] == ["2026-03-06"]
    db = tmp_path / "t.db"
    added = subprocess.run([str(exe), "--db", str(db), "add", "-", "--published", "2026-03-02"],
                           input="Port\n\nThe union must reply by Friday.\n", capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr  # the schema migrations ship inside the wheel
