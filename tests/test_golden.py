"""Golden files: every fixture document with a sibling ``<name>.expected.json``.

The expected files are hand-checked truth, not snapshots.  To rewrite them after a
deliberate change run ``python -m tests.test_golden --update`` (or set
``UPDATE_GOLDEN=1`` when running pytest) and review ``git diff`` line by line.

The full ``etl.pipeline.process`` output (read, parse, enrich) is compared.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from pathlib import Path

import pytest

MINUTES = Path(__file__).resolve().parent / "fixtures" / "minutes"
DOC_EXTENSIONS = {".txt", ".md", ".pdf", ".docx"}


def golden_path(doc: Path) -> Path:
    return doc.with_name(doc.name + ".expected.json")


def fixture_documents() -> list[Path]:
    return sorted(p for p in MINUTES.iterdir() if p.suffix.lower() in DOC_EXTENSIONS and p.is_file())


def produce(doc: Path) -> dict:
    from etl.pipeline import process

    return process(doc, root=MINUTES).to_dict()


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def update(docs: list[Path]) -> None:
    for doc in docs:
        golden_path(doc).write_text(dump(produce(doc)), encoding="utf-8")
        print("wrote", golden_path(doc).relative_to(MINUTES.parent.parent.parent))


DOCS = fixture_documents()


def test_every_fixture_document_has_a_golden():
    missing = [d.name for d in fixture_documents() if not golden_path(d).exists()]
    assert not missing, f"fixture documents without .expected.json: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_golden(doc: Path):
    actual = dump(produce(doc))
    path = golden_path(doc)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")  # then review `git diff` by eye
    assert path.exists(), f"{doc.name} has no golden file; run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{path.name} (expected)",
                tofile=f"{doc.name} (actual)",
                n=2,
            )
        )
        pytest.fail(f"{doc.name} differs from its golden file:\n{diff}", pytrace=False)


if __name__ == "__main__":
    if "--update" in sys.argv:
        update(fixture_documents())
    else:
        print(__doc__)
