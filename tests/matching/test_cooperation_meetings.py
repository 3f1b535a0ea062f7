"""Two or more named services or professions meeting (or working) together in one sentence is
cooperation between services (GUIDELINES, `samarbeid`), in bokmål and nynorsk – also with the
participants listed in parentheses between the forum and the verb. One service alone, the staff
of one service, or an unrelated sense (innkjøp, legevakt, IKT) is not."""

from __future__ import annotations

import pytest

from plansjekk.documents import document_from_text
from plansjekk.matching import check_document
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Status

RULESET = load_ruleset("bvl-15-1")


def status(text: str) -> Status:
    result = check_document(document_from_text(text), RULESET).requirement("samarbeid")
    assert result is not None
    return result.status


@pytest.mark.parametrize(
    "text",
    [
        "# Organisering\nTverrfaglig team (helsesykepleier, PPT, barnevern, rektor, styrer) "
        "møtes første tirsdag i måneden.\n",
        "# Organisering\nTverrfagleg team (helsesjukepleiar, PPT, barnevernstenesta, rektor, "
        "styrar) møtest første tysdag i månaden.\n",
        "# Slik jobber vi\nHelsestasjonen, barnehagene og PPT treffes fast hver måned.\n",
        "# Slik arbeider vi\nI oppvekstforumet møtast helsestasjonen, skulen og barnevernet "
        "kvar månad.\n",
        "# Slik jobber vi\nRektor og barneverntjenesten går gjennom saker fire ganger i året.\n",
    ],
)
def test_services_meeting_together_are_cooperation(text: str) -> None:
    assert status(text) is not Status.MISSING


@pytest.mark.parametrize(
    "text",
    [
        "# Barnehage\nPersonalet i barnehagen møtes hver uke.\n",
        "# Barnehage\nPersonalet i barnehagen møtest kvar veke.\n",
        "# Skole\nRektor og lærerne møtes hver uke på personalmøtet.\n",
        "# Skule\nRektor og lærarane møtest kvar veke på personalmøtet.\n",
        "# Helsestasjon\nHelsestasjonen deltar i foreldremøter hver høst.\n",
        "# Økonomi\nInnkjøpsgruppa for skole og barnehage møtes hver måned.\n",
        "# Økonomi\nInnkjøpsgruppa for skule og barnehage møtest kvar månad.\n",
        "# IKT\nIKT-ansvarlige for skolene og barnehagene møtes hver måned.\n",
        "# Helse\nFastlegene og legevakten møtes årlig.\n",
        "# Helse\nFastlegane og legevakta møtest årleg.\n",
    ],
)
def test_one_service_or_unrelated_sense_is_not_cooperation(text: str) -> None:
    assert status(text) is Status.MISSING
