"""Saving a set of lead filters under a name, listing, applying and deleting it."""
import pytest

from hoffice_app.domain.common import NotFound, Option, ValidationError
from hoffice_app.domain.leads import delete_view, get_view, list_views, save_view
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine  # noqa: F401


def test_saved_filters_come_back_as_saved(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    filters = {"view": "mine", "text": "printer", "status_id": "7", "value_min": "100000", "sort": "-value",
               "created_from": "2026-01-01"}
    view_id = save_view(session, neha, "Hot printers", filters)
    assert get_view(session, neha, view_id) == filters
    assert get_view(session, neha, str(view_id)) == filters


def test_only_list_keys_are_kept(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    view_id = save_view(session, neha, "Tidy", {"status_id": 5, "page": "7", "per_page": "100", "evil": "x",
                                                "priority_id": "", "text": ["a"], "assigned_to_id": None})
    assert get_view(session, neha, view_id) == {"status_id": "5"}


def test_list_shows_my_views_a_to_z(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    ids = {name: save_view(session, neha, name, {}) for name in ("zeta", "Alpha", "beta")}
    assert list_views(session, neha) == [Option(str(ids["Alpha"]), "Alpha"), Option(str(ids["beta"]), "beta"),
                                         Option(str(ids["zeta"]), "zeta")]


def test_names_are_unique_per_employee_ignoring_case(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    save_view(session, neha, "My hot leads", {})
    with pytest.raises(ValidationError) as err:
        save_view(session, neha, "  MY HOT   leads ", {})
    assert list(err.value.errors) == ["name"]
    assert len(list_views(session, neha)) == 1


def test_name_is_trimmed_and_1_to_80_characters(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    for bad in ("", "   ", None, "x" * 81):
        with pytest.raises(ValidationError):
            save_view(session, neha, bad, {})
    view_id = save_view(session, neha, "  " + "x" * 80 + " ", {})
    assert list_views(session, neha) == [Option(str(view_id), "x" * 80)]


def test_deleted_view_is_gone(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    view_id = save_view(session, neha, "Temporary", {"view": "all"})
    delete_view(session, neha, view_id)
    assert list_views(session, neha) == []
    with pytest.raises(NotFound):
        get_view(session, neha, view_id)
    with pytest.raises(NotFound):
        delete_view(session, neha, view_id)


def test_name_can_be_reused_after_delete(session, demo):  # noqa: F811
    neha = actor(session, "E03")
    delete_view(session, neha, save_view(session, neha, "Again", {}))
    assert save_view(session, neha, "again", {})
