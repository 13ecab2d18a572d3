"""Radar charts of rubric levels, drawn with ReportLab's own SpiderChart: one interview's profile,
where it still reads (three scored competencies or more). The panel uses a strip plot (strip.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bidi.algorithm import get_display  # the implementation that mirrors brackets in right-to-left runs
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from interviewdesk.export.pdf.fonts import SANS, family_for, has_rtl
from interviewdesk.export.pdf.styles import MUTED, SERIES

MIN_SPOKES = 3  # a radar of fewer axes says nothing a table does not


def radar(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
    *,
    top_level: int,
    size: float = 220,
) -> Drawing | None:
    """Levels per competency, one strand per series; None when there are too few competencies."""
    if len(labels) < MIN_SPOKES or not series:
        return None
    drawing = Drawing(size + 150, size + 36, initialFontName=SANS)
    chart = SpiderChart()
    chart.x, chart.y = 75, 18
    chart.width = chart.height = size
    # An invisible outer strand pins the scale to the rubric's top level, not the highest score.
    # Callers pass scored spokes only: a level of None would be drawn at the centre, as a 0.
    chart.data = [[level or 0 for level in levels] for _, levels in series] + [[top_level] * len(labels)]
    chart.labels = [_short(label) for label in labels]
    chart.spokes.strokeColor = colors.HexColor("#C8CDD2")
    chart.spokes.strokeDashArray = (2, 2)
    chart.spokes.labelRadius = 1.08
    chart.spokeLabels.boxAnchor = "autox"  # anchored on the side away from the centre
    chart.spokeLabels.fontName = _label_font(labels)
    chart.spokeLabels.fontSize = 7.5
    chart.spokeLabels.fillColor = MUTED
    chart.strandLabels.format = None
    for index in range(len(series)):
        colour = SERIES[index % len(SERIES)]
        chart.strands[index].strokeColor = colour
        chart.strands[index].strokeWidth = 1.5
        chart.strands[index].fillColor = colors.Color(colour.red, colour.green, colour.blue, alpha=0.12)
        chart.strands[index].symbol = "FilledCircle"
        chart.strands[index].symbolSize = 4
    hidden = len(series)
    chart.strands[hidden].strokeColor = None
    chart.strands[hidden].fillColor = None
    drawing.add(chart)
    return drawing


def _short(label: str, limit: int = 24) -> str:
    """Shortened, and in visual order: the chart draws each label left to right."""
    label = label if len(label) <= limit else label[: limit - 1] + "…"
    return get_display(label) if has_rtl(label) else label


def _label_font(labels: Sequence[str]) -> str:
    """Chart labels take one font each: the one the first non-Latin character needs, if any."""
    for label in labels:
        for char in label:
            family = family_for(char)
            if family not in (None, SANS):
                return family
    return SANS
