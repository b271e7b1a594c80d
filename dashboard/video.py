"""YouTube videos behind consent (two-click): a local placeholder, the player only after a click."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from dashboard.contract import YOUTUBE_ID, youtube_video_id
from dashboard.i18n import t

EMBED_BASE = "https://www.youtube-nocookie.com/embed/"
PLACEHOLDER = "/assets/video-placeholder.svg"
# What the player needs: DRM for some videos, picture-in-picture and full screen. No autoplay:
# the click consents to loading, the visitor starts the video.
IFRAME_ALLOW = "encrypted-media; picture-in-picture; fullscreen"
# The portal sends no referrer (Referrer-Policy: same-origin), but YouTube's embed refuses to
# play without one (error 153): after consent, the player may learn the portal's origin.
IFRAME_REFERRER = "strict-origin-when-cross-origin"

SECTION_ID = "solution-video"
BODY_ID = "solution-video-body"
LOAD_ID = "solution-video-load"
FRAME_ID = "solution-video-frame"
FOCUS_ID = "solution-video-focus"
PRIVACY_ID = "solution-video-privacy"


@dataclass(frozen=True)
class Video:
    """A YouTube video: its 11-character id and the URL the data gave (checked)."""

    video_id: str
    watch_url: str

    @property
    def embed_url(self) -> str:
        return embed_url(self.video_id)


def video_of(url: str | None) -> Video | None:
    """The video of an allowed YouTube URL (see the data contract), else None."""
    video_id = youtube_video_id(url)
    return Video(video_id, url.strip()) if video_id and url else None


def embed_url(video_id: str) -> str:
    """The privacy-enhanced player's address; refuses anything that is not a video id."""
    if not YOUTUBE_ID.fullmatch(video_id):
        raise ValueError(f"not a YouTube video id: {video_id!r}")
    return EMBED_BASE + video_id


def video_section(video: Video | None, solution_id: str) -> html.Section:
    """The page's video: the consent placeholder (or the no-video state), and a link to YouTube."""
    heading_id = f"{SECTION_ID}-heading"
    body = placeholder(solution_id) if video else no_video()
    return html.Section(
        [
            html.H2(t("solution_video"), id=heading_id, className="h4"),
            html.Div(body, id=BODY_ID, className="video-body"),
            watch_link(video) if video else None,
            dcc.Store(id=FOCUS_ID),
        ],
        id=SECTION_ID,
        className="solution-video",
        **{"aria-labelledby": heading_id},
    )


def ids(prefix: str = SECTION_ID) -> dict[str, str]:
    """The ids of one place that shows a video (the solution page's: `solution-video-…`; the
    curation panel has its own), so that each has its own load button and player."""
    return {part: f"{prefix}-{part}" for part in ("body", "load", "frame", "focus", "privacy")}


def placeholder(solution_id: str, prefix: str = SECTION_ID, image: bool = True) -> html.Div:
    """Before consent: a local image (unless `image` is False: a narrow panel), what loading
    the video sends where, and the button."""
    named = ids(prefix)
    picture = html.Img(
        src=PLACEHOLDER, alt="", width=640, height=360, className="video-placeholder"
    )
    return html.Div(
        [
            picture if image else None,
            html.P(
                [
                    t("solution_video_privacy"),
                    dcc.Link(t("solution_video_privacy_link"), href="/datenschutz"),
                    ".",
                ],
                id=named["privacy"],
                className="video-privacy small",
            ),
            html.Button(
                t("solution_video_load"),
                id=named["load"],
                type="button",
                value=solution_id,
                className="btn btn-primary",
                **{"aria-describedby": named["privacy"]},
            ),
        ],
        className="video-consent",
    )


def player(video: Video, title: str, prefix: str = SECTION_ID) -> html.Div:
    """After consent: the privacy-enhanced YouTube player."""
    return html.Div(
        html.Iframe(
            id=ids(prefix)["frame"],
            src=video.embed_url,
            title=t("solution_video_frame_title", title),
            allow=IFRAME_ALLOW,
            referrerPolicy=IFRAME_REFERRER,
            className="video-frame",
        ),
        className="ratio ratio-16x9 video-player",
    )


def consented(solution, prefix: str = SECTION_ID) -> html.Div | html.P:
    """After the visitor's consent: the solution's player (`solution` as found, or None for an
    unknown id), or the "no video" note."""
    found = video_of(solution.video_url) if solution else None
    return player(found, solution.title, prefix) if found else no_video()


def no_video() -> html.P:
    return html.P(t("solution_video_none"), className="video-none empty-state")


def watch_link(video: Video) -> html.P:
    """The original URL as a plain link: following it is the visitor's choice, not a request."""
    return html.P(
        html.A(
            [
                t("solution_video_watch"),
                html.Span(" " + t("solution_new_window"), className="visually-hidden"),
            ],
            href=video.watch_url,
            target="_blank",
            rel="noopener noreferrer",
        ),
        className="video-watch mt-2",
    )
