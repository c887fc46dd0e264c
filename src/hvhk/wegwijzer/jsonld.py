"""schema.org structured data for a service page, so search engines show it well (JSON-LD)."""

from django.http import HttpRequest
from django.urls import reverse

from hvhk.directory.models import Phone, Service
from hvhk.wegwijzer import display

SCHEMA_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def service_jsonld(service: Service, *, request: HttpRequest, phones: list[Phone]) -> dict:
    network = service.network
    url = request.build_absolute_uri(reverse("wegwijzer:service", args=[network.slug, service.id]))
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "url": url,
        "name": display.tr(service, "name").text,
        "description": display.tr(service, "description").text,
        "provider": {
            "@type": "Organization",
            "name": service.organization.name,
            "url": request.build_absolute_uri(
                reverse("wegwijzer:organization", args=[network.slug, service.organization_id])
            ),
        },
        "areaServed": [area.area.name for area in service.service_areas.all() if area.area_id]
        or [network.name],
        "availableLanguage": [lang.code for lang in service.languages.all()],
    }
    if service.minimum_age_months is not None or service.maximum_age_months is not None:
        audience: dict = {"@type": "PeopleAudience"}
        if service.minimum_age_months is not None:
            audience["suggestedMinAge"] = max(service.minimum_age_months, 0) / 12
        if service.maximum_age_months is not None:
            audience["suggestedMaxAge"] = service.maximum_age_months / 12
        data["audience"] = audience
    offers = []
    for option in service.cost_options.all():
        offer = {"@type": "Offer", "name": option.option or option.get_kind_display(), "priceCurrency": "EUR"}
        offer["price"] = f"{option.amount:.2f}" if option.amount else "0"
        offers.append(offer)
    if offers:
        data["offers"] = offers
    channels = []
    for location in display.places(service):
        place: dict = {"@type": "Place", "name": location.name}
        address = next(iter(location.addresses.all()), None)
        if address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": address.address_1,
                "postalCode": address.postal_code,
                "addressLocality": address.city,
                "addressCountry": address.country,
            }
        if location.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(location.latitude),
                "longitude": float(location.longitude),
            }
        channels.append({"@type": "ServiceChannel", "serviceLocation": place})
    if phones:
        channels.append(
            {
                "@type": "ServiceChannel",
                "servicePhone": {"@type": "ContactPoint", "telephone": phones[0].number},
            }
        )
    if channels:
        data["availableChannel"] = channels
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAYS[d] for d in s.days if d in SCHEMA_DAYS],
            "opens": s.opens_at.strftime("%H:%M"),
            "closes": s.closes_at.strftime("%H:%M"),
        }
        for s in display.service_schedules(service)
        if s.opens_at and s.closes_at and s.freq == "WEEKLY"
    ]
    if hours:
        data["hoursAvailable"] = hours
    return data
