import factory

from hvhk.core.models import Area, Network


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"netwerk-{n}")
    name = factory.LazyAttribute(lambda o: f"Huis van het Kind {o.slug.title()}")
    colour = "#1b5e7a"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"gebied-{n}")
    name = factory.Sequence(lambda n: f"Gebied {n}")
    kind = Area.Kind.SUBMUNICIPALITY
    postcodes = "3000"
