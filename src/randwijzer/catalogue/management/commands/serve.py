from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import get_internal_wsgi_application
from waitress.server import create_server

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def waitress_options(threads: int) -> dict:
    """waitress's settings. As gunicorn (ops/gunicorn_conf.py), the proxy in FORWARDED_ALLOW_IPS is believed
    about X-Forwarded-Proto: without it, HTTPS=1 behind a TLS proxy redirects to https for ever.
    waitress trusts one address (or "*"); the same header from anyone else is dropped."""
    proxies = settings.TRUSTED_PROXIES
    if len(proxies) != 1:
        raise CommandError("waitress vertrouwt de proxyheaders van één adres: geef in FORWARDED_ALLOW_IPS één adres "
                           f"(of *), niet {', '.join(proxies) or 'geen'}. Voor meer proxy's: make serve-prod (gunicorn).",
                           returncode=2)
    return {"threads": threads, "ident": "Randwijzer", "trusted_proxy": proxies[0],
            "trusted_proxy_headers": {"x-forwarded-proto"}, "clear_untrusted_proxy_headers": True}


def local_mail_note() -> str:
    """Where mail goes when no mail server is configured (settings: EMAIL_BACKEND), so a developer
    finds the Subsidieflash's confirmation link; empty when mail really leaves (SMTP)."""
    backend = settings.EMAIL_BACKEND
    if backend.endswith("filebased.EmailBackend"):
        return f"E-mails worden niet verstuurd maar als bestand bewaard in {settings.EMAIL_FILE_PATH}"
    if backend.endswith("console.EmailBackend"):
        return "E-mails worden niet verstuurd maar hieronder in dit venster getoond."
    return ""


class Command(BaseCommand):
    help = "Start Randwijzer als webserver (waitress) voor een klein kantoor; statische bestanden via WhiteNoise."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="poort (standaard 8000; 0 = een vrije poort)")
        parser.add_argument("--threads", type=int, default=4, help="aantal gelijktijdige verzoeken (standaard 4)")

    def handle(self, *args, host, port, threads, **options):
        if not 0 <= port <= 65535 or threads < 1:
            raise CommandError("Geef een poort tussen 0 en 65535 en minstens 1 thread.", returncode=2)
        # WhiteNoise warns about a missing STATIC_ROOT; files come from the apps (finders) anyway.
        options = waitress_options(threads)
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        application = get_internal_wsgi_application()  # settings.WSGI_APPLICATION, as runserver finds it

        try:
            # create_server binds the socket, so the URL below is only printed when it is true.
            server = create_server(application, host=host, port=port, **options)
        except OSError as exc:
            raise CommandError(f"Kan niet luisteren op {host}:{port} ({exc.strerror or exc}).", returncode=2) from None
        real_port = getattr(server, "effective_port", port)
        self.stdout.write(f"Randwijzer draait op http://{host}:{real_port}")
        if host not in LOOPBACK and "*" not in settings.ALLOWED_HOSTS:
            self.stdout.write(f"Let op: andere computers kunnen de site pas openen als hun adres in ALLOWED_HOSTS staat "
                              f"(nu: {', '.join(settings.ALLOWED_HOSTS)}).")
        mail_note = local_mail_note()
        if mail_note:
            self.stdout.write(mail_note)
        self.stdout.write("Stoppen met Ctrl+C.")
        self.stdout.flush()
        try:
            server.run()
        except KeyboardInterrupt:
            self.stdout.write("Randwijzer gestopt.")
        finally:
            server.close()
