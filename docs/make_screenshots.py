"""Screenshots for docs/screenshots.md: three dashboard pages and three board-pack slides.

    .venv/bin/python docs/make_screenshots.py [--db data/naering.duckdb]

Without ``--db`` it builds a warehouse of many meetings (the test fixture minutes plus
synthetic monthly minutes, as tests/conftest.py does) in a temporary folder. It starts the
real server (``streamlit run dashboard/serve.py``), drives Debian's Chromium through
Playwright at 1440×900 (never a downloaded browser), and renders the Tema page's board
pack PDF with pypdfium2. PNGs are scaled and palette-quantised to keep the set small.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = {"oversikt": "", "tema": "tema", "saker": "saker"}
SLIDES = {"pakke-1": 0, "pakke-2": 2, "pakke-3": 4}  # title, the theme trend chart, the first statements
VIEWPORT = {"width": 1440, "height": 900}
WIDTH = 1100  # px of the saved PNGs


def build_fixture_db(folder: Path) -> Path:
    from etl.synthetic import write_minutes
    from etl.warehouse.build import build

    minutes = folder / "minutes"
    minutes.mkdir()
    for doc in (ROOT / "tests" / "fixtures" / "minutes").iterdir():
        if doc.is_file() and not doc.name.endswith(".json"):
            shutil.copy(doc, minutes / doc.name)
    write_minutes(minutes / "synthetic", 18)
    db = folder / "naering.duckdb"
    report = build(minutes, db)
    if not report.ok:
        sys.exit(f"Bygging feilet: {report.failures}")
    return db


def save_small(img, path: Path) -> None:
    """Scale to WIDTH and quantise to 128 colours: the docs need legibility, not fidelity."""
    from PIL import Image

    img = img.convert("RGB")
    img = img.resize((WIDTH, round(img.height * WIDTH / img.width)), Image.LANCZOS)
    img.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = os.environ | {"NAERINGSPULS_DB": str(db), "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "serve.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]  # fmt: skip
    log_file = log.open("w")  # the server writes to it until it is stopped
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return proc, url
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    sys.exit(f"Serveren startet ikke; se {log}")


def page_shots(url: str, tmp: Path) -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(viewport=VIEWPORT, locale="nb-NO", timezone_id="Europe/Oslo")
        page = ctx.new_page()
        for name, path in PAGES.items():
            page.goto(f"{url}/{path}", timeout=60_000)
            page.wait_for_selector("h1", timeout=60_000)
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
                timeout=60_000,
            )
            page.wait_for_timeout(2500)  # plotly draws after the script run ends
            raw = tmp / f"{name}.png"
            page.screenshot(path=str(raw))
            save_small(Image.open(raw), OUT / f"{name}.png")
        browser.close()


def pack_pdf(db: Path) -> bytes:
    """The Tema page's board pack for all themes (its two charts, statements and key figures): the one the
    slide checks in tests/test_pack_slides.py look at."""
    os.environ["NAERINGSPULS_DB"] = str(db)
    sys.path.insert(0, str(ROOT / "tests"))
    from exports_helpers import tema_pack_pdf

    from dashboard import db as dbmod

    return tema_pack_pdf(dbmod.db_version())


def slide_shots(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for name, index in SLIDES.items():
        save_small(pdf[index].render(scale=2).to_pil(), OUT / f"{name}.png")
    pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="en ferdig warehouse-fil (ellers bygges en av testreferatene)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        os.environ.setdefault("NAERINGSPULS_CORRECTIONS", str(tmp / "corrections.jsonl"))
        db = args.db or build_fixture_db(tmp)
        proc, url = start_server(db, tmp / "streamlit.log")
        try:
            page_shots(url, tmp)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        slide_shots(pack_pdf(db))
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"i alt {total // 1024} KB")


if __name__ == "__main__":
    main()
