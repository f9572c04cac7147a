from django.urls import path

from . import feeds, views

app_name = "flash"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("kijk-in-uw-mailbox/", views.check_mail, name="check_mail"),
    path("mail-niet-verstuurd/", views.mail_delayed, name="mail_delayed"),
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("uitschrijven/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("voorkeuren/<str:token>/", views.preferences, name="preferences"),
    path("archief/", views.archive, name="archive"),
    path("archief/<str:month>/", views.edition_detail, name="edition"),
    path("feed.atom", feeds.EditionFeed(), name="feed"),
]
