"""Writing the reviewed rows in one transaction: the writer (``commit``), the child rows of a
new contact (``rows``) and the batched updates of existing contacts (``updates``).

Stages import each other by module; callers outside the importer use
``hoffice_app.importer``.
"""
