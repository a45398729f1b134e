"""Documentation stays true: every setting the code reads is documented in the README."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_every_environment_setting_is_documented():
    used: set[str] = set()
    for folder in ("etl", "dashboard", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"NAERINGSPULS_[A-Z0-9_]+", path.read_text(encoding="utf-8")))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(NAERINGSPULS_[A-Z0-9_]+)` \|", readme, flags=re.M))
    assert used, "no settings found: the scan is broken"
    assert used <= documented, f"settings missing from README's Settings table: {sorted(used - documented)}"


def test_every_page_path_is_documented():
    app = (ROOT / "dashboard" / "streamlit_app.py").read_text(encoding="utf-8")
    paths = re.findall(r'url_path="([^"]*)"', app)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(paths) == 10  # eight data pages, Styrepakke and Logg; Legg til referat has its own URL_PATH constant
    for path in paths:
        assert f"| `/{path}` |" in readme, f"page /{path} is not in the README's page table"


def test_every_make_target_in_help_is_in_the_readme():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r'@echo "make (\w+)', makefile):
        assert f"`make {target}`" in readme, f"make {target} is not documented in README.md"
