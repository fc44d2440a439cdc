"""What makes 100,000 rows fast without changing an answer: worker processes (``workers``,
``worker_process``), shortcuts equal to the form's helpers (``fastpath``), garbage
collection paused during big builds, the writer thread's bulk pipe (``bulk_pipe``, with the
GIL handed over sooner while it runs: ``quick_switch``) and the search index kept in bulk
(``fts``).

Stages import each other by module; callers outside the importer use
``hoffice_app.importer``.
"""
