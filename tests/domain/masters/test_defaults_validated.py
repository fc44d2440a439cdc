import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import settings


@pytest.mark.parametrize("key, value, message", [
    ("default_country", "XX", "Choose a country from the list."),
    ("default_currency", "RUPEE", "Choose a currency from the list."),
    ("default_timezone", "Mars/Olympus_Mons", "Choose a time zone from the list."),
    ("session_timeout_hours", "0", "Enter a number of hours between 0.25 and 720."),
])
def test_bad_value_refused(session, admin, key, value, message, now):
    with pytest.raises(ValidationError) as err:
        settings.update_defaults(session, admin, {key: value}, now=now)
    assert err.value.errors == {key: message}


def test_nothing_written_when_one_value_is_bad(session, admin, now):
    with pytest.raises(ValidationError) as err:
        settings.update_defaults(session, admin, {"default_country": "US", "default_currency": "USD",
                                                  "default_timezone": "Nowhere/City"}, now=now)
    assert list(err.value.errors) == ["default_timezone"]
    saved = settings.get_defaults(session, admin)
    assert (saved.default_country, saved.default_currency, saved.default_timezone) == ("IN", "INR", "Asia/Kolkata")


def test_good_values_saved(session, admin, now):
    saved = settings.update_defaults(session, admin, {"default_country": "US", "default_currency": "USD",
                                                      "default_timezone": "America/New_York"}, now=now)
    assert (saved.default_country, saved.default_currency, saved.default_timezone) == (
        "US", "USD", "America/New_York")
