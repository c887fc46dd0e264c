"""HSDS 3.0 response shapes for the OpenAPI description of the API (field names and rules from the standard).

Optional fields are left out of responses when empty; `hvhk_…` extension fields are documented in docs/hsds.md
and allowed by `extra="allow"`, as HSDS itself allows additional properties.
"""

from ninja import Schema
from pydantic import ConfigDict, Field


class _HSDS(Schema):
    model_config = ConfigDict(extra="allow")


class Language(_HSDS):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    phone_id: str | None = None
    name: str | None = None
    code: str | None = None
    note: str | None = None


class Phone(_HSDS):
    id: str
    number: str
    location_id: str | None = None
    service_id: str | None = None
    organization_id: str | None = None
    contact_id: str | None = None
    service_at_location_id: str | None = None
    extension: float | None = None
    type: str | None = None
    description: str | None = None
    languages: list[Language] = Field(default_factory=list)


class Schedule(_HSDS):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    service_at_location_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    timezone: float | None = None
    until: str | None = None
    count: float | None = None
    wkst: str | None = None
    freq: str | None = None
    interval: float | None = None
    byday: str | None = None
    byweekno: str | None = None
    bymonthday: str | None = None
    byyearday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class Contact(_HSDS):
    id: str
    organization_id: str | None = None
    service_id: str | None = None
    service_at_location_id: str | None = None
    location_id: str | None = None
    name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None
    phones: list[Phone] = Field(default_factory=list)


class Address(_HSDS):
    id: str
    location_id: str | None = None
    attention: str | None = None
    address_1: str
    address_2: str | None = None
    city: str
    region: str | None = None
    state_province: str
    postal_code: str
    country: str
    address_type: str


class Accessibility(_HSDS):
    id: str
    location_id: str | None = None
    description: str | None = None
    details: str | None = None
    url: str | None = None


class Location(_HSDS):
    id: str
    location_type: str
    url: str | None = None
    organization_id: str | None = None
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    transportation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    languages: list[Language] = Field(default_factory=list)
    addresses: list[Address] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    accessibility: list[Accessibility] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)


class Taxonomy(_HSDS):
    id: str
    name: str
    description: str
    uri: str | None = None
    version: str | None = None


class TaxonomyTerm(_HSDS):
    id: str
    code: str | None = None
    name: str
    description: str
    parent_id: str | None = None
    taxonomy: str | None = None
    taxonomy_detail: Taxonomy | None = None
    language: str | None = None
    taxonomy_id: str | None = None
    term_uri: str | None = None


class Attribute(_HSDS):
    id: str
    link_id: str | None = None
    taxonomy_term_id: str | None = None
    link_type: str | None = None
    link_entity: str | None = None
    value: str | None = None
    taxonomy_term: TaxonomyTerm | None = None


class CostOption(_HSDS):
    id: str
    service_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    option: str | None = None
    currency: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class ServiceArea(_HSDS):
    id: str
    service_id: str | None = None
    name: str | None = None
    description: str | None = None
    extent: str | None = None
    extent_type: str | None = None
    uri: str | None = None


class OrganizationListItem(_HSDS):
    id: str
    name: str
    alternate_name: str | None = None
    description: str
    email: str | None = None
    website: str | None = None
    tax_status: str | None = None
    tax_id: str | None = None
    year_incorporated: float | None = None
    legal_status: str | None = None
    logo: str | None = None
    uri: str | None = None
    parent_organization_id: str | None = None


class ServiceListItem(_HSDS):
    id: str
    organization_id: str | None = None
    name: str
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    accreditations: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: str | None = None
    assurer_email: str | None = None
    licenses: str | None = None
    alert: str | None = None
    last_modified: str | None = None
    organization: OrganizationListItem | None = None


class Organization(OrganizationListItem):
    phones: list[Phone] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    attributes: list[Attribute] = Field(default_factory=list)
    services: list[dict] = Field(default_factory=list)


class ServiceAtLocation(_HSDS):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    description: str | None = None
    contacts: list[Contact] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)
    location: Location | None = None
    attributes: list[Attribute] = Field(default_factory=list)
    service: ServiceListItem | None = None


class Service(ServiceListItem):
    phones: list[Phone] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)
    service_areas: list[ServiceArea] = Field(default_factory=list)
    service_at_locations: list[ServiceAtLocation] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    organization: Organization | None = None
    cost_options: list[CostOption] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    attributes: list[Attribute] = Field(default_factory=list)


class Page(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class ServicePage(Page):
    contents: list[ServiceListItem | Service]


class OrganizationPage(Page):
    contents: list[OrganizationListItem | Organization]


class ServiceAtLocationPage(Page):
    contents: list[ServiceAtLocation]


class TaxonomyPage(Page):
    contents: list[Taxonomy]


class TaxonomyTermPage(Page):
    contents: list[TaxonomyTerm]


class ApiInfo(Schema):
    version: str
    profile: str
    openapi_url: str


class Problem(Schema):
    """An error, naming what was wrong: `detail` lists each problem with its place (`loc`) and message."""

    detail: list[dict]


class Error(Schema):
    detail: str


class ValidationError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(Schema):
    detail: list[ValidationError]
