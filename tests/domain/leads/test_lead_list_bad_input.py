"""Filter values the list cannot read: amounts and dates are refused with a
message for their field; ids that are not ids are ignored."""
import pytest

from hoffice_app.domain.common import ValidationError
from tests.domain.leads.test_lead_list_helpers import demo, engine, new_lead, page, titles  # noqa: F401


@pytest.mark.parametrize("key,value", [("value_min", "abc"), ("value_max", "-5"), ("value_min", "NaN"),
                                       ("value_max", "1e"), ("created_from", "2026-13-01"),
                                       ("created_to", "yesterday"), ("assigned_from", "26/11/2026"),
                                       ("followup_to", "2026-02-30")])
def test_unreadable_amount_or_date_is_refused_for_its_field(session, now, demo, key, value):  # noqa: F811
    with pytest.raises(ValidationError) as err:
        page(session, "E01", now, **{key: value})
    assert list(err.value.errors) == [key]


@pytest.mark.parametrize("key", ["status_id", "priority_id", "lead_type_id", "assigned_to_id", "created_by_id",
                                 "product_id", "product_category_id"])
def test_id_filters_that_are_not_ids_are_ignored(session, now, demo, key):  # noqa: F811
    new_lead(session, now, "one")
    assert titles(session, "E01", now, **{key: "all"}) == {"one"}
    assert titles(session, "E01", now, **{key: "1; drop table lead"}) == {"one"}


def test_extreme_dates_do_not_break_the_list(session, now, demo):  # noqa: F811
    new_lead(session, now, "one")
    assert titles(session, "E01", now, created_from="0001-01-01", created_to="9999-12-31") == {"one"}
    assert titles(session, "E01", now, created_to="0001-01-01") == set()


def test_unknown_source_kind_is_ignored(session, now, demo):  # noqa: F811
    new_lead(session, now, "one")
    assert titles(session, "E01", now, source_kind="aliens") == {"one"}
