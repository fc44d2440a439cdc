"""The downloadable template: headers in order, mandatory ones red with a note, drop-downs, instructions."""
from openpyxl import load_workbook

from hoffice_app.importer.read.columns import HEADERS
from hoffice_app.importer.sheets.template import write_template


def test_template_headers_colours_notes_and_drop_downs(session, demo, tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(session, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Contacts", "Lists", "Instructions"] and wb["Lists"].sheet_state == "hidden"
    ws = wb["Contacts"]
    header = [c.value for c in ws[1]]
    assert header == list(HEADERS)
    name, kind, code = ws.cell(1, HEADERS.index("Name") + 1), ws.cell(1, 6), ws.cell(1, 1)
    assert name.font.color.rgb.endswith("C00000") and "Mandatory" in name.comment.text
    assert kind.font.color.rgb.endswith("C00000") and code.comment is None
    ranges = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    letters = {h: ws.cell(1, i + 1).column_letter for i, h in enumerate(HEADERS)}
    for header_text in ("Title", "Type Of Contact", "Default price list", "Type Of Address", "Industry", "Relation",
                        "Class Name", "Class Code", "GST Register Type", "GST Member Type", "Gender",
                        "Business Contact Type", "Currency", "Division", "Category", "Country"):
        assert f"{letters[header_text]}2" in ranges, header_text
    types = ranges[f"{letters['Type Of Contact']}2"].formula1
    column = types.split("!")[1].split(":")[0].replace("$", "")[0]
    values = [c.value for c in wb["Lists"][column][1:5]]
    assert values == ["Customer", "Vendor", "Both", "Other"]
    guide = [r[0].value for r in wb["Instructions"].iter_rows(min_row=2, max_row=len(HEADERS) + 1)]
    assert guide == list(HEADERS)
