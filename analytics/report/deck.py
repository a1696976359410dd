"""The PowerPoint deck: 16:9, a title slide, one finding per slide, a closing methodology.

Every finding slide reads top to bottom: the section, a headline that states the finding, what the
chart shows, the chart (a native PowerPoint chart the client can restyle and edit, or a crisp PNG
where PowerPoint has no such chart: heatmaps, scatters), and a short note beside it. Every text box
is measured once written (`fit`: a real font, wrapped as PowerPoint wraps it) and its text made smaller,
step by step, until the box holds it, so a headline a third longer in French or Vietnamese stays in its
box; every box also asks PowerPoint to shrink text that would still overflow.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from contextlib import contextmanager

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Inches, Pt
from xlsxwriter import Workbook

from analytics import i18n
from analytics.charts import BRAND, PALETTE, localize
from analytics.i18n import _
from analytics.report import fit, text
from analytics.report.figures import literal_labels
from analytics.report.images import figure_png
from analytics.report.model import Finding, NativeChart, Report, section_title

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
INK = "#0F172A"
GREY = "#475569"
LIGHT = "#F1F5F9"
GRID = "#E2E8F0"
GOOD, BAD = "#047857", "#B91C1C"
MARGIN = 0.6
CHART_BOX = (MARGIN, 2.35, 8.65, 4.4)  # left, top, width, height in inches
NOTE_BOX = (9.55, 2.35, 3.18, 4.4)
CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
# Thousands and millions on an axis, the way a client reads them (Excel conditional format).
COMPACT = '[>=1000000]0.0,,"M";[>=1000]0,"K";0'
PX_PER_INCH = 72  # layout pixels per inch of slide: the charts' 13 px text reads as 13 pt


# Characters an XML file may not hold (control characters, lone surrogates): an uploaded label
# carrying one would stop the deck from being written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def plain(value: object) -> str:
    """Text as PowerPoint can hold it: characters no XML file may contain are left out."""
    return _NOT_XML.sub("", str(value))


class _TextWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's writer of a chart's embedded workbook, with text always written as text.

    Behind PowerPoint's "Edit Data", XlsxWriter would otherwise turn a category such as
    `=HYPERLINK(...)` (a territory or a format name from an upload) into a live formula, and a URL
    into a link.
    """

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = Workbook(xlsx_file, options)
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _ChartData(CategoryChartData):
    @property
    def _workbook_writer(self):
        return _TextWorkbookWriter(self)


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def safe_color(color: str | None, default: str = BRAND) -> str:
    """A "#RRGGBB" colour, or the default for anything else."""
    return color if isinstance(color, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color) else default


def luminance(color: str) -> float:
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def accent_text_color(brand: str) -> str:
    """The brand colour for small text, unless it is too light to read on white."""
    return brand if luminance(brand) < 0.7 else INK


# ---------------------------------------------------------------- text boxes


def _box(slide, left: float, top: float, width: float, height: float):
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    frame.margin_left = frame.margin_right = Inches(0.02)
    frame.margin_top = frame.margin_bottom = Inches(0.02)
    return shape


def _write(frame, value: str, *, size: float, color: str = INK, bold: bool = False, paragraph=None):
    paragraph = paragraph if paragraph is not None else frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = plain(value)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = rgb(color)
    return run


def _text(slide, box, value: str, *, size: float, color: str = INK, bold: bool = False, align=None):
    shape = _box(slide, *box)
    _write(shape.text_frame, value, size=size, color=color, bold=bold)
    if align is not None:
        shape.text_frame.paragraphs[0].alignment = align
    return shape


def _rectangle(slide, left: float, top: float, width: float, height: float, color: str, *, rounded=False):
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, Inches(left), Inches(top), Inches(width), Inches(height))
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(color)
    shape.line.fill.background()
    # No theme style: its effect reference draws a shadow in some viewers even under an empty effect list.
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    if rounded:
        shape.adjustments[0] = 0.08
    return shape


def _picture_fit(slide, data: bytes, left: float, top: float, width: float, height: float, *, align="left"):
    """A picture as large as fits the box, keeping its proportions."""
    picture = slide.shapes.add_picture(io.BytesIO(data), Inches(left), Inches(top))
    ratio = min(Inches(width) / picture.width, Inches(height) / picture.height)
    picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)
    if align == "right":
        picture.left = Inches(left + width) - picture.width
    picture.top = Inches(top) + (Inches(height) - picture.height) // 2
    return picture


EMU_PER_POINT = 12700
SMALLEST = 0.6  # text is never made smaller than 60% of the size it was set at


def shrink_to_fit(shape) -> float:
    """Make the box's text smaller, in steps of 5%, until the box holds it; the scale used."""
    frame = shape.text_frame
    width = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_POINT
    room = (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PER_POINT
    set_at = [[(run, run.font.size.pt) for run in paragraph.runs] for paragraph in frame.paragraphs]
    spacing = [paragraph.space_before.pt if paragraph.space_before else 0.0 for paragraph in frame.paragraphs]
    scale = 1.0
    while True:
        sizes = [[(run, math.floor(size * scale * 2) / 2) for run, size in runs] for runs in set_at]
        paragraphs = [[(run.text, size, bool(run.font.bold)) for run, size in runs] for runs in sizes]
        if fit.height(paragraphs, width, spacing) <= room or scale <= SMALLEST + 1e-9:
            break
        scale -= 0.05
    for runs in sizes:
        for run, size in runs:
            run.font.size = Pt(size)
    return scale


def headline_size(headline: str) -> int:
    if len(headline) <= 60:
        return 30
    if len(headline) <= 95:
        return 26
    return 22


# ---------------------------------------------------------------- slides


def _blank(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])


def _footer(slide, report: Report, number: int) -> None:
    who = report.client or report.brand_label
    _text(
        slide,
        (MARGIN, 7.0, 9.5, 0.3),
        _("{who} · {dates} · TikTok data via CommunityLens").format(
            who=who, dates=text.span(report.period.start, report.period.end)
        ),
        size=10,
        color=GREY,
    )
    _text(slide, (12.13, 7.0, 0.6, 0.3), str(number), size=10, color=GREY, align=PP_ALIGN.RIGHT)
    if report.logo is not None and report.logo_type:
        _picture_fit(slide, report.logo, 10.4, 6.93, 1.5, 0.4, align="right")


def _title_slide(prs, report: Report, brand: str) -> None:
    slide = _blank(prs)
    _rectangle(slide, 0, 0, 13.333, 0.28, brand)
    _rectangle(slide, 0, 7.22, 13.333, 0.28, brand)
    if report.logo is not None and report.logo_type:
        _picture_fit(slide, report.logo, 0.8, 0.8, 3.2, 1.3)
    _text(slide, (0.8, 2.45, 11.7, 1.0), report.title, size=44, bold=True)
    _text(
        slide,
        (0.8, 3.45, 11.7, 0.7),
        report.client or report.brand_label,
        size=28,
        color=accent_text_color(brand),
        bold=True,
    )
    details = report.period.describe()
    if report.client and report.client != report.brand_label:
        details = f"{report.brand_label} · {details}"
    _text(slide, (0.8, 4.2, 11.7, 0.5), details, size=18, color=GREY)
    contents = " · ".join(section_title(name) for name in report.sections)
    _text(slide, (0.8, 4.85, 11.7, 0.5), contents, size=16, color=INK)
    _text(
        slide,
        (0.8, 6.45, 11.7, 0.4),
        _("Prepared on {day} with CommunityLens, from the brand's TikTok exports.").format(
            day=text.day(report.generated_on)
        ),
        size=12,
        color=GREY,
    )


def _finding_slide(prs, report: Report, finding: Finding, brand: str, number: int, images: bool) -> None:
    slide = _blank(prs)
    _rectangle(slide, 0, 0, 13.333, 0.12, brand)
    _text(
        slide,
        (MARGIN, 0.32, 12.1, 0.32),
        section_title(finding.section).upper(),
        size=12,
        bold=True,
        color=accent_text_color(brand),
    )
    headline = _text(
        slide, (MARGIN, 0.66, 12.13, 1.3), finding.headline, size=headline_size(finding.headline), bold=True
    )
    headline.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    headline.name = "Headline"  # i18n: a shape name or an Excel format
    _text(slide, (MARGIN, 1.98, 12.13, 0.34), finding.caption, size=13, color=GREY)

    if finding.kpis:
        _kpi_tiles(slide, finding)
    elif finding.table is not None:
        _table(slide, finding.table, brand)
    elif finding.native is not None:
        _native_chart(slide, finding.native)
    elif finding.figure is not None:
        _image(slide, finding, images)

    left, top, width, height = NOTE_BOX
    _rectangle(slide, left, top, width, height, LIGHT)
    note = _box(slide, left + 0.18, top + 0.15, width - 0.36, height - 0.3)
    note.name = "Note"  # i18n: a shape name or an Excel format
    size = 14 if len(finding.note) <= 320 else 12 if len(finding.note) <= 480 else 11
    _write(note.text_frame, finding.note, size=size, color=INK)
    _footer(slide, report, number)


def _kpi_tiles(slide, finding: Finding) -> None:
    left, top, width, height = CHART_BOX
    columns = 4 if len(finding.kpis) > 6 else 3
    rows = math.ceil(len(finding.kpis) / columns)
    gap = 0.14
    tile_width = (width - gap * (columns - 1)) / columns
    tile_height = min(1.5, (height - gap * (rows - 1)) / rows)
    for index, kpi in enumerate(finding.kpis):
        x = left + (index % columns) * (tile_width + gap)
        y = top + (index // columns) * (tile_height + gap)
        _rectangle(slide, x, y, tile_width, tile_height, LIGHT, rounded=True)
        box = _box(slide, x + 0.12, y + 0.08, tile_width - 0.24, tile_height - 0.16)
        frame = box.text_frame
        _write(frame, kpi.label, size=12, color=GREY)
        _write(frame, kpi.value, size=24 if rows <= 3 else 20, bold=True, paragraph=frame.add_paragraph())
        if kpi.change:
            color = GREY if kpi.is_good is None else GOOD if kpi.is_good else BAD
            _write(
                frame,
                f"{kpi.change} {_(kpi.change_basis)}" if kpi.change_basis else kpi.change,
                size=11,
                color=color,
                paragraph=frame.add_paragraph(),
            )


def _table(slide, table_frame: pd.DataFrame, brand: str) -> None:
    left, top, width, _height = CHART_BOX
    rows, columns = len(table_frame) + 1, len(table_frame.columns)
    row_height = 0.36
    shape = slide.shapes.add_table(
        rows, columns, Inches(left), Inches(top), Inches(width), Inches(row_height * rows)
    )
    table = shape.table
    widths = [3.0] + [(width - 3.0) / (columns - 1)] * (columns - 1)
    for index, column_width in enumerate(widths):
        table.columns[index].width = Inches(column_width)
    header_text = "FFFFFF" if luminance(brand) < 0.6 else INK.lstrip("#")
    for column, name in enumerate(table_frame.columns):
        cell = table.cell(0, column)
        cell.fill.solid()
        cell.fill.fore_color.rgb = rgb(brand)
        _cell_text(cell, str(name), bold=True, color="#" + header_text)
    for row_index, row in enumerate(table_frame.itertuples(index=False), start=1):
        for column, value in enumerate(row):
            cell = table.cell(row_index, column)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb("#FFFFFF" if row_index % 2 else LIGHT)
            shown = text.number(value) if isinstance(value, int) else str(value)
            _cell_text(cell, shown, align=PP_ALIGN.RIGHT if isinstance(value, int) else None)


def _cell_text(cell, value: str, *, bold: bool = False, color: str = INK, align=None) -> None:
    frame = cell.text_frame
    frame.paragraphs[0].text = ""
    run = frame.paragraphs[0].add_run()
    run.text = plain(value)
    run.font.size = Pt(13)
    run.font.bold = bold
    run.font.color.rgb = rgb(color)
    if align is not None:
        frame.paragraphs[0].alignment = align
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE


def _image(slide, finding: Finding, images: bool) -> None:
    left, top, width, height = CHART_BOX
    if not images:
        _text(slide, (left, top + 1.8, width, 0.5), _("(chart image left out)"), size=14, color=GREY)
        return
    figure = localize(literal_labels(finding.figure)).to_dict()
    layout = figure["layout"]
    layout.pop("title", None)  # the slide's headline and caption already say what it shows
    layout["height"] = None
    layout.setdefault("margin", {})["t"] = 30
    data = figure_png(figure, width=int(width * PX_PER_INCH), height=int(height * PX_PER_INCH))
    picture = _picture_fit(slide, data, left, top, width, height)
    picture.name = "Chart image"  # i18n: a shape name or an Excel format


def _native_chart(slide, native: NativeChart) -> None:
    left, top, width, height = CHART_BOX
    data = _ChartData(number_format=native.number_format)
    data.categories = [
        plain(category) if isinstance(category, str) else category for category in native.categories
    ]
    for name, values in native.series:
        data.add_series(plain(name), values)
    frame = slide.shapes.add_chart(
        CHART_TYPES[native.kind], Inches(left), Inches(top), Inches(width), Inches(height), data
    )
    chart = frame.chart
    chart.font.size = Pt(13)
    chart.font.color.rgb = rgb(INK)
    chart.has_title = False
    chart.has_legend = native.legend or len(native.series) > 1
    if chart.has_legend:
        chart.legend.position = (
            XL_LEGEND_POSITION.RIGHT if native.kind == "doughnut" else XL_LEGEND_POSITION.TOP
        )
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(13 if native.kind == "doughnut" else 12)
    plot = chart.plots[0]
    for index, series in enumerate(plot.series):
        color = PALETTE[index % len(PALETTE)]
        if native.kind == "line":
            # Two lines: the raw series light, its average in the brand teal on top (as on the app's pages).
            color = ("#99D5CF" if index == 0 else BRAND) if len(plot.series) > 1 else BRAND
            series.format.line.color.rgb = rgb(color)
            series.format.line.width = Pt(2.25 if index == 0 and len(plot.series) > 1 else 3)
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.NONE
        elif native.kind != "doughnut":
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb(color)
        colors = native.point_colors
        if native.kind == "doughnut" and not colors:
            colors = [PALETTE[position % len(PALETTE)] for position in range(len(native.categories))]
        if colors and index == 0:
            for point_index, point_color in enumerate(colors):
                point = series.points[point_index]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = rgb(point_color)
                if native.kind == "doughnut":
                    point.format.line.color.rgb = rgb("#FFFFFF")
    if native.kind == "doughnut":
        _doughnut(chart, native)
        return
    plot.gap_width = 55 if len(native.categories) > 4 else 120
    if len(native.series) > 1 and native.kind != "line":
        plot.overlap = -10
    if native.data_labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = native.number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(12 if len(native.categories) > 8 else 13)
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    category_axis, value_axis = chart.category_axis, chart.value_axis
    category_axis.tick_labels.font.size = Pt(12 if len(native.categories) <= 12 else 10)
    category_axis.format.line.color.rgb = rgb("#CBD5E1")
    category_axis.has_major_gridlines = False
    value_axis.tick_labels.font.size = Pt(11)
    value_axis.tick_labels.number_format = native.number_format if "%" in native.number_format else COMPACT
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.format.line.fill.background()
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = rgb(GRID)
    if native.kind == "bar":
        category_axis.reverse_order = True  # first category on top, as the table reads
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        _headroom(value_axis, native)
    elif native.kind == "line":
        category_axis.tick_labels.number_format = "d mmm"  # i18n: a shape name or an Excel format
        category_axis.tick_labels.number_format_is_linked = False
        _label_every(category_axis, len(native.categories))
    elif native.data_labels:
        _headroom(value_axis, native)


def _headroom(value_axis, native: NativeChart) -> None:
    """Room past the longest bar for its label: the axis runs 15% beyond the largest value."""
    values = [value for _, series in native.series for value in series if value is not None]
    if values and max(values) > 0:
        value_axis.minimum_scale = 0
        value_axis.maximum_scale = max(values) * 1.18


def _label_every(category_axis, count: int) -> None:
    """A date label every few days, so 90 days of labels do not pile up."""
    skip = max(1, math.ceil(count / 10))
    axis = category_axis._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        for old in axis.findall(qn(tag)):
            axis.remove(old)
    if axis.tag == qn("c:dateAx"):
        for tag, value in (("c:majorUnit", str(skip)), ("c:majorTimeUnit", "days")):
            element = OxmlElement(tag)
            element.set("val", value)
            axis.append(element)
    else:
        element = OxmlElement("c:tickLblSkip")
        element.set("val", str(skip))
        anchor = axis.find(qn("c:noMultiLvlLbl"))  # the schema wants tickLblSkip before it
        if anchor is not None:
            anchor.addprevious(element)
        else:
            axis.append(element)


def _doughnut(chart, native: NativeChart) -> None:
    """A doughnut whose legend carries the numbers ("Champion · 60 (2%)"): labels on thin slices collide."""
    hole = chart.plots[0]._element.find(qn("c:holeSize"))
    if hole is not None:
        hole.set("val", "55")
    chart.plots[0].has_data_labels = False


def _methodology_slides(prs, report: Report, brand: str, first_number: int) -> int:
    """The data used and every definition, over as many slides as the definitions need."""
    columns: list[list[tuple[str, str]]] = [[]]
    # Lines of 10.5 pt text a 5.3-inch column holds (less the heading), each definition measured as
    # it wraps in the narrowest column (5.9 inches), in the deck's language.
    size, width = 10.5, (5.9 - 0.04) * 72
    capacity = 5.3 * 72 / (size * fit.LINE_HEIGHT) - 2
    budget = [capacity]
    for label, definition in report.definitions:
        runs = [(_("{label}: ").format(label=label), size, True), (definition, size, False)]
        lines = fit.line_count(runs, width)
        if budget[-1] - lines < 0 and columns[-1]:
            columns.append([])
            budget.append(capacity)
        columns[-1].append((label, definition))
        budget[-1] -= lines + 4 / (size * fit.LINE_HEIGHT)  # 4 pt between definitions
    number = first_number
    pages = [columns[:1]] + [columns[index : index + 2] for index in range(1, len(columns), 2)]
    for page_index, page in enumerate(pages):
        slide = _blank(prs)
        _rectangle(slide, 0, 0, 13.333, 0.12, brand)
        kicker = (MARGIN, 0.32, 12.1, 0.32)
        _text(slide, kicker, _("Methodology").upper(), size=12, bold=True, color=accent_text_color(brand))
        title = _("How these numbers were made") if page_index == 0 else _("Definitions, continued")
        _text(slide, (MARGIN, 0.66, 12.13, 0.7), title, size=30, bold=True)
        boxes: list[tuple[str, Sequence[tuple[str, str]], tuple[float, float, float, float], float]] = []
        if page_index == 0:
            boxes.append((_("Data used"), report.windows, (MARGIN, 1.55, 5.1, 5.3), 12))
            boxes.append((_("Definitions"), page[0], (6.1, 1.55, 6.63, 5.3), 10.5))
        else:
            for index, column in enumerate(page):
                box = (MARGIN + index * 6.25, 1.55, 5.9, 5.3)
                boxes.append(("", column, box, 10.5))
        for heading, items, box, size in boxes:
            shape = _box(slide, *box)
            frame = shape.text_frame
            if heading:
                _write(frame, heading, size=14, bold=True, color=accent_text_color(brand))
            for position, (label, definition) in enumerate(items):
                paragraph = frame.add_paragraph() if heading or position else frame.paragraphs[0]
                paragraph.space_before = Pt(4)
                _write(frame, _("{label}: ").format(label=label), size=size, bold=True, paragraph=paragraph)
                _write(frame, definition, size=size, color=GREY, paragraph=paragraph)
        if page_index == 0 and report.skipped:
            _text(
                slide,
                (MARGIN, 6.45, 5.1, 0.45),
                _("Left out: {reasons}").format(reasons=" ".join(report.skipped)),
                size=10,
                color=GREY,
            )
        _footer(slide, report, number)
        number += 1
    return number


def build_deck(report: Report, *, images: bool = True) -> bytes:
    """The report as a 16:9 PowerPoint file (bytes), in the report's language (`Report.language`).

    `images=False` leaves PNG charts out (for fast tests)."""
    with i18n.use(report.language):
        return _deck(report, images=images)


def _deck(report: Report, *, images: bool) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    brand = safe_color(report.brand_color)
    _title_slide(prs, report, brand)
    for number, finding in enumerate(report.findings, start=2):
        _finding_slide(prs, report, finding, brand, number, images)
    _methodology_slides(prs, report, brand, len(report.findings) + 2)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                shrink_to_fit(shape)
    prs.core_properties.title = plain(f"{report.title}: {report.client or report.brand_label}")
    prs.core_properties.author = "CommunityLens"  # i18n: the app's name
    prs.core_properties.language = report.language.replace("_", "-")
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
