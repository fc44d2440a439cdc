import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.importer.read.mapping import auto_map, clean, missing_mandatory


def test_case_spacing_and_punctuation_do_not_matter():
    assert auto_map(["email address", "EMAIL-ADDRESS", "Name"]) == {0: "email", 2: "name"}
    assert auto_map(["  Type of   contact ", "ZIP/PIN code"]) == {0: "contact_type", 1: "pin"}


def test_common_synonyms_are_matched():
    headers = ["Mobile No.", "E-mail", "Pincode", "Company Name"]
    assert auto_map(headers) == {0: "mobile", 1: "email", 2: "pin", 3: "name"}
    assert auto_map(["Full Name"]) == {0: "name"}


def test_an_exact_header_beats_an_earlier_synonym_and_the_loser_stays_unmapped():
    assert auto_map(["Mobile", "Mobile Number", "Shoe size"]) == {1: "mobile"}


def test_mandatory_fields_are_reported_unless_rows_update_by_code():
    assert missing_mandatory({0: "email"}) == ["name", "contact_type"]
    assert missing_mandatory({0: "contact_code", 1: "email"}) == []


def test_a_field_mapped_from_two_columns_is_refused():
    with pytest.raises(ValidationError) as err:
        clean(["E-mail", "Email 2"], {0: "email", 1: "email"})
    assert "two columns" in str(err.value)
