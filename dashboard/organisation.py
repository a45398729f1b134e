"""The organisation's template for the board pack: name, logo, colours and footer.

Read from the TOML file named by ``NAERINGSPULS_ORGANISATION`` (example:
``data/organisation.example.toml``); without it the pack uses the house defaults.
A missing or broken file never stops a download: the defaults are used and
``Organisation.warnings`` says, in Norwegian, which file and why.  Every text in
the file is data: it is written into slides as plain text runs, never as markup.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import style

ENV = "NAERINGSPULS_ORGANISATION"
DEFAULT_NAME = "Osloregionens faggruppe for Næringssamarbeid"
MAX_TEXT = 200  # characters of name or footer: one line on a slide
MAX_FILE_BYTES = 64 * 1024
MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Organisation:
    name: str = DEFAULT_NAME
    primary: str = style.PRIMARY
    accent: str = style.ACCENT
    footer: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes, checked
    source: str | None = None  # the file it came from
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _text(value, key: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(f"«{key}» må være tekst (standardverdien er brukt)")
        return None
    # Control characters (other than none) would corrupt the slide XML; a long text would leave the slide.
    clean = " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())
    if len(clean) > MAX_TEXT:
        problems.append(f"«{key}» er kortet ned til {MAX_TEXT} tegn")
        clean = clean[: MAX_TEXT - 1].rstrip() + "…"
    return clean


def _colour(value, key: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _HEX.match(value.strip()):
        return value.strip().upper()
    problems.append(f"«{key}» må være en farge som #0072B2 (standardfargen er brukt)")
    return None


def _logo(value, base: Path, problems: list[str]) -> bytes | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems.append("«logo» må være en filsti (ingen logo er brukt)")
        return None
    path = Path(value).expanduser()
    path = path if path.is_absolute() else base / path
    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            problems.append(f"logoen {path.name} er større enn {MAX_LOGO_BYTES // (1024 * 1024)} MB (ingen logo er brukt)")
            return None
        data = path.read_bytes()
    except OSError:
        problems.append(f"finner ikke logoen {path.name} (ingen logo er brukt)")
        return None
    if not any(data.startswith(magic) for magic in LOGO_TYPES):
        problems.append(f"logoen {path.name} er ikke PNG eller JPEG (ingen logo er brukt)")
        return None
    return data


def parse(text: str, source: str, base: Path) -> Organisation:
    """The template in ``text`` (TOML); what cannot be used falls back to the default, with a warning."""
    name = Path(source).name
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Organisation(source=source, warnings=(f"Malfilen {name} kunne ikke leses ({exc}); standardmalen er brukt.",))
    org = raw.get("organisation", raw)
    if not isinstance(org, dict):
        return Organisation(source=source, warnings=(f"Malfilen {name} mangler [organisation]; standardmalen er brukt.",))
    problems: list[str] = []
    values = {
        "name": _text(org.get("name"), "name", problems),
        "footer": _text(org.get("footer"), "footer", problems),
        "primary": _colour(org.get("primary_colour"), "primary_colour", problems),
        "accent": _colour(org.get("accent_colour"), "accent_colour", problems),
        "logo": _logo(org.get("logo"), base, problems),
    }
    warnings = tuple(f"Malfilen {name}: {p}." for p in problems)
    return Organisation(**{k: v for k, v in values.items() if v}, source=source, warnings=warnings)


def load(path: str | os.PathLike | None = None) -> Organisation:
    """The template from ``path`` (default ``$NAERINGSPULS_ORGANISATION``); defaults when unset."""
    path = path or os.environ.get(ENV)
    if not path:
        return Organisation()
    p = Path(path).expanduser()
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            return Organisation(source=str(p), warnings=(f"Malfilen {p.name} er for stor (over 64 kB); standardmalen er brukt.",))
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Organisation(source=str(p), warnings=(f"Finner ikke malfilen {p.name}; standardmalen er brukt.",))
    except (OSError, UnicodeDecodeError) as exc:
        why = f"Malfilen {p.name} kunne ikke leses ({type(exc).__name__}); standardmalen er brukt."
        return Organisation(source=str(p), warnings=(why,))
    return parse(text, str(p), p.parent)
