"""One visual identity for screen and exports: palette, fonts and sizes live here only.

The palette is Okabe–Ito (Color Universal Design), safe for the common forms of
colour blindness.  Fonts fall back to DejaVu Sans, which Debian ships and which
has æøå, so exported PNG/SVG/PDF files render Norwegian text correctly.
"""

from __future__ import annotations

import hashlib

import plotly.graph_objects as go
import plotly.io as pio

from etl.vocab import MONTH_NAMES

# Okabe–Ito, ordered so the first colours are the most distinct.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
PRIMARY = PALETTE[0]
# One colour per kind of sak, on every page and in every export (vocab.SAK_KINDS).
KIND_COLORS: dict[str, str] = {
    "datasenter": PALETTE[0],
    "etablering": PALETTE[2],
    "nedleggelse": PALETTE[5],
    "naeringsareal": PALETTE[1],
    "finansiering": PALETTE[3],
    "plan": PALETTE[4],
}
# One colour per theme (the taxonomy's theme ids), on every page, chart and export.
# Written out, not derived from the taxonomy's order, so a theme added to the
# taxonomy never shifts the colour of another.  The frequent themes get the
# Okabe–Ito colours (datasentre and næringsarealer as their sak kinds above);
# the rest Paul Tol's "muted" and "light" palettes, also designed to be
# colour-blind safe.  A theme this table does not know gets one of these
# colours by a hash of its id (the same in every process: not Python's hash()).
THEME_COLORS: dict[str, str] = {
    "datasenter": "#0072B2",  # blue
    "naeringsarealer": "#E69F00",  # orange
    "forsvar": "#009E73",  # bluish green
    "industri": "#D55E00",  # vermillion
    "energi": "#F0E442",  # yellow
    "helsenaering": "#CC79A7",  # reddish purple
    "reiseliv": "#56B4E9",  # sky blue
    "kompetanse": "#332288",  # indigo
    "stedsutvikling": "#DDCC77",  # sand
    "innovasjon": "#AA4499",  # purple
    "samferdsel": "#88CCEE",  # cyan
    "beredskap": "#CC6677",  # rose
    "bolig": "#117733",  # green
    "offentlig_okonomi": "#882255",  # wine
    "maritim": "#44AA99",  # teal
    "klima": "#999933",  # olive
    "sirkulaer": "#BBCC33",  # pear
    "internasjonal": "#FFAABB",  # pink
    "naeringsvennlig": "#EE8866",  # light orange
}
THEME_FALLBACK_PALETTE: tuple[str, ...] = tuple(THEME_COLORS.values())
ACCENT = PALETTE[1]
TEXT = "#222222"
MUTED = "#6B6B6B"
GRID = "#E5E5E5"
BACKGROUND = "#FFFFFF"
# Sequential scale for intensity (light → dark blue), also colour-blind safe.
SEQUENTIAL: tuple[str, ...] = ("#DEEBF7", "#9ECAE1", "#4292C6", "#08519C", "#08306B")

FONT_FAMILY = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
EXPORT_FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"  # what Chromium has on a Debian box
FONT_SIZE = 14
TITLE_SIZE = 20
SUBTITLE_SIZE = 14
NOTE_SIZE = 11

# Slide-ready export size: 16:9, rendered at 2× for a sharp PNG (3200×1800 px).
EXPORT_WIDTH = 1600
EXPORT_HEIGHT = 900
EXPORT_SCALE = 2
# Export text sizes (px in the 1600×900 layout): larger than on screen, so a
# chart pasted on a slide is readable from the back of a meeting room.
EXPORT_FONT_SIZE = 18
EXPORT_TITLE_SIZE = 32
EXPORT_SUBTITLE_SIZE = 20
EXPORT_NOTE_SIZE = 15
# Margins (px) around the plot area of an exported chart; the bottom one holds the source line.
EXPORT_MARGIN = dict(l=80, r=60, t=175, b=120)

# TrueType files with æøå, for PDFs written by fpdf2 (Debian package fonts-dejavu-core).
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_REGULAR_PATH = f"{FONT_DIR}/DejaVuSans.ttf"
FONT_BOLD_PATH = f"{FONT_DIR}/DejaVuSans-Bold.ttf"

# Board pack (PowerPoint and PDF): 16:9 widescreen pages.
SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
SLIDE_MARGIN_IN = 0.5
PACK_TITLE_PT = 36  # title slide
PACK_HEADING_PT = 26  # slide titles
PACK_BODY_PT = 16
PACK_NOTE_PT = 11
PACK_FONT = "DejaVu Sans"  # PowerPoint falls back to its default sans if missing
# Chart pictures in the pack: full slide width under the slide title (≈ 12.3 × 5.4 in).
PACK_CHART_WIDTH_PX = 1280
PACK_CHART_HEIGHT_PX = 560
PACK_CHART_SCALE = 2.5  # 3200×1400 px
# A map keeps its true proportions, so it is rendered wider (the body of a slide is ≈ 12.3 × 4.6 in
# under a one-line comment): drawn at 1280×560 it left a band of white on each side of the slide.
PACK_MAP_HEIGHT_PX = 485
PACK_STATEMENTS_PER_SLIDE = 4
PACK_MAX_STATEMENTS = 12
PACK_STATEMENT_CHARS = 320

TEMPLATE_NAME = "naeringspuls"


def register_template() -> str:
    """Register and return the plotly template used by every chart on screen and in exports."""
    if TEMPLATE_NAME not in pio.templates:
        template = go.layout.Template(pio.templates["plotly_white"])
        template.layout.colorway = list(PALETTE)
        template.layout.font = dict(family=FONT_FAMILY, size=FONT_SIZE, color="#222222")
        template.layout.title = dict(font=dict(size=TITLE_SIZE))
        template.layout.paper_bgcolor = BACKGROUND
        template.layout.plot_bgcolor = BACKGROUND
        template.layout.xaxis = dict(gridcolor=GRID, zerolinecolor=GRID)
        template.layout.yaxis = dict(gridcolor=GRID, zerolinecolor=GRID)
        template.layout.separators = ", "  # Norwegian: decimal comma, space as thousands separator
        template.layout.hoverlabel = dict(font=dict(family=FONT_FAMILY))
        pio.templates[TEMPLATE_NAME] = template
    return TEMPLATE_NAME


def color_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def theme_color(theme_id: str) -> str:
    """The colour of a theme everywhere (``THEME_COLORS``, else a fixed pick by its id)."""
    if theme_id in THEME_COLORS:
        return THEME_COLORS[theme_id]
    digest = hashlib.sha1(theme_id.encode("utf-8")).digest()
    return THEME_FALLBACK_PALETTE[int.from_bytes(digest[:4], "big") % len(THEME_FALLBACK_PALETTE)]


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``"#0072B2"`` → ``(0, 114, 178)``, for python-pptx and fpdf2."""
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


# Norwegian labels for plotly's modebar (the browser's own "Last ned som PNG"),
# passed with the chart because Streamlit registers no plotly locales.
MODEBAR_LOCALE = "no"
MODEBAR_DICTIONARY = {
    "Download plot as a PNG": "Last ned som PNG",
    "Download plot as a png": "Last ned som PNG",
    "Download plot": "Last ned som PNG",
    "Zoom": "Zoom",
    "Pan": "Panorer",
    "Box Select": "Velg område",
    "Lasso Select": "Velg med lasso",
    "Zoom in": "Zoom inn",
    "Zoom out": "Zoom ut",
    "Autoscale": "Autoskaler",
    "Reset axes": "Tilbakestill akser",
    "Reset view": "Tilbakestill visning",
    "Toggle Spike Lines": "Vis/skjul hjelpelinjer",
    "Show closest data on hover": "Vis nærmeste data ved peking",
    "Compare data on hover": "Sammenlign data ved peking",
    "Produced with Plotly.js": "Laget med Plotly.js",
}


# Norwegian month and day names for plotly date axes (on screen and in exports).
PLOTLY_LOCALE_FORMAT = {
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": list(MONTH_NAMES),
    "shortMonths": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
    "date": "%d.%m.%Y",
    "decimal": ",",
    "thousands": " ",
}  # fmt: skip


def plotly_locale_config() -> dict:
    """The part of the plotly.js config that makes a chart Norwegian (used by kaleido too)."""
    return {
        "locale": MODEBAR_LOCALE,
        "locales": {MODEBAR_LOCALE: {"dictionary": MODEBAR_DICTIONARY, "format": PLOTLY_LOCALE_FORMAT}},
    }


def plotly_config(filename: str) -> dict:
    """plotly.js config for charts on screen: Norwegian modebar, slide-ready browser PNG."""
    return {
        "displaylogo": False,
        **plotly_locale_config(),
        "toImageButtonOptions": {
            "format": "png",
            "filename": filename,
            "width": EXPORT_WIDTH,
            "height": EXPORT_HEIGHT,
            "scale": EXPORT_SCALE,
        },
    }
