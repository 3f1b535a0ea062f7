"""The matcher's cost per page against the reader's, on corpus plans and on long plans.

    .venv/bin/python benchmarks/matcher_speed.py            # medians of 5 runs
    .venv/bin/python benchmarks/matcher_speed.py --repeat 3 --ruleset rusmiddel-1-7d

For a few corpus documents: read ms/page (`read_document`), match ms/page (`check_document`)
and the matcher's share of read + match. The long plans (~120 and ~400 pages) concatenate the
blocks of corpus PDFs (in order, pages renumbered); their read cost is the sum of the source
documents' measured read times, so the share there is what plansjekk end to end would show.
Issue 8's target: the matcher under a quarter of the total, i.e. match ≤ read / 3.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "docs"
DOCUMENTS = [
    "28-aurhaug-integrated.pdf",
    "04-lyngvaer-integrated.pdf",
    "01-fjordvik-theme.pdf",
    "08-haugdal-integrated.docx",
]


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def concatenated(sources, target_pages: int):
    """A long plan from the sources' blocks, repeated until it has `target_pages` pages;
    returns it with the summed read time of the pieces used."""
    from plansjekk.documents.model import Document

    blocks, pages, read_ms = [], 0, 0.0
    while pages < target_pages:
        for document, ms in sources:
            for block in document.blocks:
                page = None if block.page is None else block.page + pages
                blocks.append(dataclasses.replace(block, page=page))
            pages += document.pages or 1
            read_ms += ms
            if pages >= target_pages:
                break
    return Document(path=f"<{pages} pages>", format="pdf", blocks=tuple(blocks), pages=pages), (
        read_ms
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ruleset", default="bvl-15-1")
    args = parser.parse_args()

    from plansjekk.documents import read_document
    from plansjekk.matching import check_document
    from plansjekk.rules import load_ruleset

    ruleset = load_ruleset(args.ruleset)
    rows = []
    pdfs = []
    for name in DOCUMENTS:
        path = CORPUS / name
        if not path.exists():
            continue
        document = read_document(path)
        check_document(document, ruleset)  # warm caches (compiled patterns)
        read = median_ms(lambda path=path: read_document(path), args.repeat)
        match = median_ms(lambda d=document: check_document(d, ruleset), args.repeat)
        rows.append((name, document.pages or 0, len(document.blocks), read, match))
        if name.endswith(".pdf"):
            pdfs.append((document, read))
    for target in (120, 400):
        document, read = concatenated(pdfs, target)
        repeat = args.repeat if target < 400 else max(3, args.repeat // 2)
        match = median_ms(lambda d=document: check_document(d, ruleset), repeat)
        rows.append((document.path, document.pages or 0, len(document.blocks), read, match))

    print(f"ruleset {args.ruleset}; medians of {args.repeat} runs")
    print(
        f"{'document':30} {'pages':>5} {'blocks':>6} {'read ms/p':>9} {'match ms/p':>10} "
        f"{'match share':>11}"
    )
    for name, pages, blocks, read, match in rows:
        per = max(pages, 1)
        share = match / (read + match)
        print(
            f"{name:30} {pages:5d} {blocks:6d} {read / per:9.2f} {match / per:10.2f} "
            f"{share:10.0%}{'' if share < 0.25 else ' !'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
