from django.urls import path

from . import views

app_name = "deadlines"
urlpatterns = [
    path("indiendata/", views.deadlines_page, name="list"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("steun/<slug:pk>/calendar.ics", views.line_calendar, name="line-calendar"),
]
