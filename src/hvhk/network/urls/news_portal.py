from django.urls import path

from hvhk.network.views import news

urlpatterns = [
    path("news/", news.news_portal, name="news-portal"),
    path("news/new/", news.news_new, name="news-new"),
    path("news/<uuid:pk>/edit/", news.news_edit, name="news-edit"),
    path("news/digest/", news.news_digest, name="news-digest"),
]
