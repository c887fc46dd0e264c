import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hvhk.directory import models as m
from tests.core.factories import NetworkFactory
from tests.directory.factories import (
    HouseFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
    TaxonomyTermFactory,
)

pytestmark = pytest.mark.django_db


def _integrity_error(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


# --- ages, including pregnancy -----------------------------------------------------------------------------


def test_a_service_can_run_from_pregnancy_until_the_first_birthday():
    service = ServiceFactory(minimum_age_months=-9, maximum_age_months=12)
    service.full_clean()
    assert service.includes_pregnancy
    assert service.covers_age(-3)
    assert service.covers_age(0)
    assert service.covers_age(11)
    assert not service.covers_age(12)  # "tot 1 jaar": until the first birthday, not on it (docs/hsds.md#ages)
    assert service.age_label == "zwanger tot 1 jaar"


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [
        (None, None, "alle leeftijden"),
        (-9, 0, "tijdens de zwangerschap"),
        (0, 36, "0 tot 3 jaar"),
        (144, 288, "12 tot 24 jaar"),
        (3, 12, "3 maanden tot 1 jaar"),
        (72, None, "vanaf 6 jaar"),
    ],
)
def test_age_label_reads_as_plain_dutch(low, high, label):
    assert ServiceFactory.build(minimum_age_months=low, maximum_age_months=high).age_label == label


def test_age_range_must_be_ordered_in_clean_and_in_the_database():
    service = ServiceFactory.build(
        organization=OrganizationFactory(), minimum_age_months=36, maximum_age_months=12
    )
    service.network = service.organization.network
    with pytest.raises(ValidationError) as exc:
        service.full_clean()
    assert "maximum_age_months" in exc.value.message_dict
    _integrity_error(lambda: ServiceFactory(minimum_age_months=36, maximum_age_months=12))


def test_age_before_pregnancy_is_refused():
    _integrity_error(lambda: ServiceFactory(minimum_age_months=-10))
    with pytest.raises(ValidationError):
        ServiceFactory.build(organization=OrganizationFactory(), minimum_age_months=-12).full_clean(
            exclude=["network"]
        )


def test_status_outside_hsds_values_is_refused_by_the_database():
    _integrity_error(lambda: ServiceFactory(status="bogus"))


def test_a_service_needs_at_least_one_way_to_use_it():
    service = ServiceFactory(at_location=False, at_home=False, online=False, by_phone=False)
    with pytest.raises(ValidationError):
        service.full_clean()


# --- same network everywhere --------------------------------------------------------------------------------


def test_a_service_cannot_belong_to_an_organisation_of_another_network():
    other_org = OrganizationFactory(network=NetworkFactory())
    service = ServiceFactory.build(network=NetworkFactory(), organization=other_org)
    with pytest.raises(ValidationError) as exc:
        service.full_clean()
    assert "organization" in exc.value.message_dict


def test_service_at_location_checks_both_sides_are_in_its_network():
    service = ServiceFactory()
    location = LocationFactory()  # another network
    sal = m.ServiceAtLocation(network=service.network, service=service, location=location)
    with pytest.raises(ValidationError) as exc:
        sal.full_clean()
    assert "location" in exc.value.message_dict


def test_service_at_location_is_unique_per_pair():
    service = ServiceFactory()
    location = LocationFactory(organization=service.organization, network=service.network)
    m.ServiceAtLocation.objects.create(network=service.network, service=service, location=location)
    _integrity_error(
        lambda: m.ServiceAtLocation.objects.create(
            network=service.network, service=service, location=location
        )
    )


# --- HSDS detail records ------------------------------------------------------------------------------------


def test_schedule_must_close_after_it_opens():
    service = ServiceFactory()
    schedule = m.Schedule(
        network=service.network, service=service, byday="MO", opens_at=dt.time(12), closes_at=dt.time(9)
    )
    with pytest.raises(ValidationError):
        schedule.full_clean()
    _integrity_error(schedule.save)


def test_schedule_days_are_ical_codes():
    service = ServiceFactory()
    bad = m.Schedule(
        network=service.network, service=service, byday="maandag", opens_at=dt.time(9), closes_at=dt.time(12)
    )
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "byday" in exc.value.message_dict
    good = m.Schedule(network=service.network, service=service, byday="MO,2TU,-1FR", freq="MONTHLY")
    good.full_clean()
    assert good.days == ["MO", "TU", "FR"]


@pytest.mark.parametrize("model", [m.Schedule, m.Phone, m.Contact, m.Language])
def test_detail_records_must_hang_off_something(model):
    network = NetworkFactory()
    values = {"network": network}
    if model is m.Phone:
        values["number"] = "016 00 00 00"
    if model is m.Language:
        values.update(code="nl", name="Nederlands")
    _integrity_error(lambda: model.objects.create(**values))


def test_free_cost_option_has_no_amount():
    service = ServiceFactory()
    option = m.CostOption(network=service.network, service=service, kind="free", amount=Decimal("5"))
    with pytest.raises(ValidationError):
        option.full_clean()
    _integrity_error(option.save)


def test_cost_amount_cannot_be_negative():
    service = ServiceFactory()
    _integrity_error(
        lambda: m.CostOption.objects.create(network=service.network, service=service, kind="paid", amount=-1)
    )


def test_phone_number_gives_an_international_tel_link():
    assert m.Phone(number="016 00 12 34").tel_uri == "tel:+3216001234"
    assert m.Phone(number="+32 16 00 12 34").tel_uri == "tel:+3216001234"


def test_phone_number_must_be_digits():
    service = ServiceFactory()
    phone = m.Phone(network=service.network, service=service, number="bel ons")
    with pytest.raises(ValidationError) as exc:
        phone.full_clean()
    assert "number" in exc.value.message_dict


# --- taxonomy and attributes ---------------------------------------------------------------------------------


def test_an_attribute_links_exactly_one_record():
    service = ServiceFactory()
    term = TaxonomyTermFactory(network=service.network, taxonomy__network=service.network)
    _integrity_error(lambda: m.Attribute.objects.create(network=service.network, taxonomy_term=term))
    _integrity_error(
        lambda: m.Attribute.objects.create(
            network=service.network, taxonomy_term=term, service=service, organization=service.organization
        )
    )
    attribute = m.Attribute.objects.create(network=service.network, taxonomy_term=term, service=service)
    assert attribute.link_entity == "service"
    assert attribute.link_id == service.id
    assert list(service.taxonomy_terms.all()) == [term]


def test_a_service_gets_a_term_once():
    service = ServiceFactory()
    term = TaxonomyTermFactory(network=service.network, taxonomy__network=service.network)
    m.Attribute.objects.create(network=service.network, taxonomy_term=term, service=service)
    _integrity_error(
        lambda: m.Attribute.objects.create(network=service.network, taxonomy_term=term, service=service)
    )


# --- houses and pillars --------------------------------------------------------------------------------------


def test_a_house_has_each_base_pillar_once_but_many_extras():
    house = HouseFactory()
    m.Pillar.objects.create(network=house.network, house=house, kind="reception")
    _integrity_error(lambda: m.Pillar.objects.create(network=house.network, house=house, kind="reception"))
    m.Pillar.objects.create(network=house.network, house=house, kind="extra", name="Taalcafé")
    m.Pillar.objects.create(network=house.network, house=house, kind="extra", name="Tweedehandsbeurs")
    assert house.pillars.count() == 3


def test_an_extra_pillar_needs_a_name():
    house = HouseFactory()
    pillar = m.Pillar(network=house.network, house=house, kind="extra")
    with pytest.raises(ValidationError) as exc:
        pillar.full_clean()
    assert "name" in exc.value.message_dict
    _integrity_error(pillar.save)


def test_base_pillars_are_the_five_of_the_engagement_declaration():
    assert [k.value for k in m.Pillar.BASE_KINDS] == [
        "reception",
        "consultation",
        "play",
        "parenting_advice",
        "group_offer",
    ]
    assert m.Pillar(kind="play").title == "Spel en ontmoeting voor jonge kinderen"


# --- translations -------------------------------------------------------------------------------------------


def test_translation_falls_back_to_dutch_and_says_so():
    service = ServiceFactory(name="Babymassage", translations={"en": {"name": "Baby massage"}})
    assert service.translated("name", "en") == ("Baby massage", False)
    assert service.translated("name", "fr") == ("Babymassage", True)
    assert service.translated("name", "nl") == ("Babymassage", False)


@pytest.mark.parametrize(
    "translations",
    [
        {"xx": {"name": "?"}},
        {"en": {"organization": "?"}},
        {"en": "Baby massage"},
        {"en": {"name": 5}},
        ["en"],
    ],
)
def test_translations_are_checked(translations):
    service = ServiceFactory(translations={})
    service.translations = translations
    with pytest.raises(ValidationError) as exc:
        service.full_clean()
    assert "translations" in exc.value.message_dict
