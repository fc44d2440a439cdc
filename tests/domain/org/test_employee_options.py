"""The drop-downs' list of people (assignee, owner, filters): every active employee, in
the directory's code order, for any role — and nobody deactivated."""
from hoffice_app.domain.org import employee_options, list_employees, set_active
from tests.contact_factory import actor, demo, engine  # noqa: F401


def test_options_are_the_active_directory_in_code_order(session, demo, now):
    admin = actor(session, "E01")
    set_active(session, admin, actor(session, "E05").id, False, now=now)
    session.commit()
    for who in ("E01", "E02", "E03"):
        options = employee_options(session, actor(session, who))
        directory = list_employees(session, actor(session, who), include_inactive=False)
        assert [(o.value, o.label) for o in options] == [(str(e.id), e.name) for e in directory]
    assert "Priya Desai" not in {o.label for o in employee_options(session, admin)}
