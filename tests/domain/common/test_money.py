"""Amounts read the way the company reads them: rupees grouped in lakhs and crores, two
decimals only when there are paise, narrow places in Cr / L (or K / M / B), and the
company's own currency wherever a page formats an amount through settings.money."""
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hoffice_app.domain.common import format_money, symbol
from hoffice_app.domain.masters import settings
from tests.contact_factory import demo, engine  # noqa: F401


@pytest.mark.parametrize("value, text", [
    (0, "₹0"), (999, "₹999"), (1000, "₹1,000"), (100000, "₹1,00,000"), (10678400, "₹1,06,78,400"),
    (Decimal("250000.00"), "₹2,50,000"), ("123456789", "₹12,34,56,789"),
])
def test_rupees_grouped_in_lakhs_and_crores(value, text):
    assert format_money(value) == text


@pytest.mark.parametrize("value, text", [
    (1500.5, "₹1,500.50"), (Decimal("1000.25"), "₹1,000.25"), (0.005, "₹0.01"), (2.675, "₹2.68"),
    (Decimal("0.004"), "₹0"), (Decimal("99.999"), "₹100"),
])
def test_paise_shown_only_when_there_are_some_rounded_half_up(value, text):
    assert format_money(value) == text


@pytest.mark.parametrize("value, text", [
    (-1500, "-₹1,500"), (-10678400.5, "-₹1,06,78,400.50"), (Decimal("-0.001"), "₹0"),
])
def test_negative_amounts_carry_the_sign_before_the_symbol(value, text):
    assert format_money(value) == text


@pytest.mark.parametrize("value, currency, text", [
    (10678400, "INR", "₹1.07 Cr"), (1067840, "INR", "₹10.68 L"), (95000, "INR", "₹95,000"),
    (100000, "INR", "₹1 L"), (10**7, "INR", "₹1 Cr"), (-10678400, "INR", "-₹1.07 Cr"),
    (9999999, "INR", "₹1 Cr"), (Decimal("99999.6"), "INR", "₹1 L"), (1500.5, "INR", "₹1,501"),
    (12345678, "USD", "$12.35M"), (1500, "USD", "$1.5K"), (999, "USD", "$999"), (999999, "USD", "$1M"),
    (2 * 10**9, "USD", "$2B"), (123456789012, "INR", "₹12,345.68 Cr"),
])
def test_compact_form_for_narrow_places(value, currency, text):
    assert format_money(value, currency, compact=True) == text


@pytest.mark.parametrize("value, currency, text", [
    (1234567.5, "USD", "$1,234,567.50"), (10678400, "usd", "$10,678,400"), (999, "CHF", "CHF 999"),
    (1234.5, "CHF", "CHF 1,234.50"), (1500, "EUR", "€1,500"), (1250000, "LKR", "Rs 12,50,000"),
])
def test_other_currencies_western_grouping_and_unknown_codes_as_prefix(value, currency, text):
    assert format_money(value, currency) == text


def test_symbols():
    assert (symbol("INR"), symbol("usd"), symbol("CHF"), symbol("")) == ("₹", "$", "CHF ", "")


@pytest.mark.parametrize("value", [None, "", "abc", "12abc", float("nan"), float("inf"), "1e40"])
def test_nothing_readable_shows_the_blank(value):
    assert format_money(value) == ""
    assert format_money(value, blank="—") == "—"
    assert format_money(value, compact=True, blank="—") == "—"


def test_settings_money_follows_the_company_currency(session, demo):  # noqa: F811
    assert settings.money(session, 10678400) == "₹1,06,78,400"
    assert settings.money(session, 10678400, compact=True) == "₹1.07 Cr"
    assert settings.money(session, None, blank="—") == "—"
    settings.put(session, "default_currency", "USD")
    session.flush()
    assert settings.money(session, 10678400) == "$10,678,400"
    assert settings.money(session, 12345678, compact=True) == "$12.35M"


def test_settings_money_after_the_defaults_page_saves(session, demo, admin, now):  # noqa: F811
    settings.update_defaults(session, admin, {"default_currency": "EUR"}, now=now)
    assert settings.money(session, Decimal("1500.50")) == "€1,500.50"


AMOUNTS = st.decimals(min_value=-10**14, max_value=10**14, places=2, allow_nan=False, allow_infinity=False)
INDIAN_FULL = re.compile(r"^-?₹(\d{1,3}|\d{1,2}(,\d{2})*,\d{3})(\.\d{2})?$")


@given(AMOUNTS, st.sampled_from(["INR", "USD", "CHF"]))
@hypothesis_settings(max_examples=200, deadline=None)
def test_the_full_form_reads_back_as_the_amount(value, currency):
    """Any amount a lead can hold (Numeric(16, 2)) is written whole, nothing rounded away."""
    text = format_money(value, currency)
    assert Decimal(text.replace(symbol(currency), "", 1).replace(",", "")) == value
    if currency == "INR":
        assert INDIAN_FULL.match(text), text


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.decimals(), st.text()))
@hypothesis_settings(max_examples=300, deadline=None)
def test_any_value_gives_text_never_an_error(value):
    assert isinstance(format_money(value, blank="—"), str)
    assert isinstance(format_money(value, "USD", compact=True, blank="—"), str)
