"""Many documents at once: discovery, killable parallel workers, a results cache, the
municipality's name, and progress reported to an injected observer.

Public entry point: `check_paths(settings, ruleset, observer) -> Run`.
"""

from plansjekk.batch.discovery import Discovery, discover
from plansjekk.batch.municipality import detect_municipality
from plansjekk.batch.progress import ProgressObserver, RichProgress
from plansjekk.batch.run import check_paths

__all__ = [
    "Discovery",
    "ProgressObserver",
    "RichProgress",
    "check_paths",
    "detect_municipality",
    "discover",
]
