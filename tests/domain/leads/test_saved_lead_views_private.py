"""A saved view belongs to the employee who saved it: others cannot list,
read or delete it (NotFound, as for a missing one), and may use the same name."""
import pytest

from hoffice_app.domain.common import NotFound, PermissionDenied
from hoffice_app.domain.leads import delete_view, get_view, list_views, save_view
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine  # noqa: F401


@pytest.fixture
def nehas(session, demo):  # noqa: F811
    return save_view(session, actor(session, "E03"), "Neha's pipeline", {"view": "mine"})


@pytest.mark.parametrize("who", ["E04", "E02", "E01"])
def test_others_do_not_see_it_in_their_list(session, nehas, who):
    assert list_views(session, actor(session, who)) == []


@pytest.mark.parametrize("who", ["E04", "E02", "E01"])
def test_others_cannot_read_it(session, nehas, who):
    with pytest.raises(NotFound):
        get_view(session, actor(session, who), nehas)


@pytest.mark.parametrize("who", ["E04", "E01"])
def test_others_cannot_delete_it(session, nehas, who):
    with pytest.raises(NotFound):
        delete_view(session, actor(session, who), nehas)
    assert get_view(session, actor(session, "E03"), nehas) == {"view": "mine"}


def test_another_employee_may_use_the_same_name(session, nehas):
    karans = save_view(session, actor(session, "E04"), "NEHA'S PIPELINE", {"view": "all"})
    assert get_view(session, actor(session, "E04"), karans) == {"view": "all"}
    assert get_view(session, actor(session, "E03"), nehas) == {"view": "mine"}


def test_saved_views_need_a_logged_in_actor(session, nehas):
    with pytest.raises(PermissionDenied):
        list_views(session, None)
    with pytest.raises(PermissionDenied):
        get_view(session, None, nehas)
    with pytest.raises(PermissionDenied):
        save_view(session, None, "x", {})
