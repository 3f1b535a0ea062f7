"""plansjekk: checks a Norwegian municipality's prevention plan (barnevernsloven § 15-1)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("plansjekk")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
