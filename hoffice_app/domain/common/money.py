"""Amounts as the company reads them: its currency's symbol, and for rupees the
Indian grouping (₹1,06,78,400) and, where space is short, lakh and crore
(₹1.07 Cr). Every page formats money through ``format_money`` so a list, a
board header, the insights and the dashboard never disagree."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# The symbol written before the amount; any other currency shows its code ("CHF 1,200").
SYMBOLS = {"INR": "₹", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "AUD": "A$", "CAD": "C$",
           "SGD": "S$", "HKD": "HK$", "NZD": "NZ$", "KRW": "₩", "RUB": "₽", "TRY": "₺", "PHP": "₱", "NGN": "₦",
           "ILS": "₪", "VND": "₫", "THB": "฿", "UAH": "₴", "BDT": "৳", "LKR": "Rs ", "PKR": "Rs ", "NPR": "Rs ",
           "BRL": "R$", "ZAR": "R ", "MXN": "MX$"}
INDIAN = {"INR", "NPR", "BDT", "PKR", "LKR"}  # grouped in lakhs and crores (12,34,567)
# largest first: a compact amount takes the first unit it reaches
_INDIAN_UNITS = ((Decimal(10) ** 7, "Cr"), (Decimal(10) ** 5, "L"))
_WESTERN_UNITS = ((Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"), (Decimal(10) ** 3, "K"))
_CENT = Decimal("0.01")


def symbol(currency: str) -> str:
    code = (currency or "").upper()
    return SYMBOLS.get(code, f"{code} " if code else "")


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _indian_group(digits: str) -> str:
    """"10678400" → "1,06,78,400": the last three digits, then pairs."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def group_digits(value: Decimal, currency: str) -> str:
    """The amount without symbol: whole amounts without decimals, else two."""
    value = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    whole = value == value.to_integral_value()
    text = f"{abs(value):.0f}" if whole else f"{abs(value):.2f}"
    digits, _, cents = text.partition(".")
    grouped = _indian_group(digits) if currency.upper() in INDIAN else f"{int(digits):,}"
    return ("-" if value < 0 else "") + grouped + (f".{cents}" if cents else "")


def _trim(number: Decimal, currency: str) -> str:
    """Up to two decimals, without trailing zeros, grouped: 1.07, 10.5, 3, 1,250."""
    text = group_digits(number, currency)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _compact(size: Decimal, code: str) -> str:
    """A positive amount in the largest unit it reaches once rounded: 9,999,999 reads "1 Cr",
    not "100 L", and 99,999.60 reads "1 L", not "1,00,000"."""
    units = _INDIAN_UNITS if code in INDIAN else _WESTERN_UNITS
    whole = size.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    for i, (scale, unit) in enumerate(units):
        if whole >= scale:
            if i and (size / scale).quantize(_CENT, rounding=ROUND_HALF_UP) * scale >= units[i - 1][0]:
                scale, unit = units[i - 1]
            joiner = " " if code in INDIAN else ""
            return f"{_trim(size / scale, code)}{joiner}{unit}"
    return group_digits(whole, code)


def format_money(value, currency: str = "INR", *, compact: bool = False, blank: str = "") -> str:
    """``value`` (Decimal, int, float or text) in ``currency``: "₹1,06,78,400", or with
    ``compact`` "₹1.07 Cr" / "$10.68M". ``blank`` stands for None or an unreadable value.
    An amount that rounds to nothing has no minus sign ("₹0", not "-₹0")."""
    number = _decimal(value)
    if number is None:
        return blank
    code = (currency or "INR").upper()
    try:
        text = _compact(abs(number), code) if compact else group_digits(abs(number), code)
    except InvalidOperation:  # beyond what cents can be counted in (1e30): no amount a lead holds
        return blank
    negative = number < 0 and any(c in "123456789" for c in text)
    return f"{'-' if negative else ''}{symbol(code)}{text}"


def spreadsheet_format(currency: str = "INR") -> str:
    """An Excel number format that shows an amount kept as a number the way ``format_money``
    writes it (the symbol, lakh/crore grouping for Indian currencies, whole units), so a
    downloaded sheet reads like the page and still sums."""
    code = (currency or "INR").upper()
    mark = symbol(code).replace('"', "")
    quoted = f'"{mark}"' if mark else ""
    if code not in INDIAN:
        return f"{quoted}#,##0;-{quoted}#,##0"
    # Excel's own grouping is in thousands; two conditions place the lakh and crore commas.
    return f'[>=10000000]{quoted}##\\,##\\,##\\,##0;[>=100000]{quoted}##\\,##\\,##0;{quoted}#,##0'
