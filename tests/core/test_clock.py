"""scripts.core.clock: the day it is in Quzhou (UTC+8), fixed by SOURCE_DATE_EPOCH."""

import datetime

from scripts.core import clock
from scripts.core.package import read_package
from scripts.progress.results import compute_progress
from tests.conftest import fixture_package


def test_the_day_is_quzhous_not_utcs(monkeypatch):
    # 2024-03-01 23:30 UTC is 2024-03-02 07:30 in Quzhou: staff at work already write the 2nd.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709335800")
    assert clock.today() == datetime.date(2024, 3, 2)


def test_the_day_before_eight_in_the_morning_utc_is_the_same_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709250000")  # 2024-02-29 23:40 UTC, 2024-03-01 07:40 in Quzhou
    assert clock.today() == datetime.date(2024, 3, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709222400")  # 2024-02-29 16:00 UTC, midnight in Quzhou
    assert clock.today() == datetime.date(2024, 3, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709222399")  # one second earlier: still the 29th in Quzhou
    assert clock.today() == datetime.date(2024, 2, 29)


def test_the_progress_stage_judges_on_the_same_day(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709335800")
    results = compute_progress(read_package(fixture_package("small", tmp_path / "package")))
    assert results.today == datetime.date(2024, 3, 2)


def test_without_an_epoch_it_is_a_date_near_now(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    utc = datetime.datetime.now(datetime.timezone.utc).date()
    assert clock.today() in (utc, utc + datetime.timedelta(days=1))  # UTC+8 is never behind UTC
