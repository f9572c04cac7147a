from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("aanmelden/", views.LoginView.as_view(), name="login"),
    path("afmelden/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord/verstuurd/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("wachtwoord/nieuw/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("wachtwoord/ingesteld/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("organisaties/<slug:slug>/leden/", views.member_list, name="members"),
    path("organisaties/<slug:slug>/leden/<int:pk>/rol/", views.member_role, name="member_role"),
    path("organisaties/<slug:slug>/leden/<int:pk>/verwijderen/", views.member_remove, name="member_remove"),
    path("organisaties/<slug:slug>/uitnodigingen/<int:pk>/intrekken/", views.invitation_withdraw,
         name="invitation_withdraw"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("sleutels/", views.api_token_list, name="api_tokens"),
    path("sleutels/<int:pk>/intrekken/", views.api_token_revoke, name="api_token_revoke"),
]
