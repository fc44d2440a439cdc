from hoffice_app.importer.read.columns import HEADERS, MANDATORY

# docs/import-spec.md, "Template"
SPEC_LINE = ("Contact Code · Division · Title · Name* · Alias names · Type Of Contact* · Default price list · "
             "Email Address · Mobile Number · Mobile Number1 · Office Phone · Office Phone1 · "
             "Type Of Address · "
             "Address 1 · Address 2 · Area · District · City · State · Country · Zip / Pin Code · Industry · "
             "Reference · Annual Revenue · Privacy · Category · Designation · Relation · Relation To · Other Number · "
             "Website · Skype ID · PAN Number · VAT Number · CST Number · ST Number · GST Number · Adhar Number · "
             "TAN Number · Date Of Birth · Anniversary Date · Class Name · Class Code · GST Register Type · "
             "GST Member Type · Gender · Date Of Death · Transporter ID · Business Contact Type · Currency · "
             "Facebook · LinkedIn · Instagram · YouTube · Twitter · Remarks")


def test_headers_are_the_specs_in_its_order_with_name_and_type_mandatory():
    spec = [h.strip() for h in SPEC_LINE.split("·")]
    assert list(HEADERS) == [h.rstrip("*") for h in spec]
    assert [HEADERS[i] for i, h in enumerate(spec) if h.endswith("*")] == ["Name", "Type Of Contact"]
    assert set(MANDATORY) == {"name", "contact_type"}
