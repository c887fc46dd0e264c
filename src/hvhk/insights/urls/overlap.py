"""Insight URLs: overlap."""

from django.urls import path

from hvhk.insights.views import overlap

urlpatterns = [
    path("overlap/", overlap.overlap, name="overlap"),
    path("overlap.csv", overlap.overlap_csv, name="overlap-csv"),
    path("overlap/recompute/", overlap.overlap_recompute, name="overlap-recompute"),
    path("overlap/mark/", overlap.overlap_mark, name="overlap-mark"),
    path("overlap/reviews/<uuid:pk>/undo/", overlap.overlap_undo, name="overlap-undo"),
]
