import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings
from hoffice_app.models import MasterEntry


def _entry(session, kind, name):
    return session.exec(select(MasterEntry).where(MasterEntry.kind == kind, MasterEntry.name == name)).one()


def test_the_default_title_cannot_be_deactivated(session, admin, now):
    mr = _entry(session, "title", "Mr.")
    with pytest.raises(ValidationError) as err:
        masters.set_active(session, admin, mr.id, False, now=now)
    assert "is the default title" in err.value.errors["active"]
    assert session.get(MasterEntry, mr.id).active


def test_after_choosing_another_default_the_old_one_can_go(session, admin, now):
    mr, dr = _entry(session, "title", "Mr."), _entry(session, "title", "Dr.")
    settings.update_defaults(session, admin, {"default_title": str(dr.id)}, now=now)
    masters.set_active(session, admin, mr.id, False, now=now)
    assert not session.get(MasterEntry, mr.id).active


def test_odd_setting_values_are_refused_not_crashing(session, admin, now):
    with pytest.raises(ValidationError) as err:
        settings.update_defaults(session, admin, {"default_title": "²", "default_address_type": "9" * 30}, now=now)
    assert set(err.value.errors) == {"default_title", "default_address_type"}
