"""The Settings navigation and page titles (pages/settings/state.py) come from
the masters catalogue: every master list is reachable once, under its group."""
from hoffice_app.domain.masters import KINDS
from hoffice_app.pages.settings.state import FIXED_SECTIONS, nav_groups, section_title


def test_general_comes_first_with_the_overview_and_the_fixed_sections():
    group, entries = nav_groups()[0]
    assert group == "General"
    assert entries == [("overview", "Overview"), ("defaults", "Company defaults"), ("employees", "Employees"),
                       ("funnels", "Funnels & stages"), ("custom-fields", "Custom fields")]


def test_notifications_come_second_with_their_three_sections():
    group, entries = nav_groups()[1]
    assert group == "Notifications"
    assert [key for key, _label in entries] == ["notifications", "notification-events", "outbox"]


def test_automation_comes_third_with_assignment_rules_and_revoke_policies():
    group, entries = nav_groups()[2]
    assert group == "Automation"
    assert entries == [("assignment-rules", "Assignment rules"), ("revoke-policies", "Revoke policies")]
    assert section_title("revoke-policies") == "Revoke policies"


def test_every_master_list_appears_once_under_its_group_in_catalogue_order():
    groups = dict(nav_groups())
    listed = [key for group, entries in nav_groups() if group not in ("General", "Notifications", "Automation")
              for key, _label in entries]
    assert sorted(listed) == sorted(meta.key for meta in KINDS)
    for meta in KINDS:
        assert (meta.key, meta.label) in groups[meta.group]
    assert [k for k, _ in groups["Products"]] == ["product_category", "product"]


def test_section_titles():
    assert section_title("employees") == "Employees"
    assert section_title("segment") == "Industry segments"
    assert section_title("lost_reason") == "Lost reasons"
    assert section_title("no-such-section") == "Settings"
    assert all(section_title(key) == label for key, label in FIXED_SECTIONS.items())
