import pytest

from hvhk.demo.files import DemoFiles
from hvhk.demo.services import demo_load
from hvhk.referrals.models import Referral, SupportRequest

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_intake_queue_once_with_marked_examples(demo):
    demo_load()  # a second load restores the demo; it adds no second set of requests

    requests = SupportRequest.objects.filter(network__slug="leuven")
    assert requests.count() == len(DemoFiles("leuven").extras["requests"]) == 3
    assert all("(Voorbeeld)" in r.question or "(مثال)" in r.question for r in requests)
    assert Referral.objects.filter(status=Referral.Status.COMPLETED).count() == 1
    assert not SupportRequest.objects.filter(network__slug="heusden-zolder").exists()
