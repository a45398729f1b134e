"""A native, editable PowerPoint chart (python-pptx's chart API) from ``native_chart.NativeChart``."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt

from dashboard import style
from dashboard.exports.native_chart import NativeChart

_TYPES = {
    ("column", False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("column", True): XL_CHART_TYPE.COLUMN_STACKED,
    ("bar", False): XL_CHART_TYPE.BAR_CLUSTERED,
    ("bar", True): XL_CHART_TYPE.BAR_STACKED,
    ("line", False): XL_CHART_TYPE.LINE_MARKERS,
    ("line", True): XL_CHART_TYPE.LINE_MARKERS_STACKED,
}
NUMBER_FORMAT = "#,##0"  # the reader's own thousands separator in PowerPoint and Excel


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor(*style.rgb(hex_color))


def add_native_chart(slide, spec: NativeChart, left, top, width, height, font: str, *, name: str):
    """Add ``spec`` to ``slide`` as a chart PowerPoint can edit; returns the graphic frame."""
    # PowerPoint draws a bar chart's first category at the bottom: a list read top-down on screen is
    # given in reverse (reversing the axis instead would move the value axis to the top).
    flip = (lambda xs: list(reversed(xs))) if spec.top_down and spec.kind == "bar" else list
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = flip(spec.categories)
    for s in spec.series:
        data.add_series(s.name, flip(s.values))
    frame = slide.shapes.add_chart(_TYPES[(spec.kind, spec.stacked)], left, top, width, height, data)
    frame.name = name
    chart = frame.chart
    chart.font.name = font
    chart.font.size = Pt(12)
    chart.font.color.rgb = _rgb(style.TEXT)
    chart.has_legend = spec.show_legend
    if spec.show_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(11)
    plot = chart.plots[0]
    if spec.kind != "line":
        plot.gap_width = 40
        if spec.stacked:
            plot.overlap = 100
    for series, s in zip(plot.series, spec.series, strict=True):
        fmt = series.format
        if spec.kind == "line":
            if s.colour:
                fmt.line.color.rgb = _rgb(s.colour)
            fmt.line.width = Pt(2.25)
            series.smooth = False
            continue
        if s.colour:
            fmt.fill.solid()
            fmt.fill.fore_color.rgb = _rgb(s.colour)
        for i, colour in enumerate(flip(s.point_colours or [])):
            point = series.points[i].format
            point.fill.solid()
            point.fill.fore_color.rgb = _rgb(colour)
    if spec.data_labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format, labels.number_format_is_linked = NUMBER_FORMAT, False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(11)
    cat_axis, value_axis = chart.category_axis, chart.value_axis
    cat_axis.tick_labels.font.size = Pt(11)
    cat_axis.has_major_gridlines = False
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb(style.GRID)
    value_axis.tick_labels.number_format, value_axis.tick_labels.number_format_is_linked = NUMBER_FORMAT, False
    value_axis.tick_labels.font.size = Pt(11)
    value_axis.format.line.fill.background()
    if spec.value_title:
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = spec.value_title
        for run in value_axis.axis_title.text_frame.paragraphs[0].runs:
            run.font.size, run.font.bold, run.font.name = Pt(11), False, font
    return frame
