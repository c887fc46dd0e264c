"""Overlap on hand-built data with known answers: which pairs are flagged and why, the coordinator's verdicts
(and undo), who sees and who may mark, the snapshot and the CSV."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hvhk.core.models import Area
from hvhk.directory.models import Attribute, CostOption, ServiceArea, ServiceAtLocation
from hvhk.insights.models import OverlapReview, Snapshot
from hvhk.insights.selectors.overlap import overlap_compute, overlap_pairs
from hvhk.insights.services.overlap import overlap_review_mark, overlap_review_undo
from tests.core.factories import AreaFactory
from tests.directory.factories import (
    LocationFactory,
    ServiceFactory,
    TaxonomyFactory,
    TaxonomyTermFactory,
)
from tests.insights.conftest import NETWORK_WIDE, PARTNER_STAFF

pytestmark = pytest.mark.django_db

MASSAGE = "Babymassage voor ouders en hun baby: leer je baby masseren in een kleine groep met andere ouders."


class World:
    """Two partners of network A with two near-identical services in Kessel-Lo (inside Leuven)."""

    def __init__(self, network, partner_a, partner_a2):
        self.network = network
        domains = TaxonomyFactory(network=network, code="levensdomein", name="Levensdomein")
        groups = TaxonomyFactory(network=network, code="doelgroep", name="Doelgroep")
        self.opvoeding = TaxonomyTermFactory(taxonomy=domains, code="opvoeding", name="Opvoeding")
        self.gezondheid = TaxonomyTermFactory(taxonomy=domains, code="gezondheid", name="Gezondheid")
        self.ouders = TaxonomyTermFactory(taxonomy=groups, code="jonge-ouders", name="Jonge ouders")
        self.leuven = AreaFactory(network=network, slug="leuven", name="Leuven", kind=Area.Kind.MUNICIPALITY)
        self.kessel_lo = AreaFactory(network=network, slug="kessel-lo", name="Kessel-Lo", parent=self.leuven)
        self.heverlee = AreaFactory(network=network, slug="heverlee", name="Heverlee", parent=self.leuven)
        self.partner_a, self.partner_a2 = partner_a, partner_a2
        self.one = self.service(partner_a, "Babymassage", MASSAGE, place=self.kessel_lo)
        self.two = self.service(
            partner_a2, "Babymassage in groep", MASSAGE.replace("kleine", "gezellige"), place=self.kessel_lo
        )

    def service(
        self, organization, name, description, *, domain=None, ages=(0, 36), place=None, covers=None, **kw
    ):
        kw.setdefault("at_home", True)
        service = ServiceFactory(
            organization=organization,
            name=name,
            description=description,
            minimum_age_months=ages[0],
            maximum_age_months=ages[1],
            **kw,
        )
        Attribute.objects.create(
            network=self.network,
            service=service,
            taxonomy_term=domain or self.opvoeding,
            link_type=Attribute.LinkType.LIFE_DOMAIN,
        )
        Attribute.objects.create(
            network=self.network, service=service, taxonomy_term=self.ouders, link_type="target_group"
        )
        CostOption.objects.create(network=self.network, service=service, kind=CostOption.Kind.FREE)
        if place is not None:
            location = LocationFactory(organization=organization, area=place)
            ServiceAtLocation.objects.create(network=self.network, service=service, location=location)
        if covers is not None:
            ServiceArea.objects.create(network=self.network, service=service, area=covers)
        return service


@pytest.fixture
def world(partner_a, partner_a2):
    return World(partner_a.network, partner_a, partner_a2)


def _keys(network):
    return {(p["low"], p["high"]) for p in overlap_compute(network=network)["pairs"]}


def _key(a, b):
    return tuple(sorted([str(a.pk), str(b.pk)]))


def test_two_near_identical_services_of_two_partners_are_flagged_with_their_reasons(world):
    pairs = overlap_pairs(network=world.network)
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair.service_a, pair.service_b} == {world.one, world.two}
    assert pair.service_a.pk < pair.service_b.pk
    assert pair.reasons[:3] == (
        "zelfde levensdomein: Opvoeding",
        "leeftijden overlappen: 0 tot 3 jaar",
        "zelfde deelgemeente: Kessel-Lo",
    )
    assert pair.reasons[3] == f"beschrijvingen lijken voor {pair.similarity} % op elkaar"
    assert pair.similarity >= 90
    assert pair.reasons[4:] == (
        "allebei aan huis",
        "allebei op een locatie",
        "allebei gratis",
        "zelfde doelgroep: Jonge ouders",
    )
    # 60 × similarity + 15 (same delivery) + 10 (both free) + 15 (same target group)
    assert pair.score == round(0.6 * pair.similarity + 40)


def test_services_of_the_same_organisation_are_not_flagged(world):
    twin = world.service(world.partner_a, "Babymassage", MASSAGE, place=world.kessel_lo)
    keys = _keys(world.network)
    assert _key(world.one, twin) not in keys and _key(world.two, twin) in keys


def test_a_different_domain_is_not_flagged(world):
    other = world.service(
        world.partner_a2, "Babymassage", MASSAGE, domain=world.gezondheid, place=world.kessel_lo
    )
    assert _key(world.one, other) not in _keys(world.network)


def test_ages_that_do_not_overlap_are_not_flagged(world):
    # 3 to 6 years starts where 0 to 3 years ends ([minimum, maximum) months)
    older = world.service(world.partner_a2, "Babymassage", MASSAGE, ages=(36, 72), place=world.kessel_lo)
    assert _key(world.one, older) not in _keys(world.network)


def test_partly_overlapping_ages_name_the_shared_ages(world):
    other = world.service(world.partner_a2, "Babymassage", MASSAGE, ages=(12, 60), place=world.kessel_lo)
    pair = next(
        p
        for p in overlap_pairs(network=world.network)
        if world.one in (p.service_a, p.service_b) and other in (p.service_a, p.service_b)
    )
    assert "leeftijden overlappen: 1 tot 3 jaar" in pair.reasons


def test_another_area_is_not_flagged_but_the_area_around_it_and_the_whole_network_are(world):
    heverlee = world.service(world.partner_a2, "Babymassage", MASSAGE, place=world.heverlee)
    leuven = world.service(world.partner_a2, "Babymassage", MASSAGE, covers=world.leuven)
    everywhere = world.service(world.partner_a2, "Babymassage", MASSAGE)
    keys = _keys(world.network)
    assert _key(world.one, heverlee) not in keys
    assert _key(world.one, leuven) in keys
    assert _key(world.one, everywhere) in keys
    pair = next(
        p
        for p in overlap_pairs(network=world.network)
        if {p.service_a, p.service_b} == {world.one, everywhere}
    )
    assert "het ene voor het hele netwerk, het andere in Kessel-Lo" in pair.reasons


def test_different_descriptions_are_not_flagged(world):
    other = world.service(
        world.partner_a2,
        "Fietsherstelling",
        "Wij herstellen fietsen van gezinnen, elke zaterdag.",
        place=world.kessel_lo,
    )
    assert _key(world.one, other) not in _keys(world.network)


def test_inactive_services_are_not_compared(world):
    world.two.status = "inactive"
    world.two.save()
    assert overlap_pairs(network=world.network) == []


def test_another_networks_services_are_never_compared(world, network_b):
    from tests.directory.factories import OrganizationFactory

    World(network_b, OrganizationFactory(network=network_b), OrganizationFactory(network=network_b))
    pairs = overlap_pairs(network=world.network)
    assert [{p.service_a, p.service_b} for p in pairs] == [{world.one, world.two}]


def test_three_partners_with_much_the_same_form_a_group(world, partner_a):
    from hvhk.insights.selectors.overlap import overlap_groups
    from tests.directory.factories import MembershipFactory, OrganizationFactory

    third = MembershipFactory(organization=OrganizationFactory(network=world.network)).organization
    three = world.service(third, "Babymassage", MASSAGE, place=world.kessel_lo)
    groups = overlap_groups(overlap_pairs(network=world.network))
    assert [set(group) for group in groups] == [{world.one, world.two, three}]


def test_a_chain_of_pairs_is_no_group(world):
    from hvhk.insights.selectors.overlap import OverlapPair, overlap_groups

    a, b, c = world.one, world.two, ServiceFactory(organization=world.partner_a2, name="C")
    pair = lambda x, y: OverlapPair(service_a=x, service_b=y, score=1, similarity=1, reasons=())  # noqa: E731
    assert overlap_groups([pair(a, b), pair(b, c)]) == []
    assert [set(g) for g in overlap_groups([pair(a, b), pair(b, c), pair(a, c)])] == [{a, b, c}]


def test_one_pair_is_no_group(world):
    from hvhk.insights.selectors.overlap import overlap_groups

    assert overlap_groups(overlap_pairs(network=world.network)) == []


# --- verdicts ---------------------------------------------------------------------------------------------------


def test_a_reviewed_pair_is_gone_from_the_new_ones_and_undo_brings_it_back(world, coordinator_a):
    review = overlap_review_mark(
        network=world.network,
        service_a=world.two,
        service_b=world.one,
        verdict=OverlapReview.Verdict.COMPLEMENTARY,
        note="Andere aanpak",
        acting_user=coordinator_a,
    )
    assert review.service_low_id < review.service_high_id
    assert overlap_pairs(network=world.network) == []
    reviewed = overlap_pairs(network=world.network, include_reviewed=True)
    assert len(reviewed) == 1 and reviewed[0].review == review
    overlap_review_undo(network=world.network, review=review, acting_user=coordinator_a)
    assert len(overlap_pairs(network=world.network)) == 1
    assert not OverlapReview.objects.exists()


def test_marking_a_pair_twice_updates_the_one_verdict(world, coordinator_a):
    for verdict in (OverlapReview.Verdict.COMPLEMENTARY, OverlapReview.Verdict.TO_DISCUSS):
        overlap_review_mark(
            network=world.network,
            service_a=world.one,
            service_b=world.two,
            verdict=verdict,
            acting_user=coordinator_a,
        )
    assert list(OverlapReview.objects.values_list("verdict", flat=True)) == ["to_discuss"]


def test_a_concurrent_mark_of_the_same_pair_updates_the_row_the_other_inserted(
    world, coordinator_a, monkeypatch
):
    from hvhk.insights.services import overlap as services

    first = overlap_review_mark(
        network=world.network,
        service_a=world.one,
        service_b=world.two,
        verdict=OverlapReview.Verdict.COMPLEMENTARY,
        acting_user=coordinator_a,
    )
    # The second request read "no review yet" before the first one committed its insert.
    monkeypatch.setattr(services, "_existing_review", lambda low, high: None)
    second = overlap_review_mark(
        network=world.network,
        service_a=world.two,
        service_b=world.one,
        verdict=OverlapReview.Verdict.TO_DISCUSS,
        note="Samen bekijken",
        acting_user=coordinator_a,
    )
    assert second.pk == first.pk
    assert list(OverlapReview.objects.values_list("verdict", "note")) == [("to_discuss", "Samen bekijken")]


def test_a_service_is_not_paired_with_itself(world, coordinator_a):
    with pytest.raises(ValidationError):
        overlap_review_mark(
            network=world.network,
            service_a=world.one,
            service_b=world.one,
            verdict="to_discuss",
            acting_user=coordinator_a,
        )
    assert not OverlapReview.objects.exists()


def test_the_analyst_cannot_mark_or_undo(world, analyst_a, coordinator_a):
    with pytest.raises(PermissionDenied):
        overlap_review_mark(
            network=world.network,
            service_a=world.one,
            service_b=world.two,
            verdict="to_discuss",
            acting_user=analyst_a,
        )
    assert not OverlapReview.objects.exists()
    review = overlap_review_mark(
        network=world.network,
        service_a=world.one,
        service_b=world.two,
        verdict="to_discuss",
        acting_user=coordinator_a,
    )
    with pytest.raises(PermissionDenied):
        overlap_review_undo(network=world.network, review=review, acting_user=analyst_a)
    assert OverlapReview.objects.count() == 1


def test_the_page_marks_and_undoes_for_the_coordinator(world, coordinator_a, login, client):
    login(coordinator_a)
    body = client.get(reverse("insights:overlap")).content.decode()
    assert (
        "Babymassage in groep" in body and "zelfde deelgemeente: Kessel-Lo" in body and "Berekend op" in body
    )
    assert 'name="verdict"' in body
    response = client.post(
        reverse("insights:overlap-mark"),
        {"service_a": world.one.pk, "service_b": world.two.pk, "verdict": "to_discuss", "note": "Bellen"},
    )
    assert response.status_code == 302
    review = OverlapReview.objects.get()
    assert (review.verdict, review.note, review.reviewed_by) == ("to_discuss", "Bellen", coordinator_a)
    body = client.get(reverse("insights:overlap")).content.decode()
    assert "Geen nieuwe paren" in body and "te bespreken" in body and "Ongedaan maken" in body
    client.post(reverse("insights:overlap-undo", args=[review.pk]))
    assert not OverlapReview.objects.exists()


def test_the_analyst_sees_the_pairs_without_forms_and_a_post_is_refused(world, analyst_a, login, client):
    login(analyst_a)
    body = client.get(reverse("insights:overlap")).content.decode()
    assert "Babymassage in groep" in body and 'name="verdict"' not in body
    response = client.post(
        reverse("insights:overlap-mark"),
        {"service_a": world.one.pk, "service_b": world.two.pk, "verdict": "to_discuss"},
    )
    assert response.status_code == 403
    assert not OverlapReview.objects.exists()


def test_another_networks_service_in_the_post_is_a_404(world, coordinator_a, login, client, network_b):
    stranger = ServiceFactory(organization__network=network_b)
    login(coordinator_a)
    response = client.post(
        reverse("insights:overlap-mark"),
        {"service_a": world.one.pk, "service_b": stranger.pk, "verdict": "to_discuss"},
    )
    assert response.status_code == 404
    assert not OverlapReview.objects.exists()


def test_another_networks_review_cannot_be_undone(world, coordinator_a, coordinator_b, login, client):
    review = overlap_review_mark(
        network=world.network,
        service_a=world.one,
        service_b=world.two,
        verdict="to_discuss",
        acting_user=coordinator_a,
    )
    login(coordinator_b)
    assert client.post(reverse("insights:overlap-undo", args=[review.pk])).status_code == 404
    assert OverlapReview.objects.count() == 1


# --- snapshot ---------------------------------------------------------------------------------------------------


def test_the_page_shows_the_snapshot_until_it_is_recomputed(world, analyst_a, login, client):
    login(analyst_a)
    client.get(reverse("insights:overlap"))
    snapshot = Snapshot.objects.get(kind="overlap")
    assert len(snapshot.data["pairs"]) == 1
    late = world.service(world.partner_a2, "Babymassage", MASSAGE, place=world.kessel_lo)
    body = client.get(reverse("insights:overlap")).content.decode()
    assert body.count('class="card__title"') == 1  # the snapshot does not know the new service yet
    client.post(reverse("insights:overlap-recompute"))
    assert (
        len(Snapshot.objects.get(kind="overlap").data["pairs"]) == 2
    )  # one~two, one~late (late and two: one partner)
    assert late.name in client.get(reverse("insights:overlap")).content.decode()


def test_a_large_network_without_snapshot_queues_the_computation(
    world, analyst_a, login, client, monkeypatch
):
    from hvhk.insights.selectors import overlap as selectors

    monkeypatch.setattr(selectors, "INLINE_LIMIT", 1)
    login(analyst_a)
    body = client.get(reverse("insights:overlap")).content.decode()
    # the test settings run tasks at once: the task stored the snapshot, the page said it was queued
    assert "op de achtergrond berekend" in body
    assert Snapshot.objects.filter(kind="overlap").count() == 1
    assert "Babymassage in groep" in client.get(reverse("insights:overlap")).content.decode()


# --- access and CSV ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", NETWORK_WIDE)
def test_the_coordinator_and_analyst_get_the_page_and_the_csv(persona, world, request, login, client):
    login(request.getfixturevalue(persona))
    assert client.get(reverse("insights:overlap")).status_code == 200
    assert client.get(reverse("insights:overlap-csv")).status_code == 200


@pytest.mark.parametrize("persona", [*PARTNER_STAFF, "intake_a"])
def test_everyone_else_of_the_network_gets_a_404(persona, world, request, login, client):
    login(request.getfixturevalue(persona))
    for name in ("insights:overlap", "insights:overlap-csv"):
        assert client.get(reverse(name)).status_code == 404
    response = client.post(
        reverse("insights:overlap-mark"),
        {"service_a": world.one.pk, "service_b": world.two.pk, "verdict": "to_discuss"},
    )
    assert response.status_code == 404
    assert client.post(reverse("insights:overlap-recompute")).status_code == 404
    assert not OverlapReview.objects.exists()


def test_network_bs_coordinator_sees_none_of_as_pairs(world, coordinator_b, login, client):
    login(coordinator_b)
    assert "Babymassage" not in client.get(reverse("insights:overlap")).content.decode()
    assert client.get(reverse("insights:overlap-csv")).content.decode().count("\r\n") == 1


def test_without_signing_in_overlap_asks_for_a_login(client, db):
    response = client.get(reverse("insights:overlap"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_csv_has_its_header_and_one_row_per_pair(world, coordinator_a, login, client):
    overlap_review_mark(
        network=world.network,
        service_a=world.one,
        service_b=world.two,
        verdict="complementary",
        acting_user=coordinator_a,
    )
    login(coordinator_a)
    response = client.get(reverse("insights:overlap-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == [
        "service_a_id", "service_a", "organization_a", "service_b_id", "service_b", "organization_b",
        "score", "similarity", "review", "reasons",
    ]  # fmt: skip
    low, high = sorted([world.one, world.two], key=lambda s: s.pk)
    pair = overlap_pairs(network=world.network, include_reviewed=True)[0]
    assert rows[1:] == [
        [
            str(low.pk), low.name, low.organization.name, str(high.pk), high.name, high.organization.name,
            str(pair.score), str(pair.similarity), "complementary", "; ".join(pair.reasons),
        ]
    ]  # fmt: skip
