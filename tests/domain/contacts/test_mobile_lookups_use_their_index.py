"""Numbers are looked up only as mobiles, so the number index holds mobiles alone (partial,
``kind = 'mobile'``); each lookup must still use it, bound parameters and all."""
import pytest

from tests.contact_factory import demo, engine, make_contact  # noqa: F401  (fixtures: a copy of one seeded database)

LOOKUPS = [  # the statements' shapes as the import's, the form's and the lead list's lookups send them
    "SELECT contact_id, number FROM contact_phone WHERE kind = ? AND number IN (?, ?)",
    "SELECT contact_id FROM contact_phone WHERE kind = ? AND number IN (?)",
]


@pytest.mark.parametrize("sql", LOOKUPS)
def test_a_mobile_lookup_reads_the_mobile_index(session, executive, now, sql):
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("SQLite's plan: PostgreSQL plans a table this small as a scan")
    make_contact(session, executive, now, "Neel Shah", mobiles=["98250 12345"], office_phones=["079 2686 2513"])
    conn = session.connection()
    params = ("mobile", *(["+919825012345", "+917926862513"][:sql.count("?") - 1]))
    plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "ix_contact_phone_mobile" in plan, plan
    assert [row[0] for row in conn.exec_driver_sql(sql, params)] == [1]  # the mobile, not the office number


def test_office_numbers_stay_out_of_the_index_but_in_the_contact(session, executive, now):
    make_contact(session, executive, now, "Neel Shah", mobiles=["98250 12345"], office_phones=["079 2686 2513"])
    conn = session.connection()
    indexed = conn.exec_driver_sql("SELECT count(*) FROM contact_phone INDEXED BY ix_contact_phone_mobile "
                                   "WHERE kind = 'mobile' AND number > ''").scalar() \
        if session.get_bind().dialect.name == "sqlite" else 1
    assert indexed == 1
    assert conn.exec_driver_sql("SELECT count(*) FROM contact_phone").scalar() == 2
