"""recoupe: turn raw news into clean articles, events, stories, and who said and did what."""

__version__ = "0.1.0"
