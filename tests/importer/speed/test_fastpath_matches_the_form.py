"""The import's phone shortcuts give what the form's helpers give."""
import random

import pytest

from hoffice_app.domain.contacts import build_search_text, parse_phone
from hoffice_app.importer.speed import fastpath


def _samples():
    r = random.Random(6)
    out = [f"{p}{r.randrange(10 ** 5):05d}" for p in range(10000, 100000, 7)]  # every kind of 10-digit start
    out += [f"0{r.randrange(10 ** 9, 10 ** 10)}" for _ in range(3000)]  # STD numbers
    out += [f"00{r.randrange(10 ** 8, 10 ** 9)}", "9327058088.0", "09327058088", "919327058088", "+919327058088",
            "98250 12345", "12345", "0", "1800123456", "18001234567", "07926862513", "9" * 10, "1" * 10]
    return out


@pytest.mark.parametrize("mobile", [True, False])
def test_phone_shortcut_equals_parse_phone_for_india(mobile):
    for raw in _samples():
        assert fastpath.phone(raw, "IN", mobile=mobile) == parse_phone(raw, "IN", mobile=mobile), raw


def test_other_countries_go_through_the_form_parser():
    assert fastpath.phone("2015550123", "US", mobile=True) == parse_phone("2015550123", "US", mobile=True)


def test_search_digits_hold_every_national_number():
    """Only the digits with the country code are stored for search; a search for the national
    number (any part of the text) must still find every number."""
    import phonenumbers

    from hoffice_app.domain.contacts import search_digits
    phones = [fastpath.phone(raw, "IN", mobile=False)[0] for raw in _samples()[:5000]]
    phones = [p for p in phones if p] + ["+12015550123", "+390612345678", "+441632960961", "+6591234567"]
    for number in phones:
        parsed = phonenumbers.parse(number)
        assert str(parsed.national_number) in search_digits(number), number
        assert phonenumbers.national_significant_number(parsed) in search_digits(number), number
    assert build_search_text("C000001", "Asha", [], [], ["+919327058088"]) == "c000001 asha 919327058088"


def _email_samples():
    r = random.Random(7)
    locals_ = ["asha", "Asha.Patel", "a.b.c", "x+tag", "o'neil", "_x_", "a" * 64, "a" * 65, ".lead", "trail.",
               "dou..ble", "sp ace", "quo\"te", "\"quoted\"", "ünï", "a@b", "", "{brace}", "semi;colon", "a,b",
               "back\\slash", "tab\tx", "!#$%&'*+/=?^_`{|}~-"]
    domains = ["example.com", "Example.COM", "mail.co.in", "gmail.com", "localhost", "test", "invalid", "x.test",
               "a.b", "123.com", "1.2.3.4", "[127.0.0.1]", "-dash.com", "dash-.com", "ex_ample.com", "münchen.de",
               "xn--mnchen-3ya.de", "a" * 63 + ".com", "a" * 64 + ".com", ("b" * 60 + ".") * 4 + "com", "",
               "example..com", ".example.com", "example.com.", "ex ample.com", "example.c", "example.123",
               "onion", "x.onion", "x.local", "x.arpa"]
    out = [f"{lo}@{d}" for lo in locals_ for d in domains]
    alphabet = "abcXYZ019._+-'@\"! ü"
    out += ["".join(r.choice(alphabet) for _ in range(r.randrange(1, 30))) + "@example.com" for _ in range(3000)]
    return out + ["a" * 64 + "@" + ("b" * 62 + ".") * 3 + "com", "no-at-sign", "two@@example.com"]


def test_email_shortcut_equals_the_library():
    from email_validator import EmailNotValidError, validate_email

    for text in _email_samples():
        quick = fastpath.email(text)
        try:
            expected = validate_email(text, check_deliverability=False).normalized
        except EmailNotValidError:
            expected = ""
        assert quick in ("", expected), text  # a shortcut answer is the library's; "" hands over to it
    assert fastpath.email("Asha.Patel@Example.COM") == "Asha.Patel@example.com"


def test_india_type_check_equals_libphonenumber():
    """The precompiled number-type decision agrees with ``number_type`` on every 5-digit
    start of a 10-digit number (and on other lengths), and "possible" with ``is_possible_number``."""
    import phonenumbers
    from phonenumbers import PhoneNumber

    from hoffice_app.domain.contacts import MOBILE_TYPES

    r = random.Random(8)
    numbers = [f"{p}{r.randrange(10 ** 5):05d}" for p in range(10000, 100000)]
    numbers += [str(r.randrange(10 ** (n - 1), 10 ** n)) for n in (7, 8, 9, 11, 12, 13) for _ in range(500)]
    for national in numbers:
        number = PhoneNumber(country_code=91, national_number=int(national))
        assert fastpath._IN.is_mobile(national) == (phonenumbers.number_type(number) in MOBILE_TYPES), national
        assert fastpath._IN.is_possible(national) == phonenumbers.is_possible_number(number), national


def test_a_new_contacts_phones_are_as_phones_after_gives_them():
    from itertools import combinations

    from hoffice_app.importer.check.normalize import PHONE_SLOTS, Parsed
    from hoffice_app.importer.write.rows import new_phones, phones_after
    slots = [key for key, _kind, _mobile in PHONE_SLOTS]
    for size in range(len(slots) + 1):
        for chosen in combinations(slots, size):
            row = Parsed(2, [], phones={slot: f"+9193270580{i:02d}" for i, slot in enumerate(chosen)})
            assert new_phones(row) == phones_after(row, {}), chosen
