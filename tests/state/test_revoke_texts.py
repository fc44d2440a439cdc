"""What the bulk revoke says before and after: the confirmation names the count (with thousands
separators) and where the leads go; the notes give the counts and name the leads left."""
from hoffice_app.pages.leads import revoke_text as t


def test_the_question_states_exactly_what_will_happen():
    assert t.confirm_question(1234, "pool") == \
        "Revoke 1,234 leads from their assignees and put them back in the pool?"
    assert t.confirm_question(3, "employee", employee="Amit Kumar") == \
        "Revoke 3 leads from their assignees and give them to Amit Kumar?"
    assert t.confirm_question(2, "rule", rule="Round robin") == \
        "Revoke 2 leads from their assignees and re-assign them through the rule “Round robin”?"
    assert t.confirm_question(1, "pool", singular="Inquiry", plural="Inquiries") == \
        "Revoke 1 inquiry from its assignee and put it back in the pool?"


def test_the_result_note_counts_revoked_and_skipped():
    assert t.result_note(12, 0) == "Revoked 12 leads."
    assert t.result_note(1_230, 4) == ("Revoked 1,230 leads; 4 skipped because they changed meanwhile "
                                       "(or were closed, unassigned or already there).")


def test_the_undo_note_names_the_leads_left_as_they_are():
    assert t.undo_note(12, ["L000123"]) == "12 leads put back; 1 changed since and was left as it is: L000123"
    assert t.undo_note(3, []) == "3 leads put back"
    many = [f"L{n:06d}" for n in range(12)]
    assert t.undo_note(0, many).endswith("L000009 and 2 more")
