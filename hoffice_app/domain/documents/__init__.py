"""Lead attachments and the document library: files checked (size, type, content) and kept
in a private folder, attached to leads, downloaded only by people who may see the lead.
"""
from .service import (
    ALLOWED,
    MAX_BYTES,
    attach_existing,
    detach,
    lead_documents,
    library,
    open_for_download,
    public_folders,
    storage_root,
    store_and_attach,
)
from .views import DocumentView, size_label

__all__ = [
    "ALLOWED",
    "attach_existing",
    "detach",
    "DocumentView",
    "lead_documents",
    "library",
    "MAX_BYTES",
    "open_for_download",
    "public_folders",
    "size_label",
    "storage_root",
    "store_and_attach",
]
