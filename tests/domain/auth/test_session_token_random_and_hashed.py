import hashlib
import re

from sqlmodel import select

from hoffice_app.domain.auth import actor_for_token
from hoffice_app.models import AuthSession
from tests.factories import PASSWORD, log_in, make_employee


def test_tokens_are_long_random_and_stored_only_as_sha256(session, now):
    make_employee(session, now)
    tokens = [log_in(session, "E01", PASSWORD, now=now) for _ in range(2)]
    session.commit()

    assert tokens[0] != tokens[1]
    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{22,}", token)  # >= 128 bits, url-safe
    rows = session.exec(select(AuthSession)).all()
    assert sorted(r.token_hash for r in rows) == sorted(hashlib.sha256(t.encode()).hexdigest() for t in tokens)
    for row in rows:
        assert not any(t in str(value) for t in tokens for value in row.model_dump().values())
    assert actor_for_token(session, tokens[0], now=now).code == "E01"
    assert actor_for_token(session, hashlib.sha256(tokens[0].encode()).hexdigest(), now=now) is None
