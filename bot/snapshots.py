"""The plan as it stood at each meeting (issue 15, item 7).

When a meeting's record is finished, the meeting keeps the plan as it stood
then: the JSON export's text, stored encrypted with the meeting. A worker can
later ask for "the plan as at the core group on 12 November" and gets the
worker document rendered from it (the exporters take a plan object, so the
text is imported back into a Plan that is never saved).

The snapshot is taken by the services around each unit of work, not by
bot.meetings.recording, which knows nothing of exporters: a meeting that was
in progress when the work began and is complete when it is about to be
committed has just been finished. A meeting finished before this was kept
has no snapshot and none is made up for it: the plan has moved on since.
"""

from __future__ import annotations

from bot.plan.model import Meeting, MeetingStatus, Plan
from exporters.json_plan import plan_from_json, plan_to_json


def in_progress(plan: Plan | None) -> set[str]:
    """The uids of the plan's meetings still being recorded (read before a change)."""
    if plan is None:
        return set()
    return {m.uid for m in plan.meetings if m.status is MeetingStatus.IN_PROGRESS}


def keep_finished(plan: Plan | None, were_in_progress: set[str]) -> list[Meeting]:
    """Gives each meeting finished since ``in_progress`` was read the plan as it stands now."""
    if plan is None or not were_in_progress:
        return []
    finished = [
        m
        for m in plan.meetings
        if m.uid in were_in_progress and m.is_complete and m.snapshot is None
    ]
    if finished:
        text = plan_to_json(plan)
        for meeting in finished:
            meeting.snapshot = text
    return finished


def plan_as_it_stood(meeting: Meeting) -> Plan | None:
    """The plan as it stood when the meeting's record was finished; None if none was kept."""
    if meeting.snapshot is None:
        return None
    return plan_from_json(meeting.snapshot)
