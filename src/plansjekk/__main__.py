"""Allows `python -m plansjekk`."""

from plansjekk.cli import main

if __name__ == "__main__":
    main()
