"""The HSDS 3.0 tabular form: which tables, which columns, and how the nested objects map onto them.

Shared by the data package export and the reader, so the two stay each other's mirror.
"""


def _columns(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The HSDS 3.0 tables we fill, with their columns (from the standard's datapackage.json) and our extensions.
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": _columns(
        "id name alternate_name description email website tax_status tax_id year_incorporated legal_status logo "
        "uri parent_organization_id hvhk_slug hvhk_membership hvhk_translations hvhk_houses hvhk_source_id"
    ),
    "services": _columns(
        "id organization_id program_id name alternate_name description url email status interpretation_services "
        "application_process fees_description wait_time fees accreditations eligibility_description minimum_age "
        "maximum_age assured_date assurer_email licenses alert last_modified hvhk_minimum_age_months "
        "hvhk_maximum_age_months hvhk_delivery hvhk_translations hvhk_source_id"
    ),
    "attributes": _columns("id link_id taxonomy_term_id link_type link_entity value"),
    "service_at_location": _columns("id service_id location_id description hvhk_source_id"),
    "locations": _columns(
        "id location_type url organization_id name alternate_name description transportation latitude longitude "
        "external_identifier external_identifier_type hvhk_area hvhk_source_id"
    ),
    "phones": _columns(
        "id location_id service_id organization_id contact_id service_at_location_id number extension type "
        "description"
    ),
    "contacts": _columns(
        "id organization_id service_id service_at_location_id location_id name title department email"
    ),
    "addresses": _columns(
        "id location_id attention address_1 address_2 city region state_province postal_code country address_type"
    ),
    "schedules": _columns(
        "id service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count wkst "
        "freq interval byday byweekno bymonthday byyearday description opens_at closes_at schedule_link "
        "attending_type notes"
    ),
    "service_areas": _columns("id service_id name description extent extent_type uri hvhk_area"),
    "languages": _columns("id service_id location_id phone_id name code note"),
    "accessibility": _columns("id location_id description details url hvhk_feature"),
    "taxonomy_terms": _columns(
        "id code name description parent_id taxonomy language taxonomy_id term_uri hvhk_position hvhk_translations hvhk_source_id"
    ),
    "cost_options": _columns(
        "id service_id valid_from valid_to option currency amount amount_description hvhk_kind"
    ),
    "organization_identifiers": _columns("id organization_id identifier_scheme identifier_type identifier"),
    "taxonomies": _columns("id name description uri version hvhk_code hvhk_source_id"),
}
NUMBER_COLUMNS = {
    "year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude", "extension", "timezone", "count",
    "interval", "amount", "hvhk_minimum_age_months", "hvhk_maximum_age_months", "hvhk_position",
}  # fmt: skip

# Nested lists: (key in the nested object, table). Single nested objects: (key, table, id column in the parent).
LISTS = {
    "services": (("phones", "phones"), ("schedules", "schedules"), ("service_areas", "service_areas"),
                 ("languages", "languages"), ("cost_options", "cost_options"), ("contacts", "contacts"),
                 ("attributes", "attributes"), ("service_at_locations", "service_at_location")),
    "organizations": (("phones", "phones"), ("contacts", "contacts"), ("locations", "locations"),
                      ("organization_identifiers", "organization_identifiers"), ("attributes", "attributes")),
    "locations": (("languages", "languages"), ("addresses", "addresses"), ("contacts", "contacts"),
                  ("accessibility", "accessibility"), ("phones", "phones"), ("schedules", "schedules")),
    "service_at_location": (("contacts", "contacts"), ("phones", "phones"), ("schedules", "schedules"),
                            ("attributes", "attributes")),
    "contacts": (("phones", "phones"),),
    "phones": (("languages", "languages"),),
}  # fmt: skip
OBJECTS = {
    "services": (("organization", "organizations", "organization_id"),),
    "service_at_location": (("location", "locations", "location_id"),),
    "attributes": (("taxonomy_term", "taxonomy_terms", "taxonomy_term_id"),),
    "taxonomy_terms": (("taxonomy_detail", "taxonomies", "taxonomy_id"),),
}

# The column that ties a nested list's rows to the object they sit in.
PARENT_COLUMN = {
    "services": "service_id",
    "organizations": "organization_id",
    "locations": "location_id",
    "service_at_location": "service_at_location_id",
    "contacts": "contact_id",
    "phones": "phone_id",
}
