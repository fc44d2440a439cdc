"""Reading a sheet: the reader (xlsx, xls, csv, ods; refusals of unusable files), the template's
columns, the column mapping (automatic and remembered) and the spool that keeps rows on disk
between the wizard's steps.

Stages import each other by module; callers outside the importer use
``hoffice_app.importer``.
"""
