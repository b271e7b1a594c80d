"""Entry point: `python app.py` serves the portal; `gunicorn app:server` serves it in production."""

from dashboard import create_app

app = create_app()
server = app.server

if __name__ == "__main__":
    settings = server.config["PORTAL_SETTINGS"]
    app.run(host=settings.host, port=settings.port, debug=False)
