"""The draft safety plan document: content, structure and file quality."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile

import export_reading as reading
import export_samples as samples
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from bot.plan.model import ColumnEntry, ColumnKind, UrgentFlag
from bot.quality.findings import Finding
from exporters import ExportOptions, docx_plan
from exporters.docx_plan import render_plan
from exporters.wording import FAMILY, NOTHING_YET, WORKER, Wording

TODAY = samples.TODAY


def headings_for(wording: Wording) -> dict[str, str]:
    return {
        "urgent": docx_plan.URGENT,
        "emergency": docx_plan.EMERGENCY,
        "network": wording.network,
        "map": wording.map_heading,
        "pairs": wording.pairs_heading,
        "timeline": wording.timeline,
        "still_to_do": wording.still_to_do,
        "agreement": wording.agreement,
        "change_log": docx_plan.CHANGE_LOG,
        "reviewed_flags": docx_plan.REVIEWED_FLAGS,
        "quality": docx_plan.QUALITY,
    }


def render(plan, version="worker", **options) -> bytes:
    return render_plan(plan, ExportOptions(version=version, today=TODAY, **options))


@pytest.fixture(autouse=True)
def no_quality_checker(monkeypatch):
    """Findings come from another part of the bot: these tests fix them at none,
    and the tests that need findings set their own."""
    monkeypatch.setattr(docx_plan, "open_findings", lambda plan, audience="worker": [])


# -- every answer, once, in its section, in order ------------------------------


@pytest.mark.parametrize("version", ["worker", "family"])
def test_every_answer_appears_once_in_its_section_in_order(any_plan, version):
    document = reading.load(render(any_plan, version))
    wording = WORKER if version == "worker" else FAMILY
    expected = reading.expected_plan_sections(any_plan, version, headings_for(wording))
    if version == "worker":
        expected[docx_plan.QUALITY] = []
    reading.check_sections(document, expected, reading.all_answers(any_plan))


def test_large_plan_tags_each_appear_exactly_once_where_unique(large_plan):
    runs = reading.all_runs(reading.load(render(large_plan)))
    text = "\n".join(runs)
    for tag in ["[S0]", "[S39]", "[D9]", "[G9]", "[Q9]", "[E29]", "[OQ9]", "[REV59]", "[UF2]",
                "[UF3]", "[UF4]", "[RB3]", "[RB4]", "[RN3]",
                "[WHY9.4.5]", "[OPH9.4.0]", "[RULE9.3.1]", "[ACT9.3.1]", "[CON9.3.1]", "[ROLE29]"]:
        assert text.count(tag) == 1, tag


def test_family_version_has_no_worker_only_sections(small_plan):
    family = reading.load(render(small_plan, "family"))
    h1 = reading.headings(family, 1)
    for worker_only in (docx_plan.URGENT, docx_plan.CHANGE_LOG, docx_plan.REVIEWED_FLAGS,
                        docx_plan.QUALITY):
        assert worker_only not in h1
    text = "\n".join(reading.all_runs(family))
    assert small_plan.urgent_flags[0].message not in text
    assert "Worker version" not in text and "Family version" in text
    assert "Draft wording: not confirmed yet." not in text


def test_family_version_uses_plain_words(large_plan):
    """No acronyms or professional labels in the fixed wording of the family version."""
    document = reading.load(render(large_plan, "family"))
    answers = reading.all_answers(large_plan)
    fixed = " ".join(r for r in reading.all_runs(document) if r not in answers)
    fixed += " " + " ".join(reading.headings(document, 1))
    fixed = fixed.replace("NSPCC", "")  # a charity's name, said in full beside it
    assert not re.search(r"\b(TAF|CIN|CP|LAC|DV|EDT|Team Around the Family|Child in Need)\b",
                         fixed), fixed
    assert "danger statement" not in fixed.lower() and "scaling" not in fixed.lower()


def test_worker_version_order_of_sections(small_plan):
    h1 = reading.headings(reading.load(render(small_plan)), 1)
    assert h1 == [
        docx_plan.URGENT, docx_plan.EMERGENCY, WORKER.network, WORKER.map_heading,
        WORKER.pairs_heading, WORKER.timeline, WORKER.still_to_do, WORKER.agreement,
        docx_plan.CHANGE_LOG, docx_plan.REVIEWED_FLAGS, docx_plan.QUALITY,
    ]


def test_cover(small_plan):
    document = reading.load(render(small_plan))
    assert reading.headings(document, 0) == ["Draft safety plan for Leo and Mia"]
    cover = dict(reading.sections(document))[reading.COVER]
    text = "".join(cover)
    assert "DRAFT" in cover
    assert "Date: 15 April 2024" in text
    assert "Version: 7" in text
    assert "Case reference: SOL-2024-0042" in text
    assert "Written with: Sarah (mum), Sam Okafor (social worker)" in text


def test_the_family_version_keeps_the_reference_and_version_in_the_footer(small_plan):
    document = reading.load(render(small_plan, "family"))
    cover = "".join(dict(reading.sections(document))[reading.COVER])
    assert "Version" not in cover and "SOL-2024-0042" not in cover
    assert "Date: 15 April 2024" in cover
    for version in ("family", "worker"):
        footer = reading.load(render(small_plan, version)).sections[0].footer
        assert [p.text for p in footer.paragraphs] == [
            "Page 1 of 1", "Case reference: SOL-2024-0042. Version 7."
        ]


def test_cover_without_children_or_writers(empty_plan):
    document = reading.load(render(empty_plan, "family"))
    assert reading.headings(document, 0) == ["Draft safety plan"]
    assert "Written with: not recorded yet" in "".join(reading.all_runs(document))


def test_practice_plan_says_so(hostile_plan):
    text = "".join(reading.all_runs(reading.load(render(hostile_plan, "family"))))
    assert "practice plan about a made-up family" in text


# -- emergency numbers ---------------------------------------------------------


def test_emergency_without_council_numbers_never_makes_one_up(small_plan):
    document = reading.load(render(small_plan, "family"))
    runs = dict(reading.sections(document))[docx_plan.EMERGENCY]
    text = "".join(runs)
    assert "999" in text and "0808 800 5000" in text and "0800 1111" in text
    assert "ask your worker for the local number" in text
    assert "ask your worker for the local out-of-hours number" in text
    numbers = re.findall(r"\b(?:999|0\d[\d ]*\d)", text)
    # The worries (Dan pushed Sarah into the wall) are domestic abuse: its helpline too.
    assert sorted(n.strip() for n in numbers) == [
        "0800 1111", "0808 2000 247", "0808 800 5000", "999"
    ]
    assert "National Domestic Abuse Helpline, 24 hours a day, free: 0808 2000 247" in text


def test_the_domestic_abuse_helpline_only_where_the_worries_involve_it(empty_plan):
    runs = dict(reading.sections(reading.load(render(empty_plan, "family"))))
    text = "".join(runs[docx_plan.EMERGENCY])
    assert "0808 800 5000" in text and "0808 2000 247" not in text
    empty_plan.entries.append(
        ColumnEntry(ColumnKind.HARM, "My ex turned up drunk and threatened me at the door")
    )
    runs = dict(reading.sections(reading.load(render(empty_plan, "family"))))
    assert "0808 2000 247" in "".join(runs[docx_plan.EMERGENCY])


def test_emergency_with_council_numbers(small_plan):
    data = render(small_plan, council_name="Solihull", council_phone="0121 788 4300",
                  council_out_of_hours_phone="0121 605 6060")
    text = "".join(dict(reading.sections(reading.load(data)))[docx_plan.EMERGENCY])
    assert "Children's services (Solihull): 0121 788 4300" in text
    assert "0121 605 6060" in text
    assert "ask your worker" not in text


def test_emergency_comes_before_the_plan(small_plan):
    for version in ("worker", "family"):
        h1 = reading.headings(reading.load(render(small_plan, version)), 1)
        assert h1.index(docx_plan.EMERGENCY) <= 1


# -- urgent flags ----------------------------------------------------------------


def test_urgent_flags_box_lists_time_channel_and_message(small_plan):
    document = reading.load(render(small_plan))
    runs = dict(reading.sections(document))[docx_plan.URGENT]
    assert "".join(runs).startswith("14 February 2024 at 22:15, web chat")
    assert small_plan.urgent_flags[0].message in runs
    boxed = [p for p in document.paragraphs if p._p.find(qn("w:pPr")) is not None
             and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(boxed) == 2


def test_no_urgent_flags_says_so(empty_plan):
    runs = dict(reading.sections(reading.load(render(empty_plan))))[docx_plan.URGENT]
    assert runs == ["Nobody has said a child might be in danger now."]


def _boxed(document) -> list[str]:
    return [p.text for p in document.paragraphs if p._p.find(qn("w:pPr")) is not None
            and p._p.pPr.find(qn("w:pBdr")) is not None]


def _table_after(document, heading: str) -> list[list[str]]:
    """The rows of the first table after the Heading 1 ``heading``, as cell texts."""
    body = document.element.body
    seen = False
    for element in body.iterchildren():
        if element.tag == qn("w:p") and reading.style_id(element) == "Heading1":
            seen = reading.paragraph_text(element) == heading
        elif seen and element.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is element)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table under {heading!r}")


def _review(flag, by="Sam Patel", note="Spoke to mum: it was about last year", day=15):
    flag.mark_reviewed(by, note, dt.datetime(2024, 2, day, 9, 5, tzinfo=dt.timezone.utc))


def test_a_reviewed_flag_leaves_page_one_for_the_appendix(small_plan):
    kept = UrgentFlag("Dad is outside shouting now", "teams",
                              dt.datetime(2024, 3, 1, 20, 0, tzinfo=dt.timezone.utc))
    small_plan.urgent_flags.append(kept)
    reviewed = small_plan.urgent_flags[0]
    _review(reviewed)
    document = reading.load(render(small_plan))
    found = dict(reading.sections(document))

    page_one = "".join(found[docx_plan.URGENT])
    assert kept.message in page_one and "1 March 2024 at 20:00, teams" in page_one
    assert reviewed.message not in page_one
    assert "1 flag was reviewed as not urgent" in page_one
    assert _boxed(document) == ["1 March 2024 at 20:00, teams", kept.message]

    appendix = found[docx_plan.REVIEWED_FLAGS]
    assert reviewed.message in appendix and kept.message not in appendix
    rows = _table_after(document, docx_plan.REVIEWED_FLAGS)
    assert rows == [
        ["When", "Channel", "What was said", "Reviewed by", "When reviewed", "Note"],
        ["14 February 2024 at 22:15", "web chat", reviewed.message, "Sam Patel",
         "15 February 2024 at 09:05", "Spoke to mum: it was about last year"],
    ]
    # With the other appendices, after the change log.
    h1 = reading.headings(document, 1)
    assert h1.index(docx_plan.CHANGE_LOG) < h1.index(docx_plan.REVIEWED_FLAGS)
    assert h1.index(docx_plan.REVIEWED_FLAGS) == len(h1) - 2


def test_every_flag_reviewed_leaves_page_one_saying_none_wait(small_plan):
    for flag in small_plan.urgent_flags:
        _review(flag, note=None)
    document = reading.load(render(small_plan))
    runs = dict(reading.sections(document))[docx_plan.URGENT]
    assert runs == ["No flags are waiting for review.",
                    f"1 flag was reviewed as not urgent: see \u201c{docx_plan.REVIEWED_FLAGS}"
                    "\u201d near the end."]
    rows = _table_after(document, docx_plan.REVIEWED_FLAGS)
    assert rows[1][3:] == ["Sam Patel", "15 February 2024 at 09:05", ""]


def test_reviewed_flags_are_newest_first(large_plan):
    rows = _table_after(reading.load(render(large_plan)), docx_plan.REVIEWED_FLAGS)
    assert [r[2] for r in rows[1:]] == ["Urgent message number 4 [UF4]",
                                        "Urgent message number 3 [UF3]"]
    assert [r[4] for r in rows[1:]] == ["10 January 2024 at 09:30", "9 January 2024 at 09:30"]


def test_no_reviewed_flags_says_so(small_plan):
    runs = dict(reading.sections(reading.load(render(small_plan))))[docx_plan.REVIEWED_FLAGS]
    assert runs == ["No flags have been reviewed as not urgent."]


def test_family_version_shows_no_flag_reviewed_or_not(large_plan):
    text = "\n".join(reading.all_runs(reading.load(render(large_plan, "family"))))
    for tag in ("[UF0]", "[UF3]", "[RB3]", "[RN3]"):
        assert tag not in text


# -- empty sections ----------------------------------------------------------------


def test_empty_plan_says_nothing_written_rather_than_leaving_blanks(empty_plan):
    document = reading.load(render(empty_plan))
    found = dict(reading.sections(document))
    for heading in (WORKER.network, WORKER.pairs_heading, WORKER.timeline):
        assert NOTHING_YET in found[heading], heading
    # The worker version shows every part of every column, empty or not.
    assert found[WORKER.map_heading].count(NOTHING_YET) == 5
    family = dict(reading.sections(reading.load(render(empty_plan, "family"))))
    assert family[FAMILY.map_heading].count(NOTHING_YET) == 3
    assert "Target date for closing the case: not agreed yet." in found[WORKER.timeline]
    assert "No changes recorded yet." in found[docx_plan.CHANGE_LOG]
    assert "No open questions." in found[WORKER.still_to_do]


def test_family_version_leaves_out_empty_parts(empty_plan, small_plan):
    document = reading.load(render(empty_plan, "family"))
    assert FAMILY.still_to_do not in reading.headings(document, 1)
    # Worry 2 of the small plan has only one plan rule: the family version shows
    # just that heading, the worker version all four.
    family_h3 = reading.headings(reading.load(render(small_plan, "family")), 3)
    worker_h3 = reading.headings(reading.load(render(small_plan)), 3)
    assert family_h3.count(FAMILY.rule_headings[next(iter(FAMILY.rule_headings))]) == 2
    assert family_h3.count("Warning signs") == 1
    assert worker_h3.count("Red flags") == 2


def test_danger_statement_from_parts_while_being_written(small_plan):
    runs = dict(reading.sections(reading.load(render(small_plan))))[WORKER.pairs_heading]
    text = "".join(runs)
    assert "Who is worried: Ms Khan" in text
    assert "What they are worried about: Leo often comes to school without breakfast" in text


# -- the three columns, scores and charts -------------------------------------------


def _tables(document):
    return document.element.body.findall(qn("w:tbl"))


def test_three_column_table_is_one_breakable_row_under_a_repeating_header(small_plan):
    document = reading.load(render(small_plan))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == WORKER.map_headers[0])
    assert [c.text for c in table.rows[0].cells] == list(WORKER.map_headers)
    assert len(table.rows) == 2
    assert "Existing safety" in table.rows[1].cells[1].text


def _row_chars(row) -> int:
    return sum(len(t.text or "") for t in row.iter(qn("w:t")))


def _kept_whole(row) -> bool:
    return row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_every_table_header_repeats_and_short_rows_never_split(large_plan):
    for version in ("worker", "family"):
        document = reading.load(render(large_plan, version))
        tables = _tables(document)
        assert len(tables) > 10
        for tbl in tables:
            rows = tbl.findall(qn("w:tr"))
            first = rows[0].find(qn("w:trPr"))
            assert first is not None and first.find(qn("w:tblHeader")) is not None
            for row in rows:
                # A short row split over two pages leaves a stray date overleaf.
                assert _kept_whole(row) == (_row_chars(row) < 500)
            assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None


def test_a_row_longer_than_a_page_may_break_so_nothing_is_cut_off(hostile_plan):
    document = reading.load(render(hostile_plan))
    rows = [row for tbl in _tables(document) for row in tbl.findall(qn("w:tr"))]
    long_rows = [row for row in rows if _row_chars(row) >= 20_000]
    assert long_rows
    assert not any(_kept_whole(row) for row in long_rows)


def _drawings(document):
    ns = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
    return document.element.body.findall(".//wp:inline/wp:docPr", ns)


def test_chart_with_alt_text_saying_the_change(small_plan):
    document = reading.load(render(small_plan))
    drawings = _drawings(document)
    assert len(drawings) == 1  # worry 2 has no scores
    alt = drawings[0].get("descr")
    assert alt.startswith("Worry 1: average score from 2.5 in January 2024 to 5.5 in March 2024")
    assert "(up 3)" in alt and "Sarah from 3 to 6" in alt and "Sam Okafor from 2 to 5" in alt
    assert len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic
    blip = image.blipFill.blip
    part = document.part.related_parts[blip.embed]
    assert part.content_type == "image/png" and part.blob[:8] == b"\x89PNG\r\n\x1a\n"


def test_one_chart_per_pair_scored_more_than_once(large_plan):
    drawings = _drawings(reading.load(render(large_plan)))
    assert len(drawings) == 10
    assert all(d.get("descr").startswith(f"Worry {n}: ") for n, d in enumerate(drawings, 1))


def test_no_chart_for_a_single_round_of_scores(small_plan):
    pair = small_plan.pairs[0]
    pair.scores = [s for s in pair.scores if s.meeting is small_plan.meetings[0]]
    assert _drawings(reading.load(render(small_plan))) == []


def test_scores_in_date_order_with_meeting_and_date(small_plan):
    pair = small_plan.pairs[0]
    pair.scores.reverse()
    document = reading.load(render(small_plan))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Person")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows] == ["Sam Okafor", "Sarah", "Sam Okafor", "Sarah"]
    assert rows[0][3] == "Child in Need meeting, 10 January 2024"
    assert rows[2][3] == "Core group, 6 March 2024"
    assert "One point higher would look like: Nan checking in every weekend" in rows[2][2]


# -- change log and quality notes ---------------------------------------------------


def test_change_log_latest_first(small_plan):
    document = reading.load(render(small_plan))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "When")
    whens = [row.cells[0].text for row in table.rows[1:]]
    assert whens == ["20 March 2024 at 10:00", "7 March 2024 at 18:30",
                     "9 January 2024 at 10:00", "8 January 2024 at 10:00"]
    assert table.rows[0].cells[1].text == "Where"
    assert table.rows[1].cells[1].text == "between meetings"
    assert table.rows[1].cells[3].text == "changed step 3\nNew date"


def test_quality_findings_in_the_worker_appendix(small_plan, monkeypatch):
    finding = Finding("label.neglect", "danger statement 1", "A label hides the behaviour.",
                      "Say what happens.", "What happens at home?", excerpt="neglect")
    monkeypatch.setattr(docx_plan, "open_findings", lambda plan, audience="worker": [finding])
    document = reading.load(render(small_plan))
    runs = dict(reading.sections(document))[docx_plan.QUALITY]
    for text in ("danger statement 1", "A label hides the behaviour.", "Say what happens.",
                 "neglect"):
        assert text in runs
    family = "".join(reading.all_runs(reading.load(render(small_plan, "family"))))
    assert "A label hides the behaviour." not in family


def test_open_findings_asks_the_checker_for_the_worker_audience(small_plan, monkeypatch):
    from exporters import quality_notes

    seen = {}
    quality = sys.modules.get("bot.quality")
    if quality is None:
        import bot.quality as quality

    def fake_check(plan, audience="worker"):
        seen["audience"] = audience
        return ()

    monkeypatch.setattr(quality, "check_plan", fake_check, raising=False)
    assert quality_notes.open_findings(small_plan) == []
    assert seen == {"audience": "worker"}


def test_open_findings_empty_only_when_the_checker_cannot_be_imported(small_plan, monkeypatch):
    from exporters import quality_notes

    monkeypatch.setitem(sys.modules, "bot.quality", None)  # import now fails
    assert quality_notes.open_findings(small_plan) == []


def test_a_failing_checker_is_not_hidden(small_plan, monkeypatch):
    import bot.quality as quality
    from exporters import quality_notes

    def broken(plan, audience="worker"):
        raise RuntimeError("checker bug")

    monkeypatch.setattr(quality, "check_plan", broken, raising=False)
    with pytest.raises(RuntimeError, match="checker bug"):
        quality_notes.open_findings(small_plan)


# -- file quality ---------------------------------------------------------------------


@pytest.mark.parametrize("version", ["worker", "family"])
def test_heading_styles_give_structure(small_plan, version):
    document = reading.load(render(small_plan, version))
    assert len(reading.headings(document, 0)) == 1
    assert reading.headings(document, 2) == ["Worry 1", "Worry 2"]
    names = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= names
    # Nothing pretends to be a heading with bold text in a Normal paragraph's place.
    for p in document.paragraphs:
        if p.style.name.startswith("Heading"):
            assert p.text.strip()


def test_header_and_footer_on_every_page(small_plan):
    document = reading.load(render(small_plan, protective_marking="OFFICIAL-SENSITIVE: PERSONAL"))
    assert len(document.sections) == 1
    section = document.sections[0]
    assert not section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE: PERSONAL"
    footer = section.footer.paragraphs[0]
    instructions = [i.text.strip() for i in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert footer.text == "Page 1 of 1"


def test_page_is_a4(small_plan):
    section = reading.load(render(small_plan)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_core_properties(small_plan):
    props = reading.load(render(small_plan, "family")).core_properties
    # The file's properties travel with it and show unopened: they name nobody.
    assert props.title == "Draft safety plan"
    assert not any("Leo" in (v or "") or "Mia" in (v or "") for v in (
        props.title, props.subject, props.keywords, props.comments, props.category,
        props.author, props.last_modified_by, props.identifier, props.content_status,
    ))
    assert props.subject == "Safety plan, family version"
    assert props.language == "en-GB"
    assert props.author == "safetyplan"
    assert props.comments == ""
    assert props.created == dt.datetime(2024, 1, 8, 10, 0, tzinfo=dt.timezone.utc)


def test_language_and_fonts(small_plan):
    document = reading.load(render(small_plan))
    styles = document.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
    normal = document.styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size >= Pt(11)
    for fonts in styles.iter(qn("w:rFonts")):
        assert fonts.get(qn("w:asciiTheme")) is None
    used = {p.style.style_id for p in document.paragraphs}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                used |= {p.style.style_id for p in cell.paragraphs}
    for style_id in used:
        style = next(s for s in document.styles if s.style_id == style_id)
        while style is not None and style.font.size is None:
            style = style.base_style
        size = style.font.size if style is not None else Pt(12)
        assert size >= Pt(11), style_id
    for run in document.element.body.iter(qn("w:sz")):
        assert int(run.get(qn("w:val"))) >= 22


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_hostile_text_is_literal_and_xml_safe(hostile_plan):
    for version in ("worker", "family"):
        data = render(hostile_plan, version)
        xml = _document_xml(data)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", xml)
        runs = reading.all_runs(reading.load(data))
        assert samples.MARKUP in runs  # <script>, {{ }}, & stay as typed
        assert samples.EMOJI in runs and samples.ARABIC in runs and samples.LONG in runs
        assert "One\ntwo\nthree\ttabbed" in runs
        assert "&lt;script&gt;" in xml and "<script>" not in xml


def test_right_to_left_paragraphs_are_marked(hostile_plan):
    document = reading.load(render(hostile_plan))
    arabic = [p for p in document.element.body.iter(qn("w:p"))
              if reading.paragraph_text(p) == samples.ARABIC]
    assert arabic and all(p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in arabic)
    english = [p for p in document.element.body.iter(qn("w:p"))
               if reading.paragraph_text(p) == samples.EMOJI]
    assert english and all(p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None for p in english)


def test_options_reject_an_unknown_version():
    with pytest.raises(ValueError, match="family"):
        ExportOptions(version="parent")


def test_rendering_leaves_the_plan_unchanged(small_plan):
    from exporters.json_plan import plan_to_dict

    before = plan_to_dict(small_plan)
    render(small_plan)
    render(small_plan, "family")
    assert plan_to_dict(small_plan) == before


@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_appendix_holds_the_real_checkers_findings(name, monkeypatch):
    """With whatever checker the bot has (none yet counts as no findings)."""
    from exporters import quality_notes

    monkeypatch.setattr(docx_plan, "open_findings", quality_notes.open_findings)
    plan = samples.SAMPLES[name]()
    findings = quality_notes.open_findings(samples.SAMPLES[name]())
    runs = dict(reading.sections(reading.load(render(plan))))[docx_plan.QUALITY]
    if not findings:
        assert runs == ["No open quality notes."]
    for finding in findings:
        assert finding.message in runs and finding.suggestion in runs
