"""The meeting pack: opens with the statements, scores per person, what changed."""

from __future__ import annotations

import datetime as dt

import export_reading as reading
import export_samples as samples
import pytest
from docx.oxml.ns import qn

from bot.plan.model import ColumnKind, Meeting, MeetingStatus, MeetingType, Pair, Score
from bot.plan.progress import history, timeline
from exporters import ExportOptions
from exporters import docx_meeting as meeting
from exporters import docx_sections as sections
from exporters.docx_meeting import render_meeting_pack
from exporters.wording import WORKER


def render(plan, attendees=None, today=samples.TODAY, **options) -> bytes:
    return render_meeting_pack(plan, ExportOptions(today=today, **options), attendees)


def expected_sections(plan, attendees):
    expected = {reading.COVER: reading._keep([plan.reference, *attendees])}
    expected[meeting.STATEMENTS] = [t for p in plan.pairs for t in reading.pair_statements(p)]
    column: list[str] = []
    for kind in (ColumnKind.HARM, ColumnKind.COMPLICATING, ColumnKind.STRENGTH,
                 ColumnKind.EXISTING_SAFETY, ColumnKind.NEEDS):
        for entry in plan.entries_of(kind):
            column += reading._keep(
                [entry.text, entry.how_long if kind is not ColumnKind.NEEDS else None])
    expected[WORKER.map_heading] = column
    scaling: list[str] = []
    reasons: list[str] = []
    for pair in plan.pairs:
        scaling += reading._keep([pair.scaling_question])
        scaling += reading._keep(history(plan, pair).names)
        if pair.scores:
            last = max(reading._score_date(s) for s in pair.scores)
            for score in pair.scores:
                if reading._score_date(score) == last:
                    reasons += reading._keep([score.person_name, score.reason])
    expected[meeting.SCALING] = scaling
    grids = max(1, -(-len(plan.pairs) // meeting.TODAY_COLUMNS))  # four worries a grid
    expected[meeting.TODAY] = reading._keep(attendees) * grids
    expected[meeting.RULES] = [t for p in plan.pairs for t in reading.pair_rules(p)]
    expected[meeting.TIMELINE] = [
        t for s in timeline(plan) for t in reading._keep([s.what, s.who, s.due_text])
    ] + reading._keep([plan.target_closure_text])
    dates = [m.held_on for m in plan.meetings]
    dates += [s.meeting.held_on for p in plan.pairs for s in p.scores if s.meeting]
    since = [r for r in plan.revisions if not dates or r.at.date() > max(dates)]
    # The summary's sentences name people added to the network; each change, whole,
    # is in the appendix.
    expected[meeting.SINCE] = reading._keep(
        [n for r in since if r.action == "added" for n in reading.joined_network(r)])
    expected[meeting.OPEN] = reading._keep([q.label for q in plan.open_questions])
    planned = sorted((m for m in plan.meetings if m.is_planned and m.held_on >= samples.TODAY),
                     key=lambda m: m.held_on)
    expected[meeting.DECISIONS] = (
        [f"{sections.meeting_label(planned[1], WORKER)} (set already)"]
        if len(planned) > 1 and planned[1].held_on > planned[0].held_on else [])
    if reasons or any(p.scores for p in plan.pairs):
        expected[meeting.REASONS] = reasons
    # The appendices follow what the chair runs the meeting from.
    rules = expected.pop(meeting.RULES)
    if plan.pairs:
        expected[meeting.RULES] = rules
    if since:
        expected[meeting.CHANGES] = reading.revision_answers(since)
    return expected


def test_every_answer_in_its_section_in_order(any_plan):
    attendees = [p.name for p in any_plan.people]
    document = reading.load(render(any_plan))
    reading.check_sections(
        document, expected_sections(any_plan, attendees), reading.all_answers(any_plan)
    )


def test_opens_with_danger_statements_and_safety_goals(small_plan):
    document = reading.load(render(small_plan))
    assert reading.headings(document, 0) == ["Meeting pack: safety plan for Leo and Mia"]
    assert reading.headings(document, 1)[0] == meeting.STATEMENTS
    assert reading.headings(document, 1) == [
        meeting.STATEMENTS, WORKER.map_heading, meeting.SCALING, meeting.TODAY,
        meeting.TIMELINE, meeting.SINCE, meeting.OPEN, meeting.DECISIONS, meeting.REASONS,
        meeting.RULES, meeting.CHANGES,
    ]
    cover = "".join(dict(reading.sections(document))[reading.COVER])
    assert "Last meeting: Core group, 6 March 2024" in cover
    assert (
        "Expected at this meeting: Sarah (Mum), Dan (Dad), Nan (Sarah's mum), "
        "Sam Okafor (Social worker), Ms Khan (Leo's teacher)"
    ) in cover


def _table_after(document, heading_text):
    body = list(document.element.body)
    start = next(i for i, el in enumerate(body) if reading.paragraph_text(el) == heading_text)
    tbl = next(el for el in body[start:] if el.tag == qn("w:tbl"))
    return [[reading.paragraph_text(tc) for tc in tr.findall(qn("w:tc"))]
            for tr in tbl.findall(qn("w:tr"))]


def test_last_scores_and_an_empty_row_per_expected_attendee(small_plan):
    document = reading.load(render(small_plan, attendees=["Sarah", "Dan", "Nan Pat"]))
    last = _table_after(document, "Worry 1: Core group, 6 March 2024")
    assert last == [["Person", "Score", "Why"],
                    ["Sarah", "6", "Dan has been to the group twice"],
                    ["Sam Okafor", "5", "Good start, early days"]]
    # One grid for today: a row per person, a column per worry, room for why.
    today = _table_after(document, meeting.TODAY)
    assert today[0] == ["Person", "Worry 1", "Worry 2", "Why, and one point higher"]
    assert today[1:] == [["Sarah", "", "", ""], ["Dan", "", "", ""], ["Nan Pat", "", "", ""],
                         ["", "", "", ""], ["", "", "", ""]]


def test_five_worries_take_two_grids_for_today(small_plan):
    small_plan.pairs += [Pair(), Pair(), Pair()]
    document = reading.load(render(small_plan, attendees=["Sarah"]))
    grids = [t for t in document.tables
             if t.rows[0].cells[0].text == "Person" and "Why, and one point higher"
             in [c.text for c in t.rows[0].cells]]
    assert [[c.text for c in g.rows[0].cells][1:-1] for g in grids] == [
        ["Worry 1", "Worry 2", "Worry 3", "Worry 4"], ["Worry 5"]]


def test_pair_without_scores_has_no_history_and_no_last_scores(small_plan):
    found = dict(reading.sections(reading.load(render(small_plan))))
    assert not any("Worry 2" in r for r in found[meeting.REASONS])


def test_latest_round_is_by_date_not_by_list_order(small_plan):
    pair = small_plan.pairs[0]
    pair.scores.reverse()
    document = reading.load(render(small_plan, attendees=[]))
    last = _table_after(document, "Worry 1: Core group, 6 March 2024")
    assert [row[0] for row in last[1:]] == ["Sam Okafor", "Sarah"]


def test_scores_not_at_a_meeting(small_plan):
    small_plan.pairs[1].scores = [Score("Sarah", 4, "Better mornings", None, dt.date(2024, 4, 2))]
    document = reading.load(render(small_plan))
    assert "Worry 2: Not at a meeting, 2 April 2024" in reading.headings(document, 2)


def test_the_meetings_are_named_once_above_the_score_histories(small_plan):
    runs = dict(reading.sections(reading.load(render(small_plan))))[meeting.SCALING]
    assert "10 Jan 2024: Child in Need meeting; 6 Mar 2024: Core group" in runs


def test_timeline_done_due_and_overdue_relative_to_today(small_plan):
    document = reading.load(render(small_plan, today=dt.date(2024, 4, 15)))
    rows = _table_after(document, meeting.TIMELINE)
    # By date, undated steps last, each under its number in the plan.
    assert [(r[0], r[4]) for r in rows[1:]] == [
        ("1", "Done"), ("3", "Overdue"), ("4", "Due"), ("2", "Done"), ("5", "Due")]
    runs = dict(reading.sections(document))[meeting.TIMELINE]
    assert "On 15 April 2024: 2 done, 2 due, 1 overdue." in runs
    earlier = reading.load(render(small_plan, today=dt.date(2024, 2, 1)))
    assert [r[4] for r in _table_after(earlier, meeting.TIMELINE)[1:]] == [
        "Done", "Due", "Due", "Done", "Due"]


def test_a_step_a_meeting_dropped_is_not_overdue(small_plan):
    from bot.plan.model import StepReview, StepStatus

    small_plan.meetings[1].step_reviews.append(StepReview(small_plan.steps[2], StepStatus.DROPPED))
    document = reading.load(render(small_plan, today=dt.date(2024, 4, 15)))
    rows = _table_after(document, meeting.TIMELINE)
    assert [r[4] for r in rows[1:]] == ["Done", "Dropped", "Due", "Done", "Due"]
    runs = dict(reading.sections(document))[meeting.TIMELINE]
    assert "On 15 April 2024: 2 done, 2 due, 0 overdue, 1 dropped." in runs


def test_due_today_is_not_overdue(small_plan):
    rows = _table_after(reading.load(render(small_plan, today=dt.date(2024, 3, 1))),
                        meeting.TIMELINE)
    assert rows[2][0] == "3" and rows[2][4] == "Due"


def test_since_the_last_meeting_lists_later_changes_newest_first(small_plan):
    document = reading.load(render(small_plan))
    runs = dict(reading.sections(document))[meeting.SINCE]
    assert any(r.startswith("Changes made after Core group, 6 March 2024;") for r in runs)
    rows = _table_after(document, meeting.CHANGES)
    assert [r[0] for r in rows[1:]] == ["20 March 2024 at 10:00", "7 March 2024 at 18:30"]


def test_since_the_last_meeting_nothing_changed(small_plan):
    small_plan.meetings.append(Meeting(MeetingType.CORE_GROUP, dt.date(2024, 4, 1)))
    runs = dict(reading.sections(reading.load(render(small_plan))))[meeting.SINCE]
    assert "Nothing has changed." in runs


def test_no_meetings_yet(small_plan):
    small_plan.meetings = []
    for pair in small_plan.pairs:
        pair.scores = []
    document = reading.load(render(small_plan))
    cover = "".join(dict(reading.sections(document))[reading.COVER])
    assert "Last meeting: No meetings yet." in cover
    runs = dict(reading.sections(document))[meeting.SINCE]
    assert runs[0].startswith("No meetings yet")
    assert len(_table_after(document, meeting.CHANGES)) == 1 + len(small_plan.revisions)


def test_a_next_meeting_set_already_is_printed_under_decisions(small_plan):
    # The pack is for the core group on 14 January; the review conference after it
    # is set already, so the chair sees it rather than an empty row.
    core = Meeting(MeetingType.CORE_GROUP, samples.TODAY + dt.timedelta(days=10),
                   status=MeetingStatus.PLANNED)
    review = Meeting(MeetingType.REVIEW_CONFERENCE, samples.TODAY + dt.timedelta(days=40),
                     status=MeetingStatus.PLANNED)
    small_plan.meetings += [review, core]
    found = dict(reading.sections(reading.load(render(small_plan))))
    decisions = " ".join(found[meeting.DECISIONS])
    assert sections.meeting_label(review, WORKER) in decisions
    assert sections.meeting_label(core, WORKER) not in decisions
    small_plan.meetings.remove(review)
    found = dict(reading.sections(reading.load(render(small_plan))))
    assert "set already" not in " ".join(found[meeting.DECISIONS])


def test_empty_plan(empty_plan):
    document = reading.load(render(empty_plan))
    found = dict(reading.sections(document))
    for name in (meeting.STATEMENTS, meeting.SCALING, meeting.TIMELINE):
        assert "Nothing written here yet." in found[name], name
    assert meeting.RULES not in found
    assert "Nothing has changed." in found[meeting.SINCE]
    assert "Expected at this meeting: nobody listed yet" in "".join(found[reading.COVER])


def test_no_worker_only_content(small_plan):
    text = "".join(reading.all_runs(reading.load(render(small_plan))))
    assert small_plan.urgent_flags[0].message not in text


def test_a_flag_review_stays_out_of_the_meeting_pack(small_plan):
    """The change log records the review; the meeting pack shows no flags, nor their reviews."""
    flag = small_plan.urgent_flags[0]
    small_plan.review_flag(flag, "Reviewer-marker", "note-marker",
                           dt.datetime(2024, 3, 21, 9, 0, tzinfo=dt.timezone.utc))
    assert small_plan.revisions[-1].is_flag_review
    document = reading.load(render(small_plan))
    text = "\n".join(reading.all_runs(document))
    for worker_only in (flag.message, "Reviewer-marker", "note-marker", "danger-now",
                        flag.channel):
        assert worker_only not in text
    rows = _table_after(document, meeting.CHANGES)
    assert [r[0] for r in rows[1:]] == ["20 March 2024 at 10:00", "7 March 2024 at 18:30"]


@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_header_footer_tables_and_properties(name):
    plan = samples.SAMPLES[name]()
    document = reading.load(render(plan, protective_marking="OFFICIAL"))
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL"
    assert document.sections[0].footer.paragraphs[0].text == "Page 1 of 1"
    for tbl in document.element.body.findall(qn("w:tbl")):
        assert tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    props = document.core_properties
    assert props.language == "en-GB" and props.author == "safetyplan"
    assert props.subject == "Meeting pack" and props.title.startswith("Meeting pack")
