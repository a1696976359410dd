"""Numbers, percentages, dates and changes are written the way each language writes them (Babel's CLDR)."""

from datetime import date

import pytest

from analytics import wording
from analytics.i18n import use

NNBSP = (
    "\u202f"  # French groups thousands with a narrow no-break space (and sets off % with a no-break space)
)
NBSP = "\u00a0"
DAY = date(2026, 11, 29)

EXPECTED = {
    # language: day, short day, span in one year, span across years, counts, percents, a decimal
    "en": (
        "29 Nov 2026",
        "29 Nov",
        "26 May – 21 Nov 2026",
        "30 Nov 2025 – 27 Feb 2026",
        ("1,234", "45.3K", "1.25M"),
        ("12.5%", "+0.3%", "-1.2%"),
        "1,234.5",
    ),
    "vi": (
        "29 thg 11, 2026",
        "29 thg 11",
        "26 thg 5 – 21 thg 11, 2026",
        "30 thg 11, 2025 – 27 thg 2, 2026",
        ("1.234", f"45,3{NBSP}N", f"1,25{NBSP}Tr"),
        ("12,5%", "+0,3%", "-1,2%"),
        "1.234,5",
    ),
    "fr": (
        "29 nov. 2026",
        "29 nov.",
        "26 mai – 21 nov. 2026",
        "30 nov. 2025 – 27 févr. 2026",
        (f"1{NNBSP}234", f"45,3{NBSP}k", f"1,25{NBSP}M"),
        (f"12,5{NBSP}%", f"+0,3{NBSP}%", f"-1,2{NBSP}%"),
        f"1{NNBSP}234,5",
    ),
    "es": (
        "29 nov 2026",
        "29 nov",
        "26 may – 21 nov 2026",
        "30 nov 2025 – 27 feb 2026",
        ("1.234", f"45,3{NBSP}mil", f"1,25{NBSP}M"),
        (f"12,5{NBSP}%", f"+0,3{NBSP}%", f"-1,2{NBSP}%"),
        "1.234,5",
    ),
    "pt_BR": (
        "29 de nov. de 2026",
        "29 de nov.",
        "26 de mai. – 21 de nov. de 2026",
        "30 de nov. de 2025 – 27 de fev. de 2026",
        ("1.234", f"45,3{NBSP}mil", f"1,25{NBSP}mi"),
        ("12,5%", "+0,3%", "-1,2%"),
        "1.234,5",
    ),
    "id": (
        "29 Nov 2026",
        "29 Nov",
        "26 Mei–21 Nov 2026",
        "30 Nov 2025–27 Feb 2026",
        ("1.234", f"45,3{NBSP}rb", f"1,25{NBSP}jt"),
        ("12,5%", "+0,3%", "-1,2%"),
        "1.234,5",
    ),
}


@pytest.mark.parametrize("code", list(EXPECTED))
def test_dates_counts_and_percentages_are_written_the_local_way(code):
    day, short, one_year, two_years, counts, percents, decimal = EXPECTED[code]
    with use(code):
        assert wording.day(DAY) == day
        assert wording.short_day(DAY) == short
        assert wording.span(date(2026, 5, 26), date(2026, 11, 21)).replace("\u2009", " ") == one_year
        assert wording.span(date(2025, 11, 30), date(2026, 2, 27)).replace("\u2009", " ") == two_years
        assert (wording.count(1234), wording.count(45_321), wording.count(1_254_000)) == counts
        assert (
            wording.percent(0.125),
            wording.percent(0.003, signed=True),
            wording.percent(-0.0123),
        ) == percents
        assert wording.value(1234.5, "decimal") == decimal


def test_a_month_is_named_in_the_language():
    names = {}
    for code in ("en", "vi", "fr", "es", "pt_BR", "id"):
        with use(code):
            names[code] = wording.month(date(2026, 11, 1))
    assert names == {
        "en": "November 2026",
        "vi": "tháng 11 năm 2026",
        "fr": "novembre 2026",
        "es": "noviembre de 2026",
        "pt_BR": "novembro de 2026",
        "id": "November 2026",
    }


def test_charts_get_the_languages_decimal_and_thousands_marks():
    marks = {}
    for code in ("en", "vi", "fr", "pt_BR"):
        with use(code):
            marks[code] = wording.separators()
    assert marks == {"en": ".,", "vi": ",.", "fr": "," + NNBSP, "pt_BR": ",."}


def test_a_change_that_rounds_to_zero_is_no_change_in_every_language():
    for code in ("en", "vi", "fr"):
        with use(code):
            assert wording.is_no_change(wording.change(0.0001, "count"))
            assert wording.is_no_change(wording.change(0.0001, "percent"))
            assert not wording.is_no_change(wording.change(0.12, "count"))


def test_english_keeps_its_digits_when_a_language_was_used_before():
    with use("fr"):
        wording.count(1234)
    assert wording.count(1234) == "1,234"
    assert wording.percent(0.125) == "12.5%"


def test_chart_dates_are_written_in_digits_day_first_outside_english_and_numbers_with_the_languages_marks():
    import pandas as pd
    import plotly.express as px

    from analytics import charts

    days = pd.DataFrame({"day": pd.date_range("2026-01-01", periods=60), "views": range(60)})
    with use("vi"):
        fig = charts.localize(px.line(days, x="day", y="views"))
        monthly = px.bar(days, x="day", y="views")
        monthly.update_xaxes(tickformat="%b %Y")
        monthly.update_yaxes(tickformat="~s")
        charts.localize(monthly)
    assert fig.layout.separators == ",."
    assert [stop.value for stop in fig.layout.xaxis.tickformatstops] == ["%-d/%-m", "%-m/%Y", "%Y"]
    assert fig.layout.xaxis.hoverformat == "%-d/%-m/%Y"
    assert monthly.layout.xaxis.tickformat == "%-m/%Y"
    assert monthly.layout.yaxis.tickformat == ",d"  # "60.000", not Plotly's English "60k"
    english = charts.localize(px.line(days, x="day", y="views"))
    assert english.layout.separators == ".," and not english.layout.xaxis.tickformatstops
