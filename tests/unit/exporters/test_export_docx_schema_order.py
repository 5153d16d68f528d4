"""Property elements in the order the WordprocessingML schema requires.

LibreOffice reads elements in any order; Word offers to "repair" a file whose
property elements are out of order. The exporters add a few raw elements
(fields, header rows, borders, right-to-left, language), so this checks the
order of every property block in every part of each document.
"""

from __future__ import annotations

import io
import zipfile

import export_samples as samples
import pytest
from lxml import etree

from exporters import ExportOptions
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ORDER = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
        "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
        "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ),
    "trPr": (
        "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
        "tblCellSpacing jc hidden ins del trPrChange"
    ),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
        "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
}
# The paragraph-mark run properties inside w:pPr share rPr's order; the
# w:rPr of a numbering level or style are checked the same way.


def _check(xml: bytes, part: str) -> None:
    root = etree.fromstring(xml)
    for name, order in ORDER.items():
        sequence = order.split()
        for element in root.iter(f"{{{W}}}{name}"):
            tags = [etree.QName(child).localname for child in element
                    if etree.QName(child).namespace == W]
            unknown = [t for t in tags if t not in sequence]
            assert not unknown, f"{part}: unexpected {unknown} in w:{name}"
            positions = [sequence.index(t) for t in tags]
            assert positions == sorted(positions), f"{part}: w:{name} children out of order {tags}"


@pytest.mark.parametrize("name", ["small", "hostile", "empty"])
@pytest.mark.parametrize("document", ["worker", "family", "meeting"])
def test_property_elements_in_schema_order(name, document):
    plan = samples.SAMPLES[name]()
    if document == "meeting":
        data = render_meeting_pack(plan, ExportOptions(today=samples.TODAY))
    else:
        data = render_plan(plan, ExportOptions(version=document, today=samples.TODAY))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [n for n in package.namelist()
                 if n.startswith("word/") and n.endswith(".xml") and "theme" not in n]
        assert "word/document.xml" in parts and "word/styles.xml" in parts
        for part in parts:
            _check(package.read(part), part)
