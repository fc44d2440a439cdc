"""Backups: the database (a consistent copy taken while the app writes) together with the
uploaded documents and the import folder, and restoring them into an empty installation.

Plain Python (never imports reflex), called by ``python -m hoffice_app backup OUT`` and
``restore IN``. What a backup holds: ``layout``; SQLite's online copy: ``sqlite``;
``pg_dump``: ``postgres``. How to use it: docs/operations.md.
"""
from hoffice_app.backup.create import create_backup
from hoffice_app.backup.layout import BackupRefused
from hoffice_app.backup.restore import restore_backup

__all__ = ["BackupRefused", "create_backup", "restore_backup"]
