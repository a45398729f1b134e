"""What the suite needs is installed: `make test` installs it, and a gap fails here, clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

from dashboard.exports import render


def test_debian_chromium_is_installed_for_exports_and_browser_tests():
    assert render.chromium_available(), "Chromium not found: run `make test` (it installs Debian's chromium)"


def test_dejavu_fonts_are_installed_for_norwegian_letters_in_exports():
    assert Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file(), "install fonts-dejavu-core"


def test_no_browser_was_downloaded_by_playwright():
    # Browsers come from Debian only; a Playwright download would hide a missing system package.
    cache = Path.home() / ".cache" / "ms-playwright"
    assert not cache.exists() or not any(cache.glob("chromium*")), f"Playwright browser download found in {cache}"
    assert shutil.which("chromium") or shutil.which("chromium-browser")
