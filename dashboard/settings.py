"""Settings from the environment: folders, secret key, mode, port and branding."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("development", "production")
# /foerderung's amount bands: under 10 k, 10–25 k, 25–50 k, 50–75 k, 75–100 k, 100 k and more.
DEFAULT_FUNDING_BANDS = (10_000, 25_000, 50_000, 75_000, 100_000)


class SettingsError(RuntimeError):
    """The configuration cannot work; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    """Everything the portal reads from its environment."""

    instance_dir: Path
    data_dir: Path
    secret_key: str
    env: str = "development"
    host: str = "127.0.0.1"
    port: int = 8050
    portal_name: str = "Ideenportal Wohlfahrt"
    portal_tagline: str = "Herausforderungen, Lösungen und Förderung der Freien Wohlfahrtspflege"
    # English; empty: English pages show the German tagline, marked as German.
    portal_tagline_en: str = "Challenges, solutions and funding in the independent welfare sector"
    intro_de: str = ""  # the overview's intro; empty: the built-in text
    intro_en: str = ""
    logo_url: str = "/assets/logo.svg"
    primary_colour: str = "#0b5394"
    demo_dir: Path = ROOT / "data" / "demo"
    duckdb_threads: int = 2
    duckdb_memory_limit: str = "2GB"
    max_upload_mb: int = 200
    demo_curation: bool = False  # a sample curation history with the demo data (`make run`)
    proxy_count: int = 0  # reverse proxies in front that set X-Forwarded-For/-Proto/-Host
    # Lower euro edges of the amount bands after the first (FUNDING_BANDS="10000 25000 …").
    funding_band_edges: tuple[Decimal, ...] = tuple(Decimal(e) for e in DEFAULT_FUNDING_BANDS)

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def curation_db(self) -> Path:
        return self.instance_dir / "curation.sqlite"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings; in development make (once) and reuse a secret key."""
        env = dict(os.environ if environ is None else environ)
        mode = env.get("PORTAL_ENV", "development").strip().lower() or "development"
        if mode not in ENVIRONMENTS:
            raise SettingsError(
                f"PORTAL_ENV={mode!r} ist unbekannt; erlaubt: {', '.join(ENVIRONMENTS)}."
            )
        instance_dir = Path(env.get("INSTANCE_DIR") or ROOT / "instance").resolve()
        data_dir = Path(env.get("DATA_DIR") or instance_dir / "data").resolve()
        secret_key = env.get("SECRET_KEY", "").strip()
        if not secret_key:
            if mode == "production":
                raise SettingsError(
                    "SECRET_KEY fehlt: im Betrieb (PORTAL_ENV=production) muss SECRET_KEY "
                    "gesetzt sein, z. B. mit `python -c 'import secrets; "
                    "print(secrets.token_hex(32))'`."
                )
            secret_key = development_secret_key(instance_dir)
        colour = env.get("PORTAL_PRIMARY_COLOUR", cls.primary_colour).strip()
        if not _is_hex_colour(colour):
            raise SettingsError(
                f"PORTAL_PRIMARY_COLOUR={colour!r} ist keine Farbe der Form #1a2b3c."
            )
        return cls(
            instance_dir=instance_dir,
            data_dir=data_dir,
            secret_key=secret_key,
            env=mode,
            host=env.get("HOST", cls.host),
            port=_int(env, "PORT", cls.port),
            portal_name=env.get("PORTAL_NAME", cls.portal_name),
            portal_tagline=env.get("PORTAL_TAGLINE", cls.portal_tagline),
            # An operator's own German tagline has no English yet unless they give one.
            portal_tagline_en=env.get(
                "PORTAL_TAGLINE_EN", "" if "PORTAL_TAGLINE" in env else cls.portal_tagline_en
            ),
            intro_de=env.get("PORTAL_INTRO_DE", ""),
            intro_en=env.get("PORTAL_INTRO_EN", ""),
            logo_url=env.get("PORTAL_LOGO_URL", cls.logo_url),
            primary_colour=colour,
            demo_dir=Path(env.get("DEMO_DIR") or cls.demo_dir).resolve(),
            duckdb_threads=_int(env, "DUCKDB_THREADS", cls.duckdb_threads),
            duckdb_memory_limit=env.get("DUCKDB_MEMORY_LIMIT", cls.duckdb_memory_limit),
            max_upload_mb=_int(env, "MAX_UPLOAD_MB", cls.max_upload_mb),
            funding_band_edges=_band_edges(env.get("FUNDING_BANDS", "")),
            demo_curation=_flag(env, "DEMO_CURATION"),
            proxy_count=_proxy_count(env.get("PROXY_COUNT", "")),
        )


def development_secret_key(instance_dir: Path) -> str:
    """A key made once into INSTANCE_DIR so that every worker and restart shares it."""
    path = instance_dir / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    tmp = instance_dir / f".secret_key.{os.getpid()}"
    tmp.write_text(key, encoding="utf-8")
    tmp.chmod(0o600)
    # link() is atomic and refuses to overwrite: when two workers start at once,
    # the second one reads what the first wrote and never sees a half-written file.
    try:
        os.link(tmp, path)
    except FileExistsError:
        key = path.read_text(encoding="utf-8").strip()
    finally:
        tmp.unlink()
    return key


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} ist keine ganze Zahl.") from None
    if value <= 0:
        raise SettingsError(f"{name}={raw!r} muss größer als 0 sein.")
    return value


def _proxy_count(raw: str) -> int:
    raw = raw.strip()
    if not raw:
        return 0
    if not raw.isdigit() or int(raw) > 5:
        raise SettingsError(
            f"PROXY_COUNT={raw!r}: die Zahl der Reverse Proxies vor dem Portal (0 bis 5), "
            "z. B. 1 hinter einem nginx."
        )
    return int(raw)


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "nein", "no"):
        return False
    if raw in ("1", "true", "ja", "yes"):
        return True
    raise SettingsError(f"{name}={raw!r}: bitte 1 (an) oder 0 (aus).")


def _band_edges(raw: str) -> tuple[Decimal, ...]:
    """Whole euro amounts, ascending, separated by spaces or semicolons (`10.000` may carry
    German thousands dots); empty: the default bands."""
    parts = [p for p in re.split(r"[;\s]+", raw.strip()) if p]
    if not parts:
        return Settings.funding_band_edges
    if not all(re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", p) for p in parts):
        raise SettingsError(
            f"FUNDING_BANDS={raw!r}: bitte ganze Euro-Beträge, durch Leerzeichen oder Semikolon "
            "getrennt, z. B. FUNDING_BANDS='10000 25000 50000 75000 100000'."
        )
    edges = tuple(Decimal(p.replace(".", "")) for p in parts)
    if edges[0] <= 0 or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise SettingsError(
            f"FUNDING_BANDS={raw!r}: die Grenzen müssen größer als 0 sein und aufsteigen."
        )
    return edges


def _is_hex_colour(value: str) -> bool:
    return (
        len(value) == 7
        and value[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )
