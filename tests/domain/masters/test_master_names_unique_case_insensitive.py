import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import entries as masters


@pytest.mark.parametrize("name", ["website", "  WEBSITE ", "Google   ads"])
def test_same_name_in_any_case_or_spacing_refused(session, admin, name):
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "campaign", name)
    assert "already exists in Campaigns / activities" in err.value.errors["name"]


def test_rename_onto_another_name_refused_but_same_name_elsewhere_allowed(session, admin, now):
    entries = {e.name: e for e in masters.list_entries(session, admin, "campaign")}
    with pytest.raises(ValidationError) as err:
        masters.update_entry(session, admin, entries["Website"].id, "facebook ADS", now=now)
    assert err.value.errors["name"] == "“Facebook Ads” already exists in Campaigns / activities."
    assert masters.create_entry(session, admin, "lead_type", "Website").name == "Website"
    assert masters.update_entry(session, admin, entries["Website"].id, "WEBSITE", now=now).name == "WEBSITE"
