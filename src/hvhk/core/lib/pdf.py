"""PDFs laid out by WeasyPrint (A4, readable in black and white): brochures, the minutes, the engagement
declaration. WeasyPrint reads only our own static files, nothing from the network."""

import base64

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify


def _only_our_files():
    """A WeasyPrint fetcher that reads our own static files and PNGs we put in the page ourselves (a network's
    re-encoded logo as a data: URL), and nothing from the network (no SSRF). WeasyPrint 70 takes a `URLFetcher`
    whose `fetch` answers a `URLFetcherResponse` (a plain function returning a dict no longer works)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            png, prefix = "data:image/png;base64,", "static:/"
            if url.startswith(png):
                body = base64.b64decode(url[len(png) :])
                return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/png"})
            if url.startswith(prefix):
                path = finders.find(url[len(prefix) :])
                if path:
                    with open(path, "rb") as handle:
                        return URLFetcherResponse(url, body=handle.read())
            raise URLFetchingError(f"Not fetched: {url}")

    return OwnFilesOnly()


def logo_data_url(network) -> str:
    """A network's logo (a PNG re-encoded on upload) as a data: URL for a printed page, or "" when it has none or
    its file cannot be read."""
    if not network.logo:
        return ""
    try:
        with network.logo.open("rb") as handle:
            return "data:image/png;base64," + base64.b64encode(handle.read()).decode()
    except OSError:
        return ""


def pdf_bytes(request: HttpRequest, template: str, context: dict) -> bytes:
    """`template` rendered with `context` and laid out as an A4 PDF."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    with open(finders.find("core/print.css"), encoding="utf-8") as handle:
        css = handle.read()
    html = render_to_string(
        template, {**context, "generated_on": timezone.localdate(), "print_css": css}, request=request
    )
    return HTML(string=html, base_url="static:/", url_fetcher=_only_our_files()).write_pdf()


def pdf_response(pdf: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.pdf"'
    return response


def render_pdf(request: HttpRequest, template: str, context: dict, *, filename: str) -> HttpResponse:
    return pdf_response(pdf_bytes(request, template, context), filename=filename)
