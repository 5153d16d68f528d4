"""What every exported Word document shares: page, styles, header and footer,
properties, and small writers that keep typed text exact and XML-safe.

python-docx is used through its public API where it has one; the few raw
elements added here (fields, table header rows, borders, language, right to
left) are put in schema order, because Word offers to "repair" a file whose
elements are out of order even when LibreOffice does not mind.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_NonVisualDrawingProps
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from exporters.formatting import as_utc
from exporters.text import clean_text, is_right_to_left
from exporters.wording import NOTHING_YET

FONT = "Arial"
BODY_PT = 12  # at least 11 pt everywhere; 12 pt is kinder to tired eyes
SMALL_PT = 11
HEADING_COLOUR = "1F3864"  # dark blue: passes WCAG AA contrast on white
HEADER_FILL = "E7E6E6"
PAGE_WIDTH_CM = 21.0
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
LANGUAGE = "en-GB"
AUTHOR = "safetyplan"

# Children of w:pPr in schema order (ECMA-376 CT_PPrBase), for inserting raw elements.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)
_TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
    "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
    "w:ins", "w:del", "w:trPrChange",
)
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_FONT_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_HEADING_SIZES_PT = {"Title": 26, "Heading1": 16, "Heading2": 14, "Heading3": 12}


def _after(order: Sequence[str], tag: str) -> tuple[str, ...]:
    return tuple(order[order.index(tag) + 1:])


# -- document set-up ----------------------------------------------------------


def new_document(*, title: str, subject: str, marking: str, created: dt.datetime) -> DocxDocument:
    doc = Document()
    _set_page(doc)
    _set_styles(doc)
    _set_header_footer(doc, marking)
    _set_properties(doc, title=title, subject=subject, created=created)
    return doc


def _set_page(doc: DocxDocument) -> None:
    # python-docx's template is US Letter; UK councils print on A4.
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(PAGE_WIDTH_CM)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    # Theme fonts win over named ones in Word, so they go.
    for attr in _FONT_THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_RPR_AFTER_LANG)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _set_size(rpr, points: int) -> None:
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            successors = ("w:szCs",) if tag == "w:sz" else ()
            rpr.insert_element_before(
                element, *successors, "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                "w:eastAsianLayout", "w:specVanish", "w:oMath",
            )
        element.set(qn("w:val"), str(points * 2))


def _set_styles(doc: DocxDocument) -> None:
    styles_element = doc.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(default_rpr)
    _set_size(default_rpr, BODY_PT)
    _set_lang(default_rpr)
    for fonts in styles_element.iter(qn("w:rFonts")):
        if any(qn(a) in fonts.attrib for a in _FONT_THEME_ATTRS):
            for attr in _FONT_THEME_ATTRS:
                fonts.attrib.pop(qn(attr), None)
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attr), FONT)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _set_lang(normal.element.get_or_add_rPr())

    for style_id, points in _HEADING_SIZES_PT.items():
        style = next(s for s in doc.styles if s.style_id == style_id)
        style.font.size = Pt(points)
        rpr = style.element.get_or_add_rPr()
        color = rpr.find(qn("w:color"))
        if color is not None:
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                color.attrib.pop(qn(attr), None)
            color.set(qn("w:val"), HEADING_COLOUR)
    title = doc.styles["Title"]
    title.font.bold = True

    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A real Word field (PAGE, NUMPAGES): Word and LibreOffice fill in the number."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _set_header_footer(doc: DocxDocument, marking: str) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(clean_text(marking))
    run.bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    for paragraph in (header, footer):
        for r in paragraph.runs:
            r.font.size = Pt(SMALL_PT)


def footer_line(doc: DocxDocument, text: str) -> None:
    """A line under the page numbers on every page (the case reference, the version)."""
    paragraph = doc.sections[0].footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    added = paragraph.add_run(clean_text(text))
    added.font.size = Pt(SMALL_PT)


def _set_properties(doc: DocxDocument, *, title: str, subject: str, created: dt.datetime) -> None:
    props = doc.core_properties
    props.title = clean_text(title)
    props.subject = clean_text(subject)
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.language = LANGUAGE
    props.comments = ""
    props.keywords = "safety plan"
    props.category = ""
    # python-docx writes these as UTC ('Z') without converting, so hand it UTC.
    props.created = as_utc(created).replace(tzinfo=None)
    props.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def to_bytes(doc: DocxDocument) -> bytes:
    keep_short_rows_whole(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# A row with less text than this fits well within a page, so it is never split
# ("6 March" alone at the top of the next page); longer rows may still break,
# so a long answer never disappears off the bottom of a page.
SHORT_ROW_CHARS = 500


def keep_short_rows_whole(doc: DocxDocument) -> None:
    for tr in doc.element.body.iter(qn("w:tr")):
        length = sum(len(t.text or "") for t in tr.iter(qn("w:t")))
        if length >= SHORT_ROW_CHARS:
            continue
        trpr = tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.insert_element_before(
                OxmlElement("w:cantSplit"), *_after(_TRPR_ORDER, "w:cantSplit")
            )


# -- writing ------------------------------------------------------------------


_TAB_OR_BREAK = re.compile("([\t\n])")


def run(paragraph: Paragraph, text: object, *, bold: bool = False, italic: bool = False) -> Run:
    """One run holding ``text`` exactly (bar XML-forbidden characters)."""
    added = paragraph.add_run()
    r = added._r
    # python-docx's own text setter walks the text a character at a time;
    # splitting on tab and newline does the same in one pass.
    for part in _TAB_OR_BREAK.split(clean_text(text)):
        if part == "\t":
            r.add_tab()
        elif part == "\n":
            r.add_br()
        elif part:
            r.add_t(part)
    if bold:
        added.bold = True
    if italic:
        added.italic = True
    return added


def right_to_left(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *_after(_PPR_ORDER, "w:bidi"))


# Style ids of python-docx's template. Setting the id directly skips a lookup
# by name that scans every style and made large plans several times slower.
STYLE_IDS = {
    "List Bullet": "ListBullet",
    "List Continue": "ListContinue",
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
}


def _new_paragraph(container, style: str | None) -> Paragraph:
    """A new paragraph; a cell's first, still empty paragraph is used first."""
    paragraph = None
    if isinstance(container, _Cell):
        paragraphs = container.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0]._p.r_lst:
            paragraph = paragraphs[0]
    if paragraph is None:
        paragraph = container.add_paragraph()
    if style is not None:
        paragraph._p.style = STYLE_IDS[style]
    return paragraph


def text_paragraph(
    container,
    text: object,
    *,
    label: str | None = None,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> Paragraph:
    """A paragraph of typed text, after an optional bold label in its own run."""
    paragraph = _new_paragraph(container, style)
    if label:
        run(paragraph, label, bold=True)
    cleaned = clean_text(text)
    run(paragraph, cleaned, bold=bold, italic=italic)
    if is_right_to_left(cleaned):
        right_to_left(paragraph)
    return paragraph


def nothing_yet(container, text: str = NOTHING_YET) -> Paragraph:
    return text_paragraph(container, text, italic=True)


def heading(doc: DocxDocument, text: object, level: int, *, new_page: bool = False) -> Paragraph:
    cleaned = clean_text(text)
    paragraph = _new_paragraph(doc, "Title" if level == 0 else f"Heading {level}")
    paragraph.add_run(cleaned)
    # Never the last line of a page, away from what it heads (the style's own
    # setting is not honoured by every reader: LibreOffice stranded "Timeline").
    paragraph.paragraph_format.keep_with_next = True
    if new_page:
        paragraph.paragraph_format.page_break_before = True
    if is_right_to_left(cleaned):
        right_to_left(paragraph)
    return paragraph


def boxed(paragraph: Paragraph, *, border: str = "C00000", fill: str = "FDECEA") -> None:
    """Border and shading on a paragraph; neighbours with the same box join into one."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "12")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), border)
        borders.append(edge)
    ppr.insert_element_before(borders, *_after(_PPR_ORDER, "w:pBdr"))
    ppr.insert_element_before(_shading(fill), *_after(_PPR_ORDER, "w:shd"))


def _shading(fill: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    return shd


def picture(doc: DocxDocument, png: bytes, *, width_cm: float, alt_text: str, name: str) -> None:
    """An image with alt text on the drawing (what screen readers and Word's
    Alt Text pane read) and on the picture itself (what LibreOffice reads)."""
    paragraph = doc.add_paragraph()
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    description = clean_text(alt_text)
    inline = shape._inline
    inline.docPr.set("descr", description)
    inline.docPr.set("name", clean_text(name))
    # python-docx declares `cNvPr` without a type, so a checker sees the descriptor
    # rather than the element it returns.
    picture_props = cast(CT_NonVisualDrawingProps, inline.graphic.graphicData.pic.nvPicPr.cNvPr)
    picture_props.set("descr", description)


# -- tables -------------------------------------------------------------------


class TableWriter:
    """A table whose header row repeats on every page; only long rows may break
    across pages (see `keep_short_rows_whole`)."""

    def __init__(
        self,
        doc: DocxDocument,
        headers: Sequence[str],
        widths_cm: Sequence[float],
        *,
        caption: str,
    ) -> None:
        if len(headers) != len(widths_cm):
            raise ValueError("one width per column")
        self._empty_row = None
        self.table: Table = doc.add_table(rows=1, cols=len(headers))
        self.table.style = doc.styles["Table Grid"]
        self.table.alignment = WD_TABLE_ALIGNMENT.LEFT
        self.table.autofit = False
        tbl = self.table._tbl
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths_cm, strict=True):
            grid_col.w = Cm(width)
        self._caption(caption)
        header = tbl.tr_lst[0]
        trpr = header.get_or_add_trPr()
        trpr.insert_element_before(OxmlElement("w:tblHeader"), *_after(_TRPR_ORDER, "w:tblHeader"))
        for tc, text, width in zip(header.tc_lst, headers, widths_cm, strict=True):
            tc.width = Cm(width)
            cell = _Cell(tc, self.table)
            tc.get_or_add_tcPr().insert_element_before(
                _shading(HEADER_FILL), *_after(_TCPR_ORDER, "w:shd")
            )
            run(cell.paragraphs[0], text, bold=True)

    def _caption(self, caption: str) -> None:
        # Word reads w:tblCaption as the table's title for screen readers.
        tblpr = self.table._tbl.tblPr
        element = OxmlElement("w:tblCaption")
        element.set(qn("w:val"), clean_text(caption))
        tblpr.insert_element_before(element, "w:tblDescription", "w:tblPrChange")

    def row(self, *, min_height_cm: float | None = None) -> list[_Cell]:
        # Copying one empty row is much quicker than python-docx building each
        # cell's properties again, which shows on plans with hundreds of rows.
        if self._empty_row is None:
            self._empty_row = copy.deepcopy(self.table.add_row()._tr)
            tr = self.table._tbl.tr_lst[-1]
        else:
            tr = copy.deepcopy(self._empty_row)
            self.table._tbl.append(tr)
        if min_height_cm is not None:
            _Row(tr, self.table).height = Cm(min_height_cm)  # "at least": it still grows
        return [_Cell(tc, self.table) for tc in tr.tc_lst]

    def text_row(
        self, *values: object, bold_first: bool = False, min_height_cm: float | None = None
    ) -> list[_Cell]:
        """A row with one typed value per cell; a missing value leaves the cell empty."""
        cells = self.row(min_height_cm=min_height_cm)
        for i, (cell, value) in enumerate(zip(cells, values, strict=False)):
            if value is not None and clean_text(value) != "":
                text_paragraph(cell, value, bold=bold_first and i == 0)
        return cells
