"""Signal URLs: the policy note for the local council and the municipality's answer on a theme (under /portal/)."""

from django.urls import path

from hvhk.signals.views import notes

urlpatterns = [
    path("signals/notes/", notes.note_list, name="notes"),
    path("signals/notes/new/", notes.note_new, name="note-new"),
    path("signals/notes/<uuid:pk>/", notes.note_detail, name="note-detail"),
    path("signals/notes/<uuid:pk>/edit/", notes.note_edit, name="note-edit"),
    path("signals/notes/<uuid:pk>/sections/add/", notes.note_section_add, name="note-section-add"),
    path("signals/notes/<uuid:pk>/sections/<uuid:section_pk>/", notes.note_section_edit, name="note-section"),
    path(
        "signals/notes/<uuid:pk>/sections/<uuid:section_pk>/move/",
        notes.note_section_move,
        name="note-section-move",
    ),
    path(
        "signals/notes/<uuid:pk>/sections/<uuid:section_pk>/remove/",
        notes.note_section_remove,
        name="note-section-remove",
    ),
    path("signals/notes/<uuid:pk>/finalise/", notes.note_finalise, name="note-finalise"),
    path("signals/notes/<uuid:pk>/note.pdf", notes.note_pdf, name="note-pdf"),
    path("signals/notes/<uuid:pk>/note.html", notes.note_html, name="note-html"),
    path("signals/themes/<uuid:pk>/answer/", notes.theme_answer, name="theme-answer"),
]
