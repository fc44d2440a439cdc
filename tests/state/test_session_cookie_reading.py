"""The Reflex state finds the session token in the websocket handshake's Cookie header
(state/session.py): leniently, as browsers send it, so another app's odd cookie on the
same host logs nobody out; and it remembers only a digest of it."""
import pytest

from hoffice_app.state.session import session_key, token_from


@pytest.mark.parametrize("header, token", [
    ("hoffice_session=abc-DEF_123", "abc-DEF_123"),
    ("theme=dark; hoffice_session=abc; other=1", "abc"),
    ('hoffice_session="abc"', "abc"),
    ("broken cookie; x=a b c; hoffice_session=abc", "abc"),
    ("hoffice_session_old=zzz; hoffice_session=abc", "abc"),
    ("", ""), ("theme=dark", ""), ("hoffice_session", ""),
])
def test_the_token_is_read_from_the_cookie_header(header, token):
    assert token_from(header) == token


def test_the_state_keeps_a_digest_never_the_token():
    key = session_key("abc")
    assert len(key) == 64 and "abc" not in key
    assert session_key("") == ""
