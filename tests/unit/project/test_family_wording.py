"""Everything the assistant asks a family member is in plain words (reading age about 9 to 11)."""

from __future__ import annotations

import re

import pytest

from bot.interview.catalogue import catalogue
from bot.quality import check_readability

JARGON = re.compile(
    r"\b(CP|CIN|TAF|LAC|CLA|EHCP|ICPC|RCPC|PLO|MASH|DV|DA|SW|HV|danger statement|safety goal|"
    r"scaling question|safeguarding|intervention|assessment|protective factors?)\b"
)


def _family_texts() -> list[tuple[str, str]]:
    texts = []
    for slot, spec in catalogue().items():
        for part in ("ask", "help", "example", "again"):
            wording = getattr(spec, part)
            if wording is not None:
                texts.append((f"{slot}.{part}", wording.family))
    return texts


@pytest.mark.parametrize(("where", "text"), _family_texts(), ids=lambda v: v if "." in v else "")
def test_family_wording_is_plain(where: str, text: str) -> None:
    filled = re.sub(r"\{[a-z_]+\}", "Leo", text)
    findings = [f.code for f in check_readability(filled, target=where, audience="family")]
    assert findings == [], f"{where}: {findings}: {text}"
    assert not JARGON.search(filled), f"{where} uses professional words: {text}"
