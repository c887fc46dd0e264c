"""Portal pages of the policy note: the list, a new note (themes and a period), the note as it will read with its
editable text blocks (order, texts, proposal, themes added or removed, finalising after a confirmation), the note
as an A4 PDF and as a Word-friendly HTML file, and the municipality's answer on a theme.

The coordinator and trekkers write notes; partners' staff and intake read the final ones; the analyst gets a 404.
Every note or theme is looked up through the role's querysets (`access.notes_for`, `access.themes_for`) with
`scoped_get_or_404`, so another network's note is a 404. The services check the person who acts once more.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.pdf import pdf_bytes
from hvhk.core.selectors import scoped_get_or_404
from hvhk.signals.forms_notes import (
    FinaliseForm,
    NoteForm,
    NoteNewForm,
    SectionAddForm,
    SectionForm,
    ThemeAnswerForm,
)
from hvhk.signals.models import PolicyNote, PolicyNoteSection
from hvhk.signals.selectors import notes as selectors
from hvhk.signals.selectors.access import REPORTERS, notes_for, themes_for, triages
from hvhk.signals.services import notes as services


def _page(
    request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200
) -> HttpResponse:
    return render(
        request,
        template,
        {"role": role, "roles": request_roles(request), "nav": "signals", **context},
        status=status,
    )


def _reader(role: ActiveRole, request: HttpRequest) -> None:
    if not (triages(role=role, user=request.user) or role.role in REPORTERS):
        raise Http404


def _require_triager(role: ActiveRole, request: HttpRequest) -> None:
    if not triages(role=role, user=request.user):
        raise Http404


def _note(role: ActiveRole, request: HttpRequest, pk) -> PolicyNote:
    _reader(role, request)
    return scoped_get_or_404(
        notes_for(role=role, user=request.user).select_related("network"), network=role.network, pk=pk
    )


def _draft(role: ActiveRole, request: HttpRequest, pk) -> PolicyNote:
    _require_triager(role, request)
    note = _note(role, request, pk)
    if note.status != PolicyNote.Status.DRAFT:
        messages.error(request, _("Deze nota is definitief en kan niet meer aangepast worden."))
        raise _Redirect(note)
    return note


def _section(note: PolicyNote, section_pk) -> PolicyNoteSection:
    return scoped_get_or_404(PolicyNoteSection.objects.filter(note=note), network=note.network, pk=section_pk)


class _Redirect(Exception):
    def __init__(self, note: PolicyNote) -> None:
        self.note = note


def _detail_url(note: PolicyNote) -> str:
    return reverse("signals:note-detail", args=[note.pk])


def _detail(
    request: HttpRequest, role: ActiveRole, note: PolicyNote, *, bound: dict | None = None, status: int = 200
) -> HttpResponse:
    """The note as it will read; for a triager and a draft, each block with its form (`bound` replaces a form
    that came back with errors)."""
    bound = bound or {}
    content = selectors.note_content(note=note)
    can_edit = triages(role=role, user=request.user) and note.status == PolicyNote.Status.DRAFT
    sections = []
    rows = list(selectors.note_sections(note=note)) if can_edit else []
    for index, block in enumerate(content["sections"]):
        row = rows[index] if can_edit else None
        form = None
        if row is not None:
            form = bound.get(f"section-{row.pk}") or SectionForm(
                prefix=f"s-{row.pk}", initial={"text": row.text, "proposal": row.proposal}
            )
        sections.append({"content": block, "row": row, "form": form, "first": index == 0,
                         "last": index == len(content["sections"]) - 1})  # fmt: skip
    forms_shown = [f for f in bound.values() if f is not None]
    context = {
        "note": note,
        "content": content,
        "sections": sections,
        "can_edit": can_edit,
        "can_answer": triages(role=role, user=request.user) and note.status == PolicyNote.Status.FINAL,
        "note_form": bound.get("note") or (NoteForm.for_note(note) if can_edit else None),
        "add_form": bound.get("add") or (SectionAddForm(note=note) if can_edit else None),
        "finalise_form": bound.get("finalise") or (FinaliseForm() if can_edit else None),
        "answers": selectors.answers_to_note(note=note) if note.status == PolicyNote.Status.FINAL else [],
        "forms_with_errors": [f for f in forms_shown if f.errors],
    }
    return _page(request, role, "signals/notes/detail.html", context, status=status)


# --- list and new ----------------------------------------------------------------------------------------------


@require_GET
@role_required
def note_list(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _reader(role, request)
    notes = selectors.note_list(notes=notes_for(role=role, user=request.user))
    return _page(
        request,
        role,
        "signals/notes/list.html",
        {"notes": notes, "can_write": triages(role=role, user=request.user)},
    )


@require_http_methods(["GET", "POST"])
@role_required
def note_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _require_triager(role, request)
    form = NoteNewForm(
        request.POST if request.method == "POST" else None, network=role.network, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        try:
            note = services.policy_note_create(
                network=role.network,
                title=form.cleaned_data["title"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                themes=list(form.cleaned_data["themes"]),
                acting_user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(
                request, _("De nota is klaar als klad. Vul de teksten aan en maak ze definitief.")
            )
            return redirect(_detail_url(note))
    return _page(request, role, "signals/notes/new.html", {"form": form, "forms_with_errors": [form]})


# --- the note and its blocks -----------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def note_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    return _detail(request, role, _note(role, request, pk))


def _handle(request: HttpRequest, role: ActiveRole, pk, work) -> HttpResponse:
    """Run `work(note)` for a draft: it returns None when done (back to the note) or the forms to show again."""
    try:
        note = _draft(role, request, pk)
        bound = work(note)
    except _Redirect as jump:
        return redirect(_detail_url(jump.note))
    except PermissionDenied as error:
        raise Http404 from error
    if bound:
        return _detail(request, role, note, bound=bound, status=400)
    return redirect(_detail_url(note))


@require_POST
@role_required
def note_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    def work(note: PolicyNote):
        form = NoteForm.for_note(note, data=request.POST)
        if form.is_valid():
            try:
                services.policy_note_update(note=note, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De gegevens van de nota zijn bewaard."))
                return None
        return {"note": form}

    return _handle(request, role, pk, work)


@require_POST
@role_required
def note_section_edit(request: HttpRequest, role: ActiveRole, pk, section_pk) -> HttpResponse:
    def work(note: PolicyNote):
        section = _section(note, section_pk)
        form = SectionForm(request.POST, prefix=f"s-{section.pk}")
        if form.is_valid():
            try:
                services.policy_note_section_update(
                    section=section, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("De tekst bij “%(theme)s” is bewaard.") % {"theme": section.theme.title}
                )
                return None
        return {f"section-{section.pk}": form}

    return _handle(request, role, pk, work)


@require_POST
@role_required
def note_section_move(request: HttpRequest, role: ActiveRole, pk, section_pk) -> HttpResponse:
    def work(note: PolicyNote):
        section = _section(note, section_pk)
        direction = request.POST.get("direction", "")
        if direction not in (services.UP, services.DOWN):
            raise Http404
        services.policy_note_section_move(section=section, direction=direction, acting_user=request.user)
        return None

    return _handle(request, role, pk, work)


@require_POST
@role_required
def note_section_add(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    def work(note: PolicyNote):
        form = SectionAddForm(request.POST, note=note)
        if form.is_valid():
            try:
                services.policy_note_section_add(
                    note=note, theme=form.cleaned_data["theme"], acting_user=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return None
        return {"add": form}

    return _handle(request, role, pk, work)


@require_POST
@role_required
def note_section_remove(request: HttpRequest, role: ActiveRole, pk, section_pk) -> HttpResponse:
    def work(note: PolicyNote):
        section = _section(note, section_pk)
        try:
            services.policy_note_section_remove(section=section, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return None

    return _handle(request, role, pk, work)


@require_http_methods(["GET", "POST"])
@role_required
def note_finalise(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    try:
        note = _draft(role, request, pk)
    except _Redirect as jump:
        return redirect(_detail_url(jump.note))
    form = FinaliseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_note_finalise(note=note, acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(request, _("De nota is definitief. De thema's staan nu op “naar het beleid”."))
            return redirect(_detail_url(note))
    content = selectors.note_content(note=note)
    return _page(
        request,
        role,
        "signals/notes/finalise.html",
        {"note": note, "content": content, "form": form, "forms_with_errors": [form]},
    )


# --- downloads -------------------------------------------------------------------------------------------------


def _filename(note: PolicyNote) -> str:
    return slugify(f"{note.title} {note.network.name}") or "beleidsnota"


def _download_context(note: PolicyNote) -> dict:
    return {"note": note, "content": selectors.note_content(note=note), "network": note.network}


@never_cache
@require_GET
@role_required
def note_pdf(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """The note as an A4 PDF: the network's name and the date, the addressee, per theme a heading, the figures in
    a small table, quotes, the proposal and what the municipality answered before."""
    note = _note(role, request, pk)
    pdf = pdf_bytes(request, "signals/notes/note_pdf.html", _download_context(note))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(note)}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_GET
@role_required
def note_html(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    """The note as one HTML file that Word opens well: inline styles, no scripts, nothing fetched."""
    note = _note(role, request, pk)
    context = {**_download_context(note), "generated_on": timezone.localdate()}
    html = render_to_string("signals/notes/note_word.html", context, request=request)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(note)}.html"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


# --- the municipality's answer ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required
def theme_answer(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _require_triager(role, request)
    theme = scoped_get_or_404(themes_for(role=role, user=request.user), network=role.network, pk=pk)
    notes = selectors.answerable_notes(theme=theme)
    initial = {"answered_on": timezone.localdate(), "note": notes.first()}
    form = ThemeAnswerForm(request.POST if request.method == "POST" else None, notes=notes, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_answer_record(theme=theme, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            messages.success(
                request,
                _("Het antwoord van de gemeente is bewaard bij “%(theme)s”.") % {"theme": theme.title},
            )
            note = form.cleaned_data.get("note")
            return redirect(_detail_url(note) if note else "signals:notes")
    answers = theme.answers.order_by("-answered_on", "-created_at")
    return _page(
        request,
        role,
        "signals/notes/theme_answer.html",
        {"theme": theme, "form": form, "answers": answers, "forms_with_errors": [form]},
    )
