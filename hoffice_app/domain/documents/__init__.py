"""Lead attachments and the document library: files checked (size, type, content) and kept
in a private folder (``files``), attached to leads (``service``), added in the new-lead form
before the lead exists (``drafts``), listed on the Documents page (``catalog``). A document is
seen by its uploader, by whoever may see a lead it is attached to, and by administrators.
"""
from .catalog import NO_CATEGORY, category_options, leads_using, library_page, upload_to_library
from .drafts import MAX_DRAFT_FILES, attach_drafts, discard_draft, draft_documents, upload_draft
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
from .views import DocumentView, LeadLink, LibraryPage, LibraryRow, size_label

__all__ = [
    "ALLOWED",
    "attach_drafts",
    "attach_existing",
    "category_options",
    "detach",
    "discard_draft",
    "DocumentView",
    "draft_documents",
    "lead_documents",
    "LeadLink",
    "leads_using",
    "library",
    "library_page",
    "LibraryPage",
    "LibraryRow",
    "MAX_BYTES",
    "MAX_DRAFT_FILES",
    "NO_CATEGORY",
    "open_for_download",
    "public_folders",
    "size_label",
    "storage_root",
    "store_and_attach",
    "upload_draft",
    "upload_to_library",
]
