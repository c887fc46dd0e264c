from django.urls import path

from hvhk.network.views import news

urlpatterns = [
    path("news/", news.news, name="news"),
    path("news/feed.atom", news.news_feed, name="news-feed"),
    path("news/unsubscribe/<str:token>/", news.news_unsubscribe, name="news-unsubscribe"),
    path("news/<uuid:pk>/", news.news_post, name="news-post"),
]
