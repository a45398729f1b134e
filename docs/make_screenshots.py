"""Screenshots for docs/screenshots.md: three dashboard pages and three board-pack slides.

    .venv/bin/python docs/make_screenshots.py [--db data/naering.duckdb]

Without ``--db`` it builds a warehouse of many meetings (the test fixture minutes plus
synthetic monthly minutes, as tests/conftest.py does) in a temporary folder. It starts the
real server (``streamlit run dashboard/serve.py``), drives Debian's Chromium through
Playwright at 1440×900 (never a downloaded browser), and builds the Styrepakke builder's
PowerPoint pack (every slide it offers, as tests/test_pack_render.py does), converts it with
LibreOffice (``soffice --headless --convert-to pdf``, a temporary profile) and renders three
of its slides with pypdfium2: the map, a chart and the first statements. PNGs are scaled and
palette-quantised to keep the set small.
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
# name: (URL path, the heading to scroll to, or None for the top of the page)
PAGES = {"oversikt": ("", None), "tema": ("tema", None), "saker": ("saker", None),
         "saker-kart": ("saker", "Hvor sakene er")}
# The builder pack's slides to show: the map, a chart, the first statements (pack_slides.SLIDES' keys).
SLIDES = {"pakke-1": "kart", "pakke-2": "tema-over-tid", "pakke-3": "utsagn"}
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
        for name, (path, heading) in PAGES.items():
            page.goto(f"{url}/{path}", timeout=60_000)
            page.wait_for_selector("h1", timeout=60_000)
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
                timeout=60_000,
            )
            if heading:
                # Streamlit scrolls its main block, not the window: let the browser find the scroller.
                page.get_by_role("heading", name=heading).first.evaluate("h => h.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(2500)  # plotly draws after the script run ends
            raw = tmp / f"{name}.png"
            page.screenshot(path=str(raw))
            save_small(Image.open(raw), OUT / f"{name}.png")
        browser.close()


def pack_pdf(db: Path, tmp: Path) -> bytes:
    """The Styrepakke builder's PowerPoint pack with every slide it offers and hand-picked statements
    (the one tests/test_pack_render.py checks), as LibreOffice prints it."""
    os.environ["NAERINGSPULS_DB"] = str(db)
    sys.path.insert(0, str(ROOT / "tests"))
    from exports_helpers import builder_pack

    from dashboard import db as dbmod

    pptx, _ = builder_pack(dbmod.db_version(), "pptx")
    src = tmp / "styrepakke.pptx"
    src.write_bytes(pptx)
    soffice = shutil.which("soffice") or "soffice"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    return (tmp / "styrepakke.pdf").read_bytes()


def slide_index(kind: str) -> int:
    """The builder pack's page of a slide kind: the title slide, then pack_slides.SLIDES in order,
    then the statements."""
    from dashboard import pack_slides

    kinds = list(pack_slides.SLIDES)
    return 1 + (kinds.index(kind) if kind in kinds else len(kinds))


def slide_shots(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for name, kind in SLIDES.items():
        save_small(pdf[slide_index(kind)].render(scale=2).to_pil(), OUT / f"{name}.png")
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
        slide_shots(pack_pdf(db, tmp))
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"i alt {total // 1024} KB")


if __name__ == "__main__":
    main()
