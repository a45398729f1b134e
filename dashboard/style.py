"""One visual identity for screen and exports: palette, fonts and sizes live here only.

The palette is Okabe–Ito (Color Universal Design), safe for the common forms of
colour blindness.  Fonts fall back to DejaVu Sans, which Debian ships and which
has æøå, so exported PNG/SVG/PDF files render Norwegian text correctly.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

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
ACCENT = PALETTE[1]
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
