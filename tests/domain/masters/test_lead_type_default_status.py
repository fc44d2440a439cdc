"""Each lead type's default status, set in Settings → Lead types: only an administrator sets
it, only an active status can be it, and while it is some type's default the status can be
neither deactivated nor deleted (new leads would start from a status nobody can pick).
Deleting the type takes its default with it."""
import pytest

from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.domain.masters import default_status_for, default_statuses, entry_id_by_name, set_default_status
from hoffice_app.domain.masters import entries as masters
from hoffice_app.models import MasterEntry


@pytest.fixture
def dealer(session, admin):
    return entry_id_by_name(session, "lead_type", "Dealer")


def _status(session, name):
    return entry_id_by_name(session, "lead_status", name)


def test_a_type_has_no_default_until_an_admin_picks_one(session, admin, now, dealer):
    assert default_status_for(session, dealer) is None
    set_default_status(session, admin, dealer, _status(session, "Lead"), now=now)
    assert default_status_for(session, dealer) == _status(session, "Lead")
    assert default_statuses(session, admin) == {str(dealer): str(_status(session, "Lead"))}
    view = next(e for e in masters.list_entries(session, admin, "lead_type") if e.id == dealer)
    assert view.default_status_id == str(_status(session, "Lead"))
    set_default_status(session, admin, dealer, None, now=now)
    assert default_status_for(session, dealer) is None and default_statuses(session, admin) == {}


def test_only_an_admin_sets_it_and_only_to_an_active_status(session, admin, manager, now, dealer):
    with pytest.raises(PermissionDenied):
        set_default_status(session, manager, dealer, _status(session, "Lead"), now=now)
    with pytest.raises(ValidationError):
        set_default_status(session, admin, dealer, entry_id_by_name(session, "lead_priority", "High"), now=now)
    with pytest.raises(ValidationError):
        set_default_status(session, admin, _status(session, "Lead"), _status(session, "Lead"), now=now)
    masters.set_active(session, admin, _status(session, "Prospect"), False, now=now)
    with pytest.raises(ValidationError) as err:
        set_default_status(session, admin, dealer, _status(session, "Prospect"), now=now)
    assert err.value.errors == {"default_status_id": "Choose the default status from the list."}


def test_a_default_status_can_be_neither_deactivated_nor_deleted(session, admin, now, dealer):
    lead = _status(session, "Lead")
    set_default_status(session, admin, dealer, lead, now=now)
    with pytest.raises(ValidationError) as err:
        masters.set_active(session, admin, lead, False, now=now)
    assert "default status" in err.value.errors["active"]
    with pytest.raises(ValidationError) as err:
        masters.delete_entry(session, admin, lead)
    assert "the default status of Dealer" in err.value.errors["delete"]
    assert session.get(MasterEntry, lead).active


def test_deleting_the_type_takes_its_default_with_it(session, admin, now):
    kind = masters.create_entry(session, admin, "lead_type", "Reseller")
    set_default_status(session, admin, kind.id, _status(session, "Lead"), now=now)
    masters.delete_entry(session, admin, kind.id)
    assert default_statuses(session, admin) == {}
    masters.delete_entry(session, admin, _status(session, "Lead"))  # no longer anyone's default
