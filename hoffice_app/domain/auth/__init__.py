"""Logging in and out: argon2id passwords and their policy, sessions (a random token per
log-in, only its SHA-256 stored), throttling of failed attempts, the actor of a token.
"""
from .passwords import check_policy, generate_password, hash_password, verify_password
from .sessions import WRONG_LOGIN, LoginResult, actor_for_token, actor_of, login, logout, revoke_all_sessions

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
    "verify_password",
    "WRONG_LOGIN",
]
