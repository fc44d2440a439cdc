"""Why a whole file is refused (as opposed to one bad row, which is reported
and skipped). The message is one sentence for the user: what is wrong and what
to do about it. Refusals happen before anything is written."""
from __future__ import annotations

from hoffice_app.domain.common import DomainError


class FileRefused(DomainError):
    """The file cannot be used at all (type, size, corrupt, protected, empty…)."""
