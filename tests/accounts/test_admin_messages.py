"""The admin's messages use the right Dutch article: "Het aanbod", "Het netwerk", not Django's "De" for all."""

import pytest
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe

from hvhk.accounts.scoped_admin import with_dutch_article
from hvhk.search.models import Synonym

CHANGED = "De {name} ‘Babymassage’ is met succes gewijzigd."


@pytest.mark.parametrize("noun", ["aanbod", "netwerk", "huis", "aanbod op een locatie"])
def test_a_neuter_noun_gets_het(noun):
    with translation.override("nl"):
        assert (
            with_dutch_article(CHANGED.format(name=noun), noun)
            == f"Het {noun} ‘Babymassage’ is met succes gewijzigd."
        )


@pytest.mark.parametrize("noun", ["organisatie", "locatie", "melding"])
def test_a_common_noun_keeps_de(noun):
    with translation.override("nl"):
        assert with_dutch_article(CHANGED.format(name=noun), noun) == CHANGED.format(name=noun)


def test_other_languages_and_other_messages_are_left_alone():
    with translation.override("en"):
        assert with_dutch_article("De aanbod x", "aanbod") == "De aanbod x"
    with translation.override("nl"):
        assert (
            with_dutch_article("2 aanbod zijn met succes gewijzigd.", "aanbod")
            == "2 aanbod zijn met succes gewijzigd."
        )


def test_a_safe_message_stays_safe_and_keeps_its_link():
    message = mark_safe('De aanbod ‘<a href="/admin/x/">Babymassage</a>’ is met succes gewijzigd.')
    with translation.override("nl"):
        fixed = with_dutch_article(message, "aanbod")
    assert isinstance(fixed, SafeData)
    assert fixed == 'Het aanbod ‘<a href="/admin/x/">Babymassage</a>’ is met succes gewijzigd.'


@pytest.mark.django_db
def test_deleting_a_synonym_in_the_admin_says_het_synoniem(client, coordinator_a, network_a):
    synonym = Synonym.objects.create(network=network_a, terms="baby, zuigeling")
    client.force_login(coordinator_a)

    response = client.post(f"/admin/search/synonym/{synonym.pk}/delete/", {"post": "yes"}, follow=True)

    body = response.content.decode()
    assert "Het synoniem ‘baby, zuigeling’ is met succes verwijderd." in body
    assert "De synoniem" not in body
