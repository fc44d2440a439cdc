"""Sheets the engine writes: the contact export, the import template, the result and error
sheets of an import (and the result sheet built just after the commit), and a small
streaming .xlsx writer for big sheets.

Stages import each other by module; callers outside the importer use
``hoffice_app.importer``.
"""
