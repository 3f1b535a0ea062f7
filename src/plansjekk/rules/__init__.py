"""Rulesets as data: load by id or path, validate with file:line problems, compose, test."""

from plansjekk.rules.loader import load_ruleset, load_with_problems, validate_file
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status
from plansjekk.rules.problems import Problem, RulesetError, format_problems
from plansjekk.rules.resolve import bundled_ids

__all__ = [
    "Problem",
    "Requirement",
    "Ruleset",
    "RulesetError",
    "Severity",
    "Status",
    "bundled_ids",
    "format_problems",
    "load_ruleset",
    "load_with_problems",
    "validate_file",
]
