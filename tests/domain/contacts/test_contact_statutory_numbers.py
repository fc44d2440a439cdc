"""PAN and GSTIN in an unusual shape only warn (the contact is saved); an Aadhaar
number must have 12 digits."""
from hoffice_app.domain.contacts import contact_detail
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import contact_data, demo, engine, refused  # noqa: F401  (fixtures: a copy of one seeded database)


def _save(session, actor, now, **fields):
    return contacts.save_contact(session, actor, contact_data(session, **fields), now=now)


def test_pan_in_wrong_format_warns_but_saves(session, executive, now):
    contact, warnings = _save(session, executive, now, pan="abcd1234")
    assert warnings == {"pan": "A PAN usually looks like AAAAA9999A (5 letters, 4 digits, 1 letter)."}
    assert contact_detail(session, executive, contact.code).values["PAN"] == "ABCD1234"


def test_good_pan_upper_cased_without_warning(session, executive, now):
    contact, warnings = _save(session, executive, now, pan="abcde 1234f")
    assert warnings == {}
    assert contact.pan == "ABCDE1234F"


def test_an_eleven_character_pan_is_kept_with_a_warning_as_the_import_does(session, executive, now):
    contact, warnings = _save(session, executive, now, pan="ABCDE12345F")
    assert contact.pan == "ABCDE12345F" and "usually looks like" in warnings["pan"]


def test_over_thirty_characters_is_refused(session, executive, now):
    for key in ("pan", "gstin", "aadhaar"):
        assert refused(session, executive, now, contact_data(session, **{key: "A" * 31}))[key] == \
            "Use at most 30 characters.", key


def test_gstin_in_wrong_format_warns_but_saves(session, executive, now):
    contact, warnings = _save(session, executive, now, gstin="24abc")
    assert warnings == {"gstin": "A GSTIN usually has 15 characters, e.g. 24AAAAA9999A1Z5."}
    assert contact_detail(session, executive, contact.code).values["GSTIN / ARN"] == "24ABC"


def test_good_gstin_saves_without_warning(session, executive, now):
    contact, warnings = _save(session, executive, now, gstin="24aaaaa9999a1z5")
    assert (contact.gstin, warnings) == ("24AAAAA9999A1Z5", {})


def test_aadhaar_with_spaces_stored_as_12_digits(session, executive, now):
    contact, _ = _save(session, executive, now, aadhaar="1234 5678 9012")
    assert contact.aadhaar == "123456789012"


def test_aadhaar_not_12_digits_is_kept_with_a_warning(session, executive, now):
    for bad, kept in (("12345678901", "12345678901"), ("1234567890123", "1234567890123"),
                      ("1234 5678 901X", "12345678901X")):
        contact, warnings = _save(session, executive, now, aadhaar=bad)
        assert (contact.aadhaar, warnings) == (kept, {"aadhaar": "An Aadhaar number usually has 12 digits."}), bad
