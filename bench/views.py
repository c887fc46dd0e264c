from django.http import HttpRequest, HttpResponse
from django.template import engines

ITEMS = [
    {
        "name": f"Aanbod {i}",
        "organization": "Partner vzw",
        "age": "0 tot 3 jaar",
        "cost": "Gratis",
        "place": "Leuven",
        "url": f"/leuven/services/{i:08d}-0000-0000-0000-000000000000/",
    }
    for i in range(20)
]
TEMPLATE = engines["django"].from_string(
    """<!doctype html><html lang="nl"><head><title>Bare</title></head><body><main><ol>
{% for item in items %}<li><article><h3><a href="{{ item.url }}">{{ item.name }}</a></h3><p>{{ item.organization }}</p>
<ul><li>{{ item.age }}</li><li>{{ item.cost }}</li><li>{{ item.place }}</li></ul></article></li>{% endfor %}
</ol></main></body></html>"""
)


def bare_results(request: HttpRequest) -> HttpResponse:
    """Baseline: a Django page that renders 20 results from memory (no database, no middleware work saved)."""
    return HttpResponse(TEMPLATE.render({"items": ITEMS}, request))
