"""Logging in and out: argon2id passwords and their policy, one-time log-in tickets
exchanged for sessions (a random token per log-in, only its SHA-256 stored), throttling
of failed attempts, the actor of a token.
"""
from .passwords import check_policy, generate_password, hash_password, verify_password
from .sessions import (
    WRONG_LOGIN,
    LoginResult,
    StartedSession,
    actor_for_token,
    actor_of,
    login,
    logout,
    revoke_all_sessions,
    start_session,
)

__all__ = [
    "actor_for_token",
    "actor_of",
    "check_policy",
    "generate_password",
    "hash_password",
    "login",
    "LoginResult",
    "logout",
    "revoke_all_sessions",
    "start_session",
    "StartedSession",
    "verify_password",
    "WRONG_LOGIN",
]
