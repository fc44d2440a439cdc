"""Custom fields: the fields an administrator adds to leads and contacts (any of fourteen
types, with options, required, default, help, section, order, who may edit), and each
record's values, checked by type and written with the record's own save.

``definitions`` adds and changes fields, ``options`` a select's options; ``kinds`` checks and shows one value of
each type; ``values`` writes and reads a record's values; ``forms`` is what a record's form and save do
with them; ``filters`` narrows the lead and contact lists (and the board) by them; ``columns`` is
which columns each employee's lists show; ``search`` gives a record's text values to its list's
text search; ``admin`` is what the settings page reads and changes.
"""
from .columns import BUILT_IN, Column, columns, page_values, save_columns
from .definitions import (
    RECORDS,
    ROLES,
    FieldSpec,
    add_field,
    fields_of,
    find_field,
    get_field,
    move_field,
    options_of,
    update_field,
)
from .filters import (
    MAX_FILTERS,
    NO_VALUE,
    OPERATORS,
    CustomFilter,
    FilterField,
    contact_names,
    decode_filters,
    describe_filters,
    encode_filters,
    filter_conditions,
    filter_fields,
    operators_for,
)
from .forms import (
    FORM_SECTIONS,
    MORE,
    changed_only,
    check_typed,
    describe_changes,
    form_data,
    form_fields,
    form_labels,
    has_fields,
    new_form_data,
    values_snapshot,
    with_errors,
)
from .kinds import FROM_CLI, KIND_LABELS, KINDS, TEXT_KINDS, WITH_OPTIONS
from .options import add_option, delete_option, move_option, rename_option, set_option_active
from .search import refresh_field, refresh_search_words, search_words
from .values import FieldValue, check_value, form_key, may_edit, read_values, write_values

__all__ = [
    "FORM_SECTIONS",
    "MORE",
    "changed_only",
    "check_typed",
    "describe_changes",
    "form_data",
    "form_fields",
    "form_labels",
    "has_fields",
    "new_form_data",
    "values_snapshot",
    "with_errors",
    "add_field",
    "BUILT_IN",
    "Column",
    "columns",
    "page_values",
    "save_columns",
    "CustomFilter",
    "contact_names",
    "decode_filters",
    "describe_filters",
    "encode_filters",
    "filter_conditions",
    "filter_fields",
    "FilterField",
    "MAX_FILTERS",
    "NO_VALUE",
    "OPERATORS",
    "operators_for",
    "add_option",
    "check_value",
    "delete_option",
    "FieldSpec",
    "FieldValue",
    "fields_of",
    "find_field",
    "form_key",
    "FROM_CLI",
    "get_field",
    "KIND_LABELS",
    "KINDS",
    "may_edit",
    "move_field",
    "move_option",
    "options_of",
    "read_values",
    "RECORDS",
    "refresh_field",
    "refresh_search_words",
    "rename_option",
    "ROLES",
    "search_words",
    "set_option_active",
    "TEXT_KINDS",
    "update_field",
    "WITH_OPTIONS",
    "write_values",
]
