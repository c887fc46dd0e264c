import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from hvhk.core.models import Area, Network
from tests.core.factories import AreaFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_network_slug_cannot_shadow_a_site_url():
    network = NetworkFactory.build(slug="admin", name="Admin")
    with pytest.raises(ValidationError) as exc:
        network.full_clean()
    assert "slug" in exc.value.message_dict


def test_network_slug_is_unique():
    NetworkFactory(slug="leuven")
    with pytest.raises(IntegrityError):
        Network.objects.create(slug="leuven", name="Tweede")


def test_network_colour_must_be_hex_and_dark_enough_for_white_text():
    with pytest.raises(ValidationError) as exc:
        NetworkFactory.build(slug="x", colour="red").full_clean()
    assert "colour" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        NetworkFactory.build(slug="y", colour="#ffee00").full_clean()
    assert "te licht" in exc.value.message_dict["colour"][0]
    NetworkFactory.build(slug="z", colour="#1b5e7a").full_clean()


def test_area_postcodes_must_be_four_digit_codes():
    area = AreaFactory.build(network=NetworkFactory(), postcodes="3000, 30O1")
    with pytest.raises(ValidationError) as exc:
        area.full_clean()
    assert "postcodes" in exc.value.message_dict


def test_area_slug_is_unique_per_network_but_may_repeat_across_networks():
    a, b = NetworkFactory(), NetworkFactory()
    AreaFactory(network=a, slug="centrum")
    AreaFactory(network=b, slug="centrum")
    with pytest.raises(IntegrityError):
        AreaFactory(network=a, slug="centrum")


def test_area_parent_must_be_in_the_same_network():
    a, b = NetworkFactory(), NetworkFactory()
    parent = AreaFactory(network=b, kind=Area.Kind.MUNICIPALITY)
    child = AreaFactory.build(network=a, parent=parent)
    with pytest.raises(ValidationError) as exc:
        child.full_clean()
    assert "ander netwerk" in exc.value.message_dict["parent"][0]


def test_area_centroid_needs_both_coordinates():
    area = AreaFactory.build(network=NetworkFactory(), latitude=50.88, longitude=None)
    with pytest.raises(ValidationError):
        area.full_clean()


def test_area_centroid_out_of_range_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        AreaFactory(network=NetworkFactory(), latitude=120, longitude=4.7)
