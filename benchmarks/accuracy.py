"""Accuracy of plansjekk's verdicts on the labelled development corpus, against a Ctrl+F baseline.

Why: a checker that reports "covered" where a plan says nothing gives a Statsforvalter false
assurance, which is worse than no tool. This prints, per requirement and overall, the 3-class
accuracy, the confusion matrix, false assurance (true missing reported covered), false alarms
(true covered reported missing) and the evidence hit rate, next to a naive keyword baseline
(any keyword present anywhere in the text → covered, else missing).

    .venv/bin/python benchmarks/accuracy.py            # figures
    .venv/bin/python benchmarks/accuracy.py --check    # exit 1 below the gates (CI)
    .venv/bin/python benchmarks/accuracy.py --json out.json --verbose
    .venv/bin/python benchmarks/accuracy.py --corpus corpus-holdout   # held-out test set
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
STATUSES = ("covered", "partial", "missing")

GATES = {
    "accuracy": 0.92,
    "required_false_assurance": 0,
    "evidence_hit_rate": 0.95,
    "margin_over_baseline": 0.25,
}

# Severity per the report contract; the ruleset's own severity wins when it loads.
SEVERITY = {
    "mal-og-strategier": "required",
    "ansvarsfordeling": "required",
    "organisering": "required",
    "samarbeid": "required",
    "avklaring-ved-uenighet": "required",
    "barn-og-unges-medvirkning": "required",
    "kommunestyrevedtak": "recommended",
    "tjenesteomrader": "recommended",
    "tiltak": "recommended",
    "oppfolging-og-evaluering": "recommended",
    "lovgrunnlag": "recommended",
    "sammenheng-med-andre-planer": "recommended",
}

# What a caseworker would type into Ctrl+F for each requirement (bokmål and nynorsk).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "mal-og-strategier": ("mål og strategi", "mål og strategiar", "hovedmål", "hovudmål",
                          "visjon", "strategi"),
    "ansvarsfordeling": ("ansvarsfordeling", "ansvar og oppgaver", "ansvar og oppgåver",
                         "hvem gjør hva", "kven gjer kva", "oppgavefordeling"),
    "organisering": ("organisering", "organisert", "styringsgruppe"),
    "samarbeid": ("samarbeid", "samhandling"),
    "avklaring-ved-uenighet": ("uenighet", "usemje", "uklar", "avklar"),
    "barn-og-unges-medvirkning": ("medvirkning", "medverknad", "ungdomsråd"),
    "kommunestyrevedtak": ("vedtatt", "vedteken", "kommunestyret", "bystyret"),
    "tjenesteomrader": ("helsestasjon", "ppt", "barnevern", "nav"),
    "tiltak": ("tiltak",),
    "oppfolging-og-evaluering": ("evaluering", "evaluer", "rullering", "oppfølging"),
    "lovgrunnlag": ("15-1", "barnevernsloven", "barnevernloven", "barnevernslova",
                    "barnevernlova"),
    "sammenheng-med-andre-planer": ("kommuneplan", "planstrategi", "andre planer",
                                    "andre planar"),
}


# ---------------------------------------------------------------- text helpers


def normalise(text: str) -> str:
    """Lower-case words only, with soft hyphens, U+FFFE and line-end hyphens removed, so a
    quote matches the same words however a reader split or joined them."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\u2010", "-")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return " ".join(re.findall(r"\w+", text.lower()))


def strip_number(heading: str) -> str:
    """ "3.2 Ansvar og roller" → "ansvar og roller" (numbering is presentation)."""
    return re.sub(r"^\s*(\d+(\.\d+)*\.?\s+)", "", normalise(heading))


def evidence_hit(evidence: Any, locations: list[dict[str, str]]) -> bool:
    """The excerpt comes from a labelled place: same section heading, or it contains part
    of the labelled quote (any run of four words, or the whole quote when shorter)."""
    section = strip_number(evidence.section or "")
    last = strip_number(re.split(r"\s*[>›/]\s*", evidence.section or "")[-1])
    excerpt = normalise(evidence.excerpt)
    for loc in locations:
        head = strip_number(loc.get("section", ""))
        if head and (head in (last, section) or section.endswith(" " + head)):
            return True
        words = normalise(loc.get("quote", "")).split()
        size = min(4, len(words))
        for i in range(0, max(1, len(words) - size + 1)):
            window = " ".join(words[i : i + size])
            if window and window in excerpt:
                return True
    return False


def raw_text(path: Path) -> str:
    """All text of the file as a PDF viewer's or Word's search sees it (TOC included)."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    import docx

    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def baseline(text: str) -> dict[str, str]:
    """Ctrl+F: any keyword anywhere → covered, else missing."""
    found = normalise(text)
    return {
        req: "covered" if any(normalise(k) in found for k in words) else "missing"
        for req, words in KEYWORDS.items()
    }


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for one requirement (or all) and one system."""

    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {t: {p: 0 for p in STATUSES} for t in STATUSES}
    )
    evidence_hits: int = 0
    evidence_total: int = 0

    def add(self, truth: str, predicted: str) -> None:
        self.confusion[truth][predicted] += 1

    @property
    def n(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @property
    def accuracy(self) -> float:
        return sum(self.confusion[s][s] for s in STATUSES) / self.n if self.n else 0.0

    @property
    def false_assurance(self) -> int:
        return self.confusion["missing"]["covered"]

    @property
    def false_alarms(self) -> int:
        return self.confusion["covered"]["missing"]

    @property
    def evidence_rate(self) -> float:
        return self.evidence_hits / self.evidence_total if self.evidence_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "confusion": self.confusion,
            "false_assurance": self.false_assurance,
            "false_alarms": self.false_alarms,
            "evidence_hits": self.evidence_hits,
            "evidence_total": self.evidence_total,
            "evidence_hit_rate": round(self.evidence_rate, 4),
        }


@dataclass
class Result:
    tool: dict[str, Tally] = field(default_factory=dict)
    base: dict[str, Tally] = field(default_factory=dict)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    severity: dict[str, str] = field(default_factory=lambda: dict(SEVERITY))

    def overall(self, tallies: dict[str, Tally], only: str | None = None) -> Tally:
        total = Tally()
        for req, t in tallies.items():
            if only and self.severity.get(req) != only:
                continue
            for a in STATUSES:
                for b in STATUSES:
                    total.confusion[a][b] += t.confusion[a][b]
            total.evidence_hits += t.evidence_hits
            total.evidence_total += t.evidence_total
        return total

    def figures(self) -> dict[str, Any]:
        tool, base = self.overall(self.tool), self.overall(self.base)
        return {
            "accuracy": round(tool.accuracy, 4),
            "baseline_accuracy": round(base.accuracy, 4),
            "margin_over_baseline": round(tool.accuracy - base.accuracy, 4),
            "false_assurance": tool.false_assurance,
            "required_false_assurance": self.overall(self.tool, "required").false_assurance,
            "false_alarms": tool.false_alarms,
            "evidence_hit_rate": round(tool.evidence_rate, 4),
            "baseline_false_assurance": base.false_assurance,
            "baseline_required_false_assurance": self.overall(
                self.base, "required"
            ).false_assurance,
        }

    def gate_failures(self) -> list[str]:
        f = self.figures()
        failures = []
        if f["accuracy"] < GATES["accuracy"]:
            failures.append(f"accuracy {f['accuracy']:.3f} < {GATES['accuracy']}")
        if f["required_false_assurance"] > GATES["required_false_assurance"]:
            failures.append(f"false assurance on required requirements: "
                            f"{f['required_false_assurance']} > 0")
        if f["evidence_hit_rate"] < GATES["evidence_hit_rate"]:
            failures.append(f"evidence hit rate {f['evidence_hit_rate']:.3f} < "
                            f"{GATES['evidence_hit_rate']}")
        if f["margin_over_baseline"] < GATES["margin_over_baseline"]:
            failures.append(f"accuracy − baseline {f['margin_over_baseline']:.3f} < "
                            f"{GATES['margin_over_baseline']}")
        if self.errors:
            failures.append(f"{len(self.errors)} document(s) could not be checked")
        return failures

    def as_json(self) -> dict[str, Any]:
        return {
            "figures": self.figures(),
            "gates": GATES,
            "passed": not self.gate_failures(),
            "failures": self.gate_failures(),
            "per_requirement": {
                req: {
                    "severity": self.severity.get(req),
                    "plansjekk": self.tool[req].as_dict(),
                    "baseline": self.base[req].as_dict(),
                }
                for req in self.tool
            },
            "overall": {
                "plansjekk": self.overall(self.tool).as_dict(),
                "baseline": self.overall(self.base).as_dict(),
            },
            "mismatches": self.mismatches,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
        }


# ---------------------------------------------------------------- running


def load_labels(corpus: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    return list(data["documents"])


Checker = Any
"""A callable: path → {requirement id: (status, first evidence or None)}."""


def plansjekk_checker(rules: str) -> tuple[Checker, dict[str, str]]:
    """The real thing: read the document, check it with the ruleset; plus severities."""
    from plansjekk.documents import read_document
    from plansjekk.matching import check_document
    from plansjekk.rules import load_ruleset

    ruleset = load_ruleset(rules)

    def check(path: Path) -> dict[str, tuple[str, Any]]:
        checked = check_document(read_document(path), ruleset)
        return {
            r.id: (str(r.status), r.evidence[0] if r.evidence else None)
            for r in checked.requirements
        }

    return check, {r.id: str(r.severity) for r in ruleset.requirements}


def run(
    corpus: Path = CORPUS,
    rules: str = "bvl-15-1",
    only: list[str] | None = None,
    checker: Checker | None = None,
) -> Result:
    """Check every labelled document; a document that fails to read counts as all missing."""
    result = Result()
    if checker is None:
        checker, severity = plansjekk_checker(rules)
        result.severity.update(severity)
    started = time.perf_counter()
    for entry in load_labels(corpus):
        if only and not any(Path(entry["file"]).name.startswith(o) for o in only):
            continue
        path = corpus / entry["file"]
        predicted: dict[str, tuple[str, Any]] = {}
        try:
            predicted = checker(path)
        except Exception as error:  # one bad document must not hide the others' figures
            result.errors.append({"file": entry["file"], "error": f"{type(error).__name__}: "
                                  f"{error}"[:300]})
        keyword = baseline(raw_text(path))
        for req, label in entry["requirements"].items():
            truth = label["status"]
            status, first = predicted.get(req, ("missing", None))
            tool = result.tool.setdefault(req, Tally())
            tool.add(truth, status)
            result.base.setdefault(req, Tally()).add(truth, keyword[req])
            hit = None
            if truth != "missing" and status != "missing":
                tool.evidence_total += 1
                hit = first is not None and evidence_hit(first, label["evidence"])
                tool.evidence_hits += bool(hit)
            if status != truth or hit is False:
                result.mismatches.append({
                    "file": entry["file"], "requirement": req, "label": truth,
                    "plansjekk": status, "evidence_hit": hit,
                    "excerpt": (first.excerpt[:160] if first else None),
                    "section": (first.section if first else None),
                })
    result.seconds = time.perf_counter() - started
    return result


# ---------------------------------------------------------------- printing


def pct(x: float) -> str:
    return f"{100 * x:5.1f} %"


def matrix(t: Tally, title: str) -> list[str]:
    lines = [f"{title} (rows: label, columns: reported)",
             f"  {'':10} " + " ".join(f"{s:>9}" for s in STATUSES)]
    for truth in STATUSES:
        cells = " ".join(f"{t.confusion[truth][p]:>9}" for p in STATUSES)
        lines.append(f"  {truth:10} {cells}")
    return lines


def report(result: Result, verbose: bool = False) -> str:
    lines = [
        f"{'requirement':30} {'sev':4} {'n':>3}  {'plansjekk':>9} {'baseline':>9}  "
        f"{'FA':>3} {'FA(b)':>5} {'alarm':>5}  {'evidence':>9}",
    ]
    for req, t in result.tool.items():
        b = result.base[req]
        sev = "req" if result.severity.get(req) == "required" else "rec"
        ev = f"{t.evidence_hits}/{t.evidence_total}"
        lines.append(
            f"{req:30} {sev:4} {t.n:>3}  {pct(t.accuracy):>9} {pct(b.accuracy):>9}  "
            f"{t.false_assurance:>3} {b.false_assurance:>5} {t.false_alarms:>5}  {ev:>9}"
        )
    tool, base = result.overall(result.tool), result.overall(result.base)
    f = result.figures()
    lines += [
        "",
        f"overall 3-class accuracy    plansjekk {pct(tool.accuracy)}   baseline "
        f"{pct(base.accuracy)}   margin {100 * f['margin_over_baseline']:+.1f} points",
        f"false assurance             plansjekk {f['false_assurance']} "
        f"(required {f['required_false_assurance']})   baseline "
        f"{f['baseline_false_assurance']} (required {f['baseline_required_false_assurance']})",
        f"false alarms                plansjekk {f['false_alarms']}   baseline "
        f"{base.false_alarms}",
        f"evidence hit rate           {pct(tool.evidence_rate)} "
        f"({tool.evidence_hits}/{tool.evidence_total})",
        "",
        *matrix(tool, "plansjekk"),
        *matrix(base, "keyword baseline"),
        "",
        f"{tool.n // max(1, len(result.tool))} documents, {result.seconds:.1f} s",
    ]
    for error in result.errors:
        lines.append(f"ERROR {error['file']}: {error['error']}")
    if verbose:
        lines.append("")
        for m in result.mismatches:
            lines.append(
                f"{m['file']:38} {m['requirement']:28} label {m['label']:8} got "
                f"{m['plansjekk']:8} evidence {m['evidence_hit']}  [{m['section']}] "
                f"{(m['excerpt'] or '')[:80]!r}"
            )
    failures = result.gate_failures()
    lines.append("")
    lines.append("gates: " + ("PASS" if not failures else "FAIL – " + "; ".join(failures)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="labelled corpus directory (default corpus/; the held-out set "
                        "is corpus-holdout/); relative paths also resolve from the repo root")
    parser.add_argument("--rules", default="bvl-15-1")
    parser.add_argument("--only", nargs="*", help="file name prefixes to check")
    parser.add_argument("--check", action="store_true", help="exit 1 when a gate fails")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    if not args.corpus.is_absolute() and not args.corpus.exists():
        args.corpus = ROOT / args.corpus
    result = run(args.corpus, args.rules, args.only)
    print(report(result, args.verbose))
    if args.json:
        args.json.write_text(json.dumps(result.as_json(), ensure_ascii=False, indent=2),
                             encoding="utf-8")
    return 1 if args.check and result.gate_failures() else 0


if __name__ == "__main__":
    sys.exit(main())
