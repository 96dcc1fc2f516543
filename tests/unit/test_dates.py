"""PartialDate: a year, a year-month or a full date, with Finnish explanations of mistakes."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.core.dates import DateError, PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", PartialDate(2017)),
        ("2017-08", PartialDate(2017, 8)),
        ("2017-08-01", PartialDate(2017, 8, 1)),
        (" 2017-08 ", PartialDate(2017, 8)),
        ("1800", PartialDate(1800)),
        ("2100-12-31", PartialDate(2100, 12, 31)),
    ],
)
def test_parse(text, expected):
    assert parse_partial_date(text) == expected


def test_leap_day_in_a_leap_year():
    assert parse_partial_date("2020-02-29") == PartialDate(2020, 2, 29)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2019-02-29", "helmikuussa 2019 on 28 päivää"),
        ("2017-04-31", "huhtikuussa 2017 on 30 päivää"),
        ("2017-08-00", "elokuussa 2017 on 31 päivää"),
        ("2017-13", "Kuukausi 13 ei ole olemassa"),
        ("2017-00", "Kuukausi 0 ei ole olemassa"),
        ("1799", "Vuosi 1799 ei ole väliltä 1800–2100"),
        ("2101", "Vuosi 2101 ei ole väliltä 1800–2100"),
    ],
)
def test_impossible_dates_are_explained(text, hint):
    with pytest.raises(DateError, match=hint):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("1.8.2016", "2016-08-01"),
        ("24.12.2019", "2019-12-24"),
        ("8/2016", "2016-08"),
        ("12/2016", "2016-12"),
        ("2017-8", "2017-08"),
        ("2017-8-1", "2017-08-01"),
        ("2017-08-1", "2017-08-01"),
    ],
)
def test_common_mistakes_get_the_iso_form_suggested(text, suggestion):
    with pytest.raises(DateError) as error:
        parse_partial_date(text)
    assert suggestion in str(error.value)


def test_single_digit_month_message_names_the_two_digit_rule():
    with pytest.raises(DateError, match="kahdella numerolla: 2017-08"):
        parse_partial_date("2017-8")


@pytest.mark.parametrize("text", ["", "17", "elokuu 2017", "2017/08", "20170801"])
def test_other_text_gets_the_general_hint(text):
    with pytest.raises(DateError, match=r"Kirjoita vuosi \(2017\)"):
        parse_partial_date(text)


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2019-02", dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("2017-08-15", dt.date(2017, 8, 15), dt.date(2017, 8, 15)),
    ],
)
def test_earliest_and_latest(text, earliest, latest):
    date = parse_partial_date(text)
    assert (date.earliest, date.latest) == (earliest, latest)


@pytest.mark.parametrize("text", ["2017", "2017-08", "2017-08-01", "1800", "2100-12-31"])
def test_str_round_trips(text):
    assert str(parse_partial_date(text)) == text


def test_str_pads_with_zeros():
    assert str(PartialDate(2017, 8, 1)) == "2017-08-01"


def test_same_precision_sorts_chronologically():
    dates = [PartialDate(2018, 1), PartialDate(2017, 12), PartialDate(2019, 1)]
    assert sorted(dates) == [PartialDate(2017, 12), PartialDate(2018, 1), PartialDate(2019, 1)]


def test_sort_key_orders_coarse_first():
    dates = [PartialDate(2018, 1, 5), PartialDate(2018), PartialDate(2017, 12), PartialDate(2018, 1)]
    assert sorted(dates, key=lambda d: d.sort_key) == [
        PartialDate(2017, 12),
        PartialDate(2018),
        PartialDate(2018, 1),
        PartialDate(2018, 1, 5),
    ]


def test_mixed_precision_sorts_chronologically_coarse_first():
    dates = [PartialDate(2018, 1, 5), PartialDate(2018), PartialDate(2017, 12), PartialDate(2018, 1)]
    assert sorted(dates) == [
        PartialDate(2017, 12),
        PartialDate(2018),
        PartialDate(2018, 1),
        PartialDate(2018, 1, 5),
    ]
