"""HTML: self-contained, escaped, with matrix, chart and per-plan excerpts (static checks;
the browser test clicks through it)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from plansjekk.report import ReportOptions, get_formatter


def render(run, ruleset, lang="nb") -> str:
    return get_formatter("html").render(run, ruleset, ReportOptions(lang=lang))


class Collector(HTMLParser):
    """Tags with their attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Collector:
    collector = Collector()
    collector.feed(text)
    return collector


def test_self_contained_no_network(batch_run, ruleset):
    page = render(batch_run, ruleset)
    tags = parse(page).tags
    assert not [a for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in tags if t == "script" and "src" in a]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_document_text_is_escaped_and_only_our_script_exists(batch_run, ruleset):
    page = render(batch_run, ruleset)
    collected = parse(page)
    assert len(collected.scripts) == 1, "the document's <script> must not become an element"
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "alna&lt;img src=x&gt;.pdf" in page
    assert not [a for t, a in collected.tags if t == "img"]
    assert "1 &lt;b&gt;Ansvar&lt;/b&gt;" in page
    assert "\x1b" not in page


def test_content_security_policy_allows_only_the_inline_script(batch_run, ruleset):
    page = render(batch_run, ruleset)
    csp = next(a["content"] for t, a in parse(page).tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "unsafe-inline" not in csp.split("script-src")[1]


def test_matrix_rows_cells_and_links(batch_run, ruleset):
    tags = parse(render(batch_run, ruleset)).tags
    rows = [a for t, a in tags if t == "tr" and "data-verdict" in a]
    assert [r["data-verdict"] for r in rows] == ["failed", "passed", "failed", "error"]
    cells = [a for t, a in tags if t == "td" and a.get("data-req") == "samarbeid"]
    assert [c["data-status"] for c in cells] == ["partial", "covered", "partial", "error"]
    links = [a["href"] for t, a in tags if t == "a" and "plan-link" in (a.get("class") or "")]
    assert links == ["#plan-1", "#plan-2", "#plan-3", "#plan-4"]
    plans = [a["id"] for t, a in tags if t == "details"]
    assert plans == ["plan-1", "plan-2", "plan-3", "plan-4"]


def test_excerpts_pages_highlights_and_advice(batch_run, ruleset):
    page = render(batch_run, ruleset)
    assert '<span class="loc">s. 12 · 4.2 Ansvar og roller</span>' in page
    assert "Barnehagen har <mark>ansvar for</mark> tidlig innsats" in page
    assert '<span class="loc">2 Ansvarsfordeling</span>' in page, "DOCX: section, no page"
    assert "Medverknad frå barn og unge" in page, "nynorsk plan gets nynorsk titles"
    assert "<b>Dette mangler:</b></p><ul>" in page
    assert "<li>Nevner samarbeid, men beskriver ikke arenaer eller rutiner" in page
    assert "→ Passer best under «3 Organisering»." in page
    assert "<b>Hva som bør stå:</b> Beskriv arenaer og rutiner" in page, "HTML has room"
    assert "<b>Begrunnelse:</b> temaet nevnes bare i forbifarten" in page
    assert "innsendt/skannet.pdf: PDF-en har ikke tekstlag" in page


def test_chart_has_a_bar_per_requirement(batch_run, ruleset):
    page = render(batch_run, ruleset)
    bars = re.findall(r'<div class="bar" role="img" aria-label="([^"]+)"', page)
    assert bars[0] == "Ansvarsfordeling mellom tjenestene: 2 dekket, 1 delvis, 0 mangler"
    assert len(bars) == 4
    assert 'class="covered" style="width:66.7%"' in page


def test_english(single_run, ruleset):
    page = render(single_run, ruleset, lang="en")
    assert '<html lang="en">' in page
    assert "Coverage per requirement" in page and "What is lacking" in page
