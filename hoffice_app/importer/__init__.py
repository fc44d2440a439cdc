"""The contact import / export engine: plain Python, never imports reflex.

Rules: docs/import-spec.md. What the wizard UI calls (all DTOs are
dataclasses in ``importer.views``; domain errors from ``domain.common``; an
unusable file raises ``importer.errors.FileRefused`` whose ``message`` is one
sentence for the user):

Upload and mapping
    jobs.storage_dir() -> Path
        Private folder for uploads (HOFFICE_IMPORTS_DIR, else data/imports/);
        save the upload there first (never in Reflex's public upload folder):
    uploads.keep(source, suffix, *, max_bytes) -> Path            raises FileRefused
        Copies it into ``uploads/`` in 1 MB pieces, refused past the limit;
        ``uploads.sweep`` removes uploads no job points to after 6 hours.
    read.reader.sheet_names(path) -> list[str]                  raises FileRefused
    jobs.start_job(session, actor, *, stored_path, file_name, now) -> int
        Checks the file (type, size, zip bomb, password…) and records the job.
    jobs.headers(session, actor, job_id, sheet="", *, now=None) -> MappingView
        Reads the sheet once (kept for the review), proposes the remembered
        or automatic mapping: columns [(index, header, field key or "")],
        unmatched headers, the field list for drop-downs, missing mandatory
        fields, rows found.

Review (writes no contact)
    jobs.review(session, actor, job_id, *, sheet, mapping: dict[int, str], policy="skip",
                key_account_manager_id=None, now, progress=None) -> ReviewSummary
        total, valid, invalid, duplicate, to_create, to_update, warnings; the
        problems are stored for paging; the mapping is remembered.
        ``progress(done, total)`` is called every 2,000 rows.
    jobs.issues(session, actor, job_id, *, kind, text="", offset=0, limit=50)
        -> (list[IssueRow], total)        kind: "invalid" | "duplicate" | "warning"

Submit (in a background thread; opens its own units of work)
    submit.submit(job_id, actor, *, now, progress=None) -> ImportSummary
        All valid rows or none; raises submit.ImportFailed (job marked
        "failed", nothing written) on any failure.
    submit.progress(session, actor, job_id, *, now=None) -> JobProgress
        status, done, total, seconds_left, summary, message, has_result,
        has_errors, result_pending (a big import's result sheet is written
        just after its summary) — survives a page reload.
    submit.history(session, actor, offset=0, limit=20) -> list[JobRow]
    submit.sheet_target(session, actor, job_id, "result" | "errors") -> SheetTarget
        .ready() -> Path: call it after the transaction (a result sheet
        still being written is waited for, or written).
    submit.sheet_path(...) -> Path: both at once, for read-only callers.

Export and template
    sheets.export.export_contacts(session, actor, filters: ContactQuery | None, out_path, *, now) -> int
    sheets.template.write_template(session, out_path) -> None

Command line (``importer.run``): ``python -m hoffice_app import contacts FILE …``,
``export contacts OUT.xlsx``, ``template contacts OUT.xlsx``.

Where things live: ``submit``, ``progress``, ``history`` and ``sheet_path``
are in ``importer.submit`` (``jobs`` holds the wizard's earlier steps);
progress while running is read from a small file in the job's folder,
because on SQLite a second transaction cannot write the job row while the
import's transaction holds the write lock.

Stages: ``read/`` (reader → mapping; the spool keeps rows between steps) →
``check/`` (normalize, one pure rule per column in ``rules``; batched
``lookups``; ``duplicates``; the ``review`` drives them chunk by chunk) →
``write/`` (``commit``: bulk inserts in one transaction; ``updates``) →
``sheets/`` (result and error sheets, export, template).

Speed (100,000 rows, BENCHMARKS.md; ``speed/``): a big sheet's chunks are
checked by worker processes (``speed.workers``, ``speed.worker_process``)
while this process decides duplicates in file order on rows it keeps packed
(``read.spool.Packed``); submit numbers new contacts itself and hands narrow
rows to one writer thread (``speed.bulk_pipe.Pipe``: one multi-row INSERT per
chunk and table, run without the GIL, which ``speed.quick_switch`` hands over
sooner meanwhile) while it prepares the next chunk;
updates go in batches (``write.updates``); the search index is kept in bulk
(``speed.fts``); a worker writes the result sheet after the commit
(``sheets.result_after_commit``). See docs/architecture.md for the threads.
"""
