"""The insights start page: the offering at a glance (active services per life domain), the one chart every
role with insights may see."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from hvhk.core.models import Network
from hvhk.directory.models import Attribute, Service, TaxonomyTerm
from hvhk.insights.charts import Chart, bar_chart, number


def life_domains(*, network: Network) -> list[TaxonomyTerm]:
    """The network's life domains in their own order: the terms services are linked to as a life domain, and
    every term of the `levensdomein` taxonomy (also one no service has yet: that is a gap)."""
    linked = Attribute.objects.for_network(network).filter(
        link_type=Attribute.LinkType.LIFE_DOMAIN, service__isnull=False
    )
    return list(
        TaxonomyTerm.objects.for_network(network)
        .filter(Q(taxonomy__code="levensdomein") | Q(pk__in=linked.values("taxonomy_term")))
        .order_by("taxonomy__code", "position", "name")
        .distinct()
    )


def domain_chart(*, network: Network) -> Chart:
    domains = life_domains(network=network)
    counts = dict(
        Attribute.objects.for_network(network)
        .filter(
            link_type=Attribute.LinkType.LIFE_DOMAIN,
            service__status=Service.Status.ACTIVE,
            taxonomy_term__in=domains,
        )
        .values_list("taxonomy_term")
        .annotate(n=Count("service", distinct=True))
    )
    values = [counts.get(d.pk, 0) for d in domains]
    empty = [d.name for d, v in zip(domains, values, strict=True) if not v]
    total = Service.objects.for_network(network).filter(status=Service.Status.ACTIVE).count()
    summary = _("Actief aanbod: %(total)s, verdeeld over %(domains)s levensdomeinen.") % {
        "total": number(total),
        "domains": number(len(domains)),
    }
    if empty:
        summary += " " + _("Zonder aanbod: %(names)s.") % {"names": ", ".join(empty)}
    return bar_chart(
        title=_("Actief aanbod per levensdomein"),
        summary=summary,
        labels=[d.name for d in domains],
        series={_("aanbod"): values},
        label_header=_("Levensdomein"),
        horizontal=True,
        height=max(2.5, 0.45 * len(domains) + 1),
    )
