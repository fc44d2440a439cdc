"""The template's columns: exact header text in order, which are mandatory,
the field key the engine uses, and the other names people give them.

One list drives the template, the automatic mapping, the export and the
result/error sheets, so the four can never disagree about a header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    mandatory: bool = False
    synonyms: tuple[str, ...] = ()
    hint: str = ""  # shown in the template's instructions sheet


COLUMNS: tuple[Column, ...] = (
    Column("Contact Code", "contact_code", synonyms=("contact no",),
           hint="Blank for a new contact; an existing code (C000123) updates that contact."),
    Column("Division", "division", synonyms=("divisions",), hint="Existing divisions, comma-separated."),
    Column("Title", "title", synonyms=("salutation", "prefix"),
           hint="Mr., Mrs., M/S…; blank takes the default title."),
    Column("Name", "name", True, ("company name", "full name", "contact name", "customer name", "party name"),
           "Required; at most 200 characters."),
    Column("Alias names", "aliases", synonyms=("alias", "aliases", "alias name", "nick name"),
           hint="Comma-separated."),
    Column("Type Of Contact", "contact_type", True, ("type", "contact type"),
           "Required: Customer, Vendor, Both or Other (any case)."),
    Column("Default price list", "price_list", synonyms=("price list",), hint="A price list name."),
    Column("Email Address", "email", synonyms=("email", "e-mail", "e-mail id", "email id", "mail", "mail id"),
           hint="One address."),
    Column("Mobile Number", "mobile", synonyms=("mobile", "mobile no", "mobile no.", "mobile phone", "cell",
                                                "cell phone", "cell number"),
           hint="10 digits for India; the country code comes from the Country column."),
    Column("Mobile Number1", "mobile1", synonyms=("mobile 2", "mobile no 1", "mobile no 2", "mobile number 2",
                                                  "alternate mobile", "other mobile"), hint="A second mobile."),
    Column("Office Phone", "office_phone", synonyms=("telephone", "office number",
                                                     "landline", "office phone number"),
           hint="With the STD code, e.g. 07926862513."),
    Column("Office Phone1", "office_phone1", synonyms=("office phone 2", "telephone 2", "landline 2"),
           hint="A second office phone."),
    Column("Type Of Address", "address_type", synonyms=("address type",),
           hint="Office Address, Factory Address…; blank takes the default type."),
    Column("Address 1", "address1", synonyms=("address", "address line 1", "street", "street address")),
    Column("Address 2", "address2", synonyms=("address line 2",)),
    Column("Area", "area", synonyms=("locality",)),
    Column("District", "district"),
    Column("City", "city", synonyms=("town",)),
    Column("State", "state", synonyms=("province", "state name"), hint="Stored in capitals."),
    Column("Country", "country", synonyms=("country name",), hint="Blank takes the default country."),
    Column("Zip / Pin Code", "pin", synonyms=("pincode", "pin code", "pin", "zip", "zip code", "postal code",
                                              "postcode"), hint="6 digits for India."),
    Column("Industry", "industry"),
    Column("Reference", "reference", synonyms=("referred by", "source"),
           hint="A contact code or name, an employee code or name, or a campaign."),
    Column("Annual Revenue", "annual_revenue", synonyms=("revenue", "turnover"), hint="A number, e.g. 900000."),
    Column("Privacy", "privacy", synonyms=("visible to", "shared with"),
           hint="Blank = public; else employee codes, comma-separated (E01, E02)."),
    Column("Category", "category", synonyms=("categories", "contact category"), hint="Comma-separated."),
    Column("Designation", "designation", synonyms=("job title", "position")),
    Column("Relation", "relation", synonyms=("relation type", "relationship"),
           hint="With Relation To: this contact is <Relation> of <Relation To>."),
    Column("Relation To", "relation_to", synonyms=("related to", "related contact"),
           hint="The Contact Code (or exact unique name) of an existing contact."),
    Column("Other Number", "other_number", synonyms=("other phone", "fax", "other no")),
    Column("Website", "website", synonyms=("web site", "url", "web")),
    Column("Skype ID", "skype", synonyms=("skype",)),
    Column("PAN Number", "pan", synonyms=("pan", "pan no", "pan card")),
    Column("VAT Number", "vat_number", synonyms=("vat", "vat no")),
    Column("CST Number", "cst_number", synonyms=("cst", "cst no")),
    Column("ST Number", "st_number", synonyms=("st no", "service tax number")),
    Column("GST Number", "gstin", synonyms=("gstin", "gst", "gst no", "gstin number")),
    Column("Adhar Number", "aadhaar", synonyms=("aadhaar", "aadhaar number", "aadhar", "aadhar number", "adhar",
                                                "aadhaar no", "adhar no")),
    Column("TAN Number", "tan_number", synonyms=("tan", "tan no")),
    Column("Date Of Birth", "date_of_birth", synonyms=("dob", "birth date", "birthday"), hint="YYYY-MM-DD."),
    Column("Anniversary Date", "anniversary", synonyms=("anniversary",), hint="YYYY-MM-DD."),
    Column("Class Name", "class_name", synonyms=("class",)),
    Column("Class Code", "class_code"),
    Column("GST Register Type", "gst_registration_type", synonyms=("gst registration type",),
           hint="1 Regular, 2 Consumer, 3 Composition, 4 Unregistered."),
    Column("GST Member Type", "gst_member_type", synonyms=("sez type",),
           hint="D Deemed export, G Government entity, S SEZ."),
    Column("Gender", "gender", synonyms=("sex",), hint="1 Male, 2 Female."),
    Column("Date Of Death", "date_of_death", hint="YYYY-MM-DD."),
    Column("Transporter ID", "transporter_id", synonyms=("transporter",)),
    Column("Business Contact Type", "business_contact_type", hint="1 Partner, 2 End User."),
    Column("Currency", "currency", hint="Three letters (INR, USD, AUD…); blank takes the default currency."),
    Column("Facebook", "facebook"),
    Column("LinkedIn", "linkedin"),
    Column("Instagram", "instagram"),
    Column("YouTube", "youtube"),
    Column("Twitter", "twitter", synonyms=("twitter x",)),
    Column("Remarks", "remarks", synonyms=("notes", "note", "comments", "comment")),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
MANDATORY: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.mandatory)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """"EMAIL-ADDRESS", "email address" and "Email Address" all give "emailaddress"."""
    return _NOT_ALNUM.sub("", str(text or "").casefold())


# normalised header or synonym -> field key; an exact header wins over a synonym
NAMES: dict[str, str] = {}
for _c in COLUMNS:
    for _name in _c.synonyms:
        NAMES.setdefault(header_key(_name), _c.key)
for _c in COLUMNS:
    NAMES[header_key(_c.header)] = _c.key


def label(key: str) -> str:
    """The header text of a field key (what a problem names as its column)."""
    return BY_KEY[key].header
