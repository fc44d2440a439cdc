"""The date range an insights page covers, in the company's days: today, this or last week
(Monday to Sunday), this or last month, or custom days (both inclusive). Stored as UTC
instants [start, end) so every query compares timestamps the way they are kept."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlmodel import Session

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import settings as app_settings

PRESETS = {"today": "Today", "this_week": "This week", "last_week": "Last week", "this_month": "This month",
           "last_month": "Last month", "custom": "Custom"}
DEFAULT = "this_month"
MAX_DAYS = 366 * 3  # a custom range up to three years


@dataclass(frozen=True)
class Period:
    preset: str
    first: date  # company-local, inclusive
    last: date  # company-local, inclusive
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    label: str  # "1 Dec 2026 – 31 Dec 2026"

    def days(self) -> int:
        return (self.last - self.first).days + 1


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _preset_days(preset: str, today: date) -> tuple[date, date]:
    if preset == "today":
        return today, today
    monday = today - timedelta(days=today.weekday())
    if preset == "this_week":
        return monday, monday + timedelta(days=6)
    if preset == "last_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    first = _month_start(today)
    if preset == "last_month":
        last = first - timedelta(days=1)
        return _month_start(last), last
    following = _month_start(first + timedelta(days=31))
    return first, following - timedelta(days=1)  # this month


def _parse(raw: str, key: str) -> date:
    try:
        return date.fromisoformat(str(raw or "").strip())
    except ValueError:
        raise ValidationError({key: "Enter a date, e.g. 2026-12-01."}) from None


def day_label(day: date) -> str:
    """"1 Mar 2026" (no leading zero)."""
    return f"{day.day} {day.strftime('%b %Y')}"


def between(session: Session, first: date, last: date, preset: str = "custom") -> Period:
    zone = app_settings.zone(session)
    start = datetime.combine(first, time(), zone).astimezone(timezone.utc)
    end = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(timezone.utc)
    label = day_label(first) if first == last else f"{day_label(first)} – {day_label(last)}"
    return Period(preset, first, last, start, end, label)


def resolve(session: Session, preset: str, first: str = "", last: str = "", *, now: datetime) -> Period:
    """The period for a preset, or for custom days (``first``/``last`` as YYYY-MM-DD); bad custom
    days raise ValidationError keyed ``from``/``to``. An unknown preset reads as this month."""
    preset = preset if preset in PRESETS else DEFAULT
    if preset != "custom":
        return between(session, *_preset_days(preset, app_settings.local_today(session, now)), preset)
    low, high = _parse(first, "from"), _parse(last, "to")
    if high < low:
        raise ValidationError({"to": "The last day comes before the first."})
    if (high - low).days >= MAX_DAYS:
        raise ValidationError({"to": "Choose at most three years."})
    try:
        return between(session, low, high)
    except (OverflowError, ValueError):
        raise ValidationError({"from": "Choose days between the years 2 and 9998."}) from None
