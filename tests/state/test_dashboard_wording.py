"""The dashboard's wording (pages/dashboard/state.py): whose numbers a card shows is in its
label, and a card's link is named with its number."""
from hoffice_app.domain.insights import Cell, StageValue
from hoffice_app.pages.dashboard.state import my_card, prefix, stage_lines, stat, title


def test_labels_say_whose_numbers_they_are():
    assert title(prefix("Me"), "follow-ups overdue") == "My follow-ups overdue"
    assert title(prefix("My team"), "unattended leads") == "Team unattended leads"
    assert title(prefix("Ravi Shah's team"), "stuck leads") == "Team stuck leads"
    assert title(prefix("Everyone"), "open inquiries") == "Open inquiries"


def test_a_card_is_named_with_its_number_and_keeps_its_link():
    card = stat("Team stuck leads", Cell(7, "/leads?insight=stuck"), "note")
    assert (card.value, card.link, card.name) == (7, "/leads?insight=stuck", "Team stuck leads: 7")


def test_stage_names_carry_their_funnel_only_when_there_are_several():
    one = [StageValue("Sales", "Contacted", Cell(3, "/a"), "₹1 L", 1e5)]
    assert [line.stage for line in stage_lines(one)] == ["Contacted"]
    two = one + [StageValue("Service", "Contacted", Cell(1, "/b"), "₹5 K", 5e3)]
    assert [line.stage for line in stage_lines(two)] == ["Sales · Contacted", "Service · Contacted"]
    assert stage_lines(two)[1].name == "Contacted: 1"


def test_my_own_card_counts_what_the_cards_above_do_not():
    team_viewer = my_card(False, overdue=2, today=3, later=9)
    assert (team_viewer.name, team_viewer.note, team_viewer.link) == ("My follow-ups overdue: 2", "3 due today",
                                                                      "/follow-ups")
    executive = my_card(True, overdue=2, today=3, later=9)
    assert (executive.name, executive.note) == ("My follow-ups due today: 3", "then 9 planned later")
