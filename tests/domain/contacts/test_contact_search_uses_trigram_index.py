"""On PostgreSQL the contact search's LIKE on search_text is answered by the pg_trgm GIN
index of migration 0016, not by reading every contact. The plan is checked, not the time:
the statements search_contacts really sends are EXPLAINed with sequential scans priced out
(the test table is tiny, where a scan is cheapest; at 100,000 contacts the planner picks
the index by itself: BENCHMARKS.md)."""
import pytest

from hoffice_app.domain.contacts import ContactQuery, search_contacts
from tests.contact_factory import actor, demo, engine, make_contact  # noqa: F401
from tests.search_plans import plans_of

pytestmark = pytest.mark.postgresql_only


@pytest.mark.parametrize("who, typed", [("E01", "horus"), ("E04", "horus tech"), ("E04", "9825012345")])
def test_search_text_is_read_through_the_trigram_index(session, now, demo, who, typed):  # noqa: F811
    make_contact(session, actor(session, "E01"), now, "Horus Technologies", mobiles=["98250 12345"])
    session.commit()
    plans = plans_of(session, lambda: search_contacts(session, actor(session, who), ContactQuery(text=typed)),
                     "search_text")
    assert plans and all("ix_contact_search_trgm" in plan for plan in plans), plans



def test_the_app_sessions_plan_each_search_for_its_own_text(session):
    """db.POSTGRES_OPTIONS: no JIT (compiling cost more than running the executive's count of
    100,000 contacts), SSD page costs (with a disk's, that count read the whole table), and a
    plan per execution (a plan made once for any text sent 2-letter words through the
    trigram index: 300-750 ms)."""
    show = session.connection().exec_driver_sql
    assert [show(f"SHOW {name}").scalar() for name in ("jit", "random_page_cost", "plan_cache_mode")] == [
        "off", "1.1", "force_custom_plan"]
