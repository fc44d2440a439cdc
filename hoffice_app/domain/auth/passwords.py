"""Password hashing (argon2id) and policy."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from hoffice_app.domain.common import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 256
# argon2-cffi's defaults are argon2id with RFC 9106's "low memory" profile.
_hasher = PasswordHasher()
# Verifying against this keeps the timing of "no such user" equal to a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def check_policy(password: str, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError({field: f"Use at least {MIN_LENGTH} characters."})
    if len(password) > MAX_LENGTH:
        raise ValidationError({field: f"Use at most {MAX_LENGTH} characters."})


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def rehash(password: str) -> str:
    """A fresh hash of a password already verified (no policy check: old passwords stay valid)."""
    return _hasher.hash(password)


def generate_password() -> str:
    """A random password to print once (about 96 bits)."""
    return secrets.token_urlsafe(12)
