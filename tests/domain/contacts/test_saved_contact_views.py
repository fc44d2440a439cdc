"""Saved contact views: the contact list's filters, search and sort under a name, private to
the employee who saved it (others get NotFound, as for a missing view, and may use the same
name), custom field filters kept whole, other keys dropped."""
import pytest

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import NotFound, PermissionDenied, ValidationError
from hoffice_app.domain.contacts import saved_views
from tests.contact_factory import actor, demo, engine  # noqa: F401

LONG_TEXT = "x" * 450  # a custom filter's value may be longer than a plain filter's 200 characters


@pytest.fixture
def nehas(session, demo):  # noqa: F811
    custom = cf.encode_filters([cf.CustomFilter("po_note", "contains", LONG_TEXT)])
    return saved_views.save_view(session, actor(session, "E03"), "  Ahmedabad   customers ",
                                 {"city": "Ahmedabad", "stage": "customer", "text": "shah", "sort": "-created",
                                  "custom": custom, "page": "4", "view": "mine", "bogus": "x"})


def test_the_view_holds_the_lists_filters_search_and_sort_and_nothing_else(session, nehas):
    neha = actor(session, "E03")
    data = saved_views.get_view(session, neha, nehas)
    assert data.pop("custom") == cf.encode_filters([cf.CustomFilter("po_note", "contains", LONG_TEXT)])
    assert data == {"city": "Ahmedabad", "stage": "customer", "text": "shah", "sort": "-created"}
    assert [(o.value, o.label) for o in saved_views.list_views(session, neha)] == [(str(nehas), "Ahmedabad customers")]


@pytest.mark.parametrize("who", ["E04", "E02", "E01"])
def test_others_neither_list_read_nor_delete_it(session, nehas, who):
    other = actor(session, who)
    assert saved_views.list_views(session, other) == []
    with pytest.raises(NotFound):
        saved_views.get_view(session, other, nehas)
    with pytest.raises(NotFound):
        saved_views.delete_view(session, other, nehas)
    karans = saved_views.save_view(session, other, "AHMEDABAD CUSTOMERS", {"city": "Surat"})
    assert saved_views.get_view(session, other, karans) == {"city": "Surat"}
    assert saved_views.get_view(session, actor(session, "E03"), nehas)["city"] == "Ahmedabad"


def test_names_are_required_short_and_unique_per_employee_ignoring_case(session, nehas):
    neha = actor(session, "E03")
    for name, reason in (("  ", "Name the view."), ("a" * 81, "Use at most 80 characters."),
                         ("ahmedabad CUSTOMERS", "You already have a view named “ahmedabad CUSTOMERS”.")):
        with pytest.raises(ValidationError) as err:
            saved_views.save_view(session, neha, name, {"city": "Pune"})
        assert err.value.errors == {"name": reason}


def test_the_owner_deletes_it_and_a_deleted_view_is_not_found(session, nehas):
    neha = actor(session, "E03")
    saved_views.delete_view(session, neha, nehas)
    assert saved_views.list_views(session, neha) == []
    with pytest.raises(NotFound):
        saved_views.get_view(session, neha, nehas)


def test_saved_views_need_a_logged_in_actor(session, nehas):
    with pytest.raises(PermissionDenied):
        saved_views.list_views(session, None)
