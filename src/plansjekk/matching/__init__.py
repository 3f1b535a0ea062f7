"""Matching: judges a `Document` against a `Ruleset` and produces findings.

`compile_pattern` (the term pattern language) is public because the rules validator uses it.
"""

from plansjekk.matching.check import check_document
from plansjekk.matching.patterns import Pattern, PatternError, PatternMatch, compile_pattern

__all__ = ["Pattern", "PatternError", "PatternMatch", "check_document", "compile_pattern"]
