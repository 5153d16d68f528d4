"""Application services: each use of the assistant is one unit of work around the interview.

Every confirmed answer is committed before the reply that says so is
returned; when the database cannot be written, the reply says plainly that
the answer was not saved and nothing claims otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.exc import SQLAlchemyError

from bot import snapshots
from bot.access import downloads
from bot.access.signing import InvalidToken
from bot.conversation.model import Conversation
from bot.faults import ACCESS_ENDED, CANNOT_READ, LINK_OFF, NOT_SAVED
from bot.interview.answers import Answer
from bot.interview.context import Context
from bot.interview.engine import Interview
from bot.interview.reply import Download, Message, Reply
from bot.interview.state import InterviewState
from bot.plan.model import Meeting, Plan, Role
from bot.settings import Settings, load_settings
from bot.storage.crypto import DecryptionError
from bot.storage.engine import DatabaseUnavailable
from bot.storage.unit_of_work import SaveFailed, SqlUnitOfWork

log = logging.getLogger(__name__)

# Long enough for Rasa to have stored the turn in which the person said no.
FORGET_AFTER_SECONDS = 20.0


DOCUMENT_KINDS = {
    "plan-family": ("Draft safety plan (family version)", "docx"),
    "plan-worker": ("Draft safety plan (worker version)", "docx"),
    "meeting-pack": ("Meeting pack", "docx"),
    "json": ("Plan data (JSON)", "json"),
}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Document:
    filename: str
    content_type: str
    content: bytes


# Requests whose documents are made after the answer is stored.
DOCUMENT_REQUESTS = ("export", "meeting_pack", "plan_as_at")


class ConversationService:
    def __init__(
        self,
        settings: Settings | None = None,
        uow_factory: Callable[[], SqlUnitOfWork] | None = None,
        clock: Callable[[], dt.date] | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._uow_factory = uow_factory or (lambda: SqlUnitOfWork(self.settings.database_url))
        fixed = self.settings.today
        self.clock = clock or ((lambda: fixed) if fixed is not None else dt.date.today)

    # -- the unit of work around the interview ----------------------------------

    def _run(
        self,
        sender_id: str,
        channel: str,
        operation: Callable[[Interview], Reply],
        write: bool = True,
        joining: bool = False,
        then_ask: list[Reply] | None = None,
    ) -> Reply:
        """Runs `operation` in one unit of work, committing what it changed when `write`.

        With `then_ask`, the question the interview asks next is appended to it,
        read after the commit from the same loaded plan and a fresh copy of the
        stored state (what a separate ask would read, without loading and
        decrypting the case a second time in the turn). Nothing it changes is kept.
        """
        try:
            with self._uow_factory() as uow:
                conversation = uow.conversations.get_or_create(sender_id, channel)
                if joining:
                    if access_ended(conversation) or (
                        conversation.invite_id and not _invite_usable(uow, conversation.invite_id)
                    ):
                        # A new invite brings back a conversation whose access ended:
                        # it starts afresh on the invite's case.
                        conversation.plan = None
                        conversation.case_key = None
                        conversation.invite_id = None
                        conversation.state = {}
                elif conversation.invite_id and not _invite_usable(uow, conversation.invite_id):
                    # Checked on every use, whatever the channel: a link the worker
                    # turned off reaches nothing, even from a conversation it opened.
                    return Reply(messages=[Message(LINK_OFF)], slot=None, saved=False)
                elif access_ended(conversation):
                    # The case was revoked: this conversation (even the one that
                    # created the case) no longer reaches it.
                    return Reply(messages=[Message(ACCESS_ENDED)], slot=None, saved=False)
                state = InterviewState.from_dict(conversation.state)
                if write:
                    # A question asked inside a "please say yes or no" message is asked
                    # again after anything else that happens (help, go back, a new answer).
                    state.flags.pop("asked_in_retry", None)
                ctx = Context(
                    conversation=conversation,
                    state=state,
                    today=self.clock(),
                    new_plan=uow.plans.new_plan,
                    load_plan=uow.plans.get_by_id,
                    max_chars=self.settings.max_answer_chars,
                )
                were_in_progress = snapshots.in_progress(conversation.plan)
                reply = operation(Interview(ctx, self.settings))
                if write:
                    # A meeting's record finished in this turn keeps the plan as it stands.
                    snapshots.keep_finished(conversation.plan, were_in_progress)
                    # The key of the case this conversation holds now (unchanged, a
                    # new plan, or a join; checked above): revoking the case
                    # replaces the case's key, not this one.
                    plan = conversation.plan
                    conversation.case_key = plan.link_key if plan is not None else None
                    # A fresh dict, so the change is seen and stored.
                    conversation.state = state.to_dict()
                    conversation.updated_at = dt.datetime.now(dt.timezone.utc)
                    uow.commit()
                    if (
                        then_ask is not None
                        and reply.saved
                        and reply.slot
                        # Documents are made in their own unit of work after this one:
                        # the question is read after them, not here.
                        and reply.request not in DOCUMENT_REQUESTS
                    ):
                        peek = replace(ctx, state=InterviewState.from_dict(conversation.state))
                        then_ask.append(
                            self._for_channel(channel, Interview(peek, self.settings).ask())
                        )
                return reply
        except (
            SaveFailed,
            SQLAlchemyError,
            DatabaseUnavailable,
            DecryptionError,
            OSError,
        ) as error:
            log.error("conversation store failed: %s", type(error).__name__)
            return Reply(
                messages=[Message(NOT_SAVED if write else CANNOT_READ)], slot=None, saved=False
            )

    # -- operations the channels and actions use ------------------------------------

    def bind(
        self,
        sender_id: str,
        channel: str,
        case_id: int,
        role: Role,
        invite_id: str | None = None,
    ) -> Reply:
        """Ties a new conversation to an existing case (an invite link was opened)."""

        def join(interview: Interview) -> Reply:
            from bot.interview.flow import catch_up

            ctx = interview.ctx
            conversation = ctx.conversation
            if conversation.plan is not None and conversation.plan.id != case_id:
                raise PermissionError("this conversation already belongs to another case")
            plan = ctx.load_plan(case_id)
            if plan is None:
                raise LookupError("no such case")
            conversation.plan = plan
            conversation.role = role
            conversation.invite_id = invite_id
            catch_up(ctx)
            return Reply(slot=interview.current_slot())

        return self._run(sender_id, channel, join, joining=True)

    def welcome(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.welcome())

    def ask(self, sender_id: str, channel: str) -> Reply:
        return self._for_channel(
            channel, self._run(sender_id, channel, lambda i: i.ask(), write=False)
        )

    @staticmethod
    def _for_channel(channel: str, reply: Reply) -> Reply:
        if channel != WEB_CHANNEL:
            # Only the web chat page folds a long message into parts; elsewhere the
            # text alone says it all, and the REST contract stays text and buttons.
            for message in reply.messages:
                message.sections = []
        return reply

    def answer(
        self,
        sender_id: str,
        channel: str,
        text: str,
        intent: str | None = None,
        choice: str | None = None,
        verdict: str | None = None,
        command: str | None = None,
    ) -> Reply:
        return self.answer_then_ask(sender_id, channel, text, intent, choice, verdict, command)[0]

    def answer_then_ask(
        self,
        sender_id: str,
        channel: str,
        text: str,
        intent: str | None = None,
        choice: str | None = None,
        verdict: str | None = None,
        command: str | None = None,
    ) -> tuple[Reply, Reply | None]:
        """The answer's reply and, when it was saved, the next question, in one unit of
        work; None when the question must be asked separately (nothing was saved, or
        documents were made after the answer)."""
        declined: list[bool] = []
        asked: list[Reply] = []

        def run(interview: Interview) -> Reply:
            reply = interview.answer(Answer(text, intent, choice, verdict, command), channel)
            conversation = interview.ctx.conversation
            declined.append(conversation.consent is False and conversation.plan is None)
            return reply

        reply = self._run(sender_id, channel, run, then_ask=asked)
        if reply.saved and declined and declined[0]:
            self._forget_later(sender_id)
        reply = self._with_documents(sender_id, channel, reply)
        return reply, (asked[0] if asked else None)

    def _with_documents(self, sender_id: str, channel: str, reply: Reply) -> Reply:
        """The documents a reply asks for, added to it ("yes" to "Do you want the plan as a
        document?", or the plan as it stood at a past meeting)."""
        if not reply.saved or reply.request not in DOCUMENT_REQUESTS:
            return reply
        documents = self.links(
            sender_id,
            channel,
            meeting_pack=reply.request == "meeting_pack",
            as_at=reply.as_at if reply.request == "plan_as_at" else None,
        )
        reply.messages.extend(documents.messages)
        reply.saved = documents.saved
        return reply

    def _forget_later(self, sender_id: str) -> None:
        """Someone said no to keeping their answers: their chat is erased once this turn is stored.

        Rasa writes the conversation's events after the reply, so the erasure
        waits a little; the person can still say hello and start afresh.
        """
        from bot.storage.erasure import erase_conversation

        def forget() -> None:
            try:
                erase_conversation(self.settings, sender_id)
            except Exception as error:  # noqa: BLE001 - logged; purge catches it later
                log.error("forgetting a declined chat failed: %s", type(error).__name__)

        timer = threading.Timer(FORGET_AFTER_SECONDS, forget)
        timer.daemon = True
        timer.start()

    def answer_instead(
        self, sender_id: str, channel: str, text: str, intent: str | None
    ) -> Reply | None:
        """The answer's reply when a message taken for a request is really the open question's
        answer ("Family meeting" as a step); None when it is the request after all."""

        def run(interview: Interview) -> Reply:
            if interview.takes_as_answer(text, intent):
                return interview.answer(Answer(text, intent), channel)
            return Reply(slot="__request__")

        reply = self._run(sender_id, channel, run)
        if reply.slot == "__request__":
            return None
        return self._with_documents(sender_id, channel, reply)

    def plan_as_at(self, sender_id: str, channel: str, text: str) -> Reply | None:
        """ "The plan as it was at the core group" said outside the interview: that plan's
        document (or why not); None when the words are not that request."""

        def run(interview: Interview) -> Reply:
            if interview.asks_for_plan_as_at(text):
                return interview.plan_as_at(text)
            return Reply(slot="__request__")

        reply = self._run(sender_id, channel, run, write=False)
        if reply.slot == "__request__":
            return None
        return self._with_documents(sender_id, channel, reply)

    def record_meeting(self, sender_id: str, channel: str, text: str) -> Reply | None:
        """ "We had a core group today" said outside the interview (after it finished, or
        taken for another request): the meeting is started; None when it is not that."""

        def run(interview: Interview) -> Reply:
            if interview.starts_meeting(text):
                return interview.record_meeting(text)
            if interview.wants_meeting(text):
                # The safety question comes first (after "stop", say): the form asks it,
                # and the worker asks for the meeting again after.
                interview.ctx.state.flags.pop("stopped", None)
                return Reply(slot=interview.current_slot())
            return Reply(slot="__request__")

        reply = self._run(sender_id, channel, run)
        return None if reply.slot == "__request__" else reply

    def help(self, sender_id: str, channel: str) -> Reply:
        # Written: choosing "help with this question" after a bare "help" clears that choice.
        return self._run(sender_id, channel, lambda i: i.help())

    def example(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.example(), write=False)

    def go_back(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.go_back())

    def skip(self, sender_id: str, channel: str) -> Reply:
        # The channel goes with it: "I don't know" to "is anyone in danger?" is a flag.
        return self._run(sender_id, channel, lambda i: i.skip(channel))

    def carry_on(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.carry_on())

    def stop(
        self, sender_id: str, channel: str, worried: str | None = None, typed: str | None = None
    ) -> Reply:
        """Stop for now; `worried` is the message when it asked to leave and sounded
        like danger; `typed` the message, whose words before "gotta go" are kept to
        offer back (Interview.stop)."""
        return self._run(sender_id, channel, lambda i: i.stop(worried, channel, typed))

    def review(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.start_review())

    def start_practice(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.start_practice())

    def request_restart(self, sender_id: str, channel: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.request_restart())

    def urgent(self, sender_id: str, channel: str, message: str, typed: bool = True) -> Reply:
        """Record an urgent-danger moment; the warning itself was already sent by the server.

        What was typed is kept as the open question's answer first (`typed`;
        a pressed button has nothing to keep), then the interview pauses.
        """
        return self._run(sender_id, channel, lambda i: i.urgent_from(message, channel, keep=typed))

    def possible_danger(self, sender_id: str, channel: str, message: str) -> Reply:
        return self._run(sender_id, channel, lambda i: i.hold_for_check(message, channel))

    def current_slot(self, sender_id: str, channel: str) -> str | None:
        reply = self._run(sender_id, channel, lambda i: Reply(slot=i.current_slot()), write=False)
        return reply.slot

    def complete(self, sender_id: str, channel: str) -> Reply:
        """What to say when the interview has nothing more to ask."""

        def finish(interview: Interview) -> Reply:
            ctx = interview.ctx
            reply = Reply(slot=None)
            plan = ctx.plan
            if plan is None or not ctx.conversation.consent or ctx.state.flags.get("stopped"):
                # Nothing kept, or they chose to stop (and were told so): nothing to add.
                return reply
            if ctx.role is Role.PRACTISING:
                from bot.practice.feedback import practice_summary

                summary = practice_summary(plan)
                lines = ["Well done, you've finished the practice plan."]
                if summary.did_well:
                    lines.append(
                        "What you did well:\n" + "\n".join(f"- {s}" for s in summary.did_well)
                    )
                if summary.to_practise:
                    lines.append(
                        "What to practise:\n" + "\n".join(f"- {s}" for s in summary.to_practise)
                    )
                reply.say("\n\n".join(lines))
            else:
                reply.say(
                    "Thank you. Your draft plan is ready."
                    if ctx.audience == "family"
                    else "The draft plan is complete."
                )
            reply.messages.extend(
                self._links(plan, ctx.role, channel, invite_id=ctx.conversation.invite_id).messages
            )
            return reply

        return self._run(sender_id, channel, finish, write=False)

    def links(
        self,
        sender_id: str,
        channel: str,
        meeting_pack: bool = False,
        as_at: str | None = None,
    ) -> Reply:
        def make(interview: Interview) -> Reply:
            ctx = interview.ctx
            plan = ctx.plan
            reply = Reply(slot=interview.current_slot())
            if plan is not None and plan.id is not None and not ctx.conversation.consent:
                # A case they joined by invite: it exists, but nothing is shown before
                # they have said whether their answers may be kept.
                reply.say(
                    "First, please answer whether I can keep your answers (the question "
                    "above). Then ask me again."
                )
                return reply
            if plan is None or not ctx.conversation.consent:
                reply.say("There's no plan to download yet. Let's write some of it first.")
                return reply
            if as_at is not None:
                meeting = _kept_meeting(plan, ctx.role, as_at)
                if meeting is None:
                    reply.say("Sorry, that meeting's plan can't be shown any more.")
                    return reply
                reply.messages.extend(
                    self._as_at_links(
                        plan, meeting, channel, invite_id=ctx.conversation.invite_id
                    ).messages
                )
                return reply
            if meeting_pack and ctx.role is Role.FAMILY:
                meeting_pack_allowed = False
            else:
                meeting_pack_allowed = meeting_pack
            reply.messages.extend(
                self._links(
                    plan,
                    ctx.role,
                    channel,
                    meeting_pack_allowed,
                    invite_id=ctx.conversation.invite_id,
                ).messages
            )
            return reply

        return self._run(sender_id, channel, make, write=False)

    def download_link(self, sender_id: str, channel: str, kind: str) -> str | None:
        """A fresh single-use link to one document of the conversation's plan (a path on
        this server), made when the person presses the button; None when there is no
        such document for them."""
        found: list[str] = []

        def make(interview: Interview) -> Reply:
            ctx = interview.ctx
            plan = ctx.plan
            if plan is None or plan.id is None or not ctx.conversation.consent:
                return Reply(slot=None)
            if kind in (k for k, _ in _offers(ctx.role)) or (
                kind.startswith(AS_AT_PREFIX)
                and _kept_meeting(plan, ctx.role, kind[len(AS_AT_PREFIX) :]) is not None
            ):
                token = downloads.mint(
                    plan.link_key, kind, ctx.conversation.invite_id, self.settings
                )
                found.append(downloads.path(token))
            return Reply(slot=None)

        reply = self._run(sender_id, channel, make, write=False)
        if not reply.saved:
            raise DatabaseUnavailable("the conversation could not be read")
        return found[0] if found else None

    # -- documents ----------------------------------------------------------------

    def _links(
        self,
        plan: Plan,
        role: Role,
        channel: str,
        meeting_pack: bool = False,
        invite_id: str | None = None,
    ) -> Reply:
        """The documents, as the channel offers them.

        The web chat gets no link at all: a button per document, whose link the
        page asks for when it is pressed. Other channels get links made now, in
        the text; Teams also gets them as a structured attachment, from which
        alone it makes its buttons.
        """
        offers = _offers(role, meeting_pack)
        reply = Reply()
        if channel == WEB_CHANNEL:
            if role is Role.FAMILY:
                text = (
                    "Your draft plan is ready as a Word document. Press the button to "
                    "download it. You can open it, print it, or share it with your worker."
                )
            elif meeting_pack:
                text = "The meeting pack is ready to share. Press the button to download it."
            else:
                text = (
                    "The draft plan as a Word document: press a button to download it. The "
                    "worker version has the change log and quality notes; the family version "
                    "is in plain words, to give the family."
                )
            reply.messages.append(
                Message(text, downloads=[Download(kind, title) for kind, title in offers])
            )
            return reply
        links = {
            kind: downloads.url(
                downloads.mint(plan.link_key, kind, invite_id, self.settings), self.settings
            )
            for kind, _title in offers
        }
        attached = (
            [Download(kind, title, links[kind]) for kind, title in offers]
            if channel == TEAMS_CHANNEL
            else []
        )
        minutes = _minutes(self.settings.download_link_minutes)
        if role is Role.FAMILY:
            text = (
                "Here is your draft plan as a Word document. You can open it, print it, or share "
                "it with your worker:\n" + links["plan-family"]
            )
        elif meeting_pack:
            text = "The meeting pack, ready to share:\n" + links["meeting-pack"]
        else:
            text = (
                "The draft plan as a Word document.\n"
                f"Worker version (with change log and quality notes): {links['plan-worker']}\n"
                f"Family version (plain wording, to give the family): {links['plan-family']}\n"
                f"Meeting pack: {links['meeting-pack']}\n"
                f"JSON, for other systems: {links['json']}"
            )
        text += f"\nEach link works once, for {minutes}. Say 'download' for new ones."
        reply.messages.append(Message(text, downloads=attached))
        return reply

    def _as_at_links(
        self, plan: Plan, meeting: Meeting, channel: str, invite_id: str | None = None
    ) -> Reply:
        """The worker document of the plan as it stood at a past meeting, as the channel
        offers documents (a button in the web chat, a link elsewhere)."""
        kind = AS_AT_PREFIX + meeting.uid
        title = f"Plan as at {meeting.short_label}"[:60]
        about = (
            f"The plan as it stood at the {meeting.label} (worker version). It is not the "
            "current plan: it says so on every page."
        )
        reply = Reply()
        if channel == WEB_CHANNEL:
            text = about + " Press the button to download it."
            reply.messages.append(Message(text, downloads=[Download(kind, title)]))
            return reply
        link = downloads.url(
            downloads.mint(plan.link_key, kind, invite_id, self.settings), self.settings
        )
        attached = [Download(kind, title, link)] if channel == TEAMS_CHANNEL else []
        minutes = _minutes(self.settings.download_link_minutes)
        text = f"{about}\n{link}\nThe link works once, for {minutes}."
        reply.messages.append(Message(text, downloads=attached))
        return reply

    def render_download(self, token: str) -> Document:
        """The document a download link points at, made fresh: nothing is kept on disk.

        The link is used up by this call (LinkUsed the second time), on every
        server sharing the database.
        """
        payload = downloads.read(token, self.settings)
        kind = payload.get("k")
        if not isinstance(kind, str) or (
            kind not in DOCUMENT_KINDS and not kind.startswith(AS_AT_PREFIX)
        ):
            raise InvalidToken("unknown document")
        link_key = payload.get("c")
        if not isinstance(link_key, str):
            raise InvalidToken("not a link to a case")
        with self._uow_factory() as uow:
            plan = uow.plans.get_by_link_key(link_key)
            if plan is None:
                raise InvalidToken("no such case")
            invite_id = payload.get("v")
            if invite_id is not None and not _invite_usable(uow, str(invite_id), plan.id):
                raise InvalidToken("the invite behind this link is turned off")
            assert uow.session is not None
            downloads.claim(uow.session, payload)
            uow.commit()
        return render_document(plan, kind, self.settings)

    def conversation_ended(self, sender_id: str) -> bool:
        """Whether the conversation's case was revoked, or the invite it came through was."""
        with self._uow_factory() as uow:
            conversation = uow.conversations.get(sender_id)
            if conversation is None:
                return False
            if conversation.invite_id and not _invite_usable(uow, conversation.invite_id):
                return True
            return access_ended(conversation)


WEB_CHANNEL = "webchat"
TEAMS_CHANNEL = "teams"
# A document kind for the plan as it stood at one past meeting: this and the meeting's uid.
AS_AT_PREFIX = "plan-at:"

# What each role may download, with the button's words.
_FAMILY_OFFERS = [("plan-family", "Download the document")]
_MEETING_PACK_OFFERS = [("meeting-pack", "Meeting pack")]
_WORKER_OFFERS = [
    ("plan-worker", "Worker version"),
    ("plan-family", "Family version"),
    ("meeting-pack", "Meeting pack"),
    ("json", "JSON, for other systems"),
]


def _offers(role: Role | None, meeting_pack: bool = False) -> list[tuple[str, str]]:
    if role is Role.FAMILY:
        return _FAMILY_OFFERS
    if meeting_pack:
        return _MEETING_PACK_OFFERS
    return _WORKER_OFFERS


def _kept_meeting(plan: Plan, role: Role | None, uid: str) -> Meeting | None:
    """The plan's meeting with this uid that kept the plan as it stood, for a worker only."""
    if role is not Role.WORKER:
        return None
    return next((m for m in plan.meetings if m.uid == uid and m.snapshot is not None), None)


def _minutes(value: float) -> str:
    if value < 1:
        seconds = max(1, round(value * 60))
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    whole = round(value)
    return f"{whole} minute{'s' if whole != 1 else ''}"


def access_ended(conversation: Conversation) -> bool:
    """A conversation whose case has been revoked since it took the case."""
    plan = conversation.plan
    return plan is not None and conversation.case_key != plan.link_key


def _invite_usable(uow: SqlUnitOfWork, invite_id: str, case_id: int | None = None) -> bool:
    from bot.storage.invites import InviteRepository

    invite = InviteRepository(uow.session).get(invite_id)
    if invite is None or not invite.usable(dt.datetime.now(dt.timezone.utc)):
        return False
    return case_id is None or invite.case_id == case_id


def render_document(
    plan: Plan, kind: str, settings: Settings, today: dt.date | None = None
) -> Document:
    from exporters.options import ExportOptions

    options = ExportOptions(
        protective_marking=settings.protective_marking,
        council_name=settings.council_name,
        council_phone=settings.council_phone,
        council_out_of_hours_phone=settings.council_out_of_hours_phone,
        today=today,
    )
    base = f"safety-plan-{plan.reference}"
    if kind.startswith(AS_AT_PREFIX):
        meeting = next((m for m in plan.meetings if m.uid == kind[len(AS_AT_PREFIX) :]), None)
        stood = snapshots.plan_as_it_stood(meeting) if meeting is not None else None
        if meeting is None or stood is None:
            raise InvalidToken("no plan was kept for that meeting")
        from exporters.docx_plan import render_plan

        # "Overdue" and the cover's date as at the meeting; titled so nobody takes it
        # for the current plan.
        content = render_plan(
            stood,
            replace(options, version="worker", today=meeting.held_on, as_at=meeting.label),
        )
        return Document(f"{base}-as-at-{meeting.held_on.isoformat()}.docx", DOCX_TYPE, content)
    if kind == "json":
        from exporters.json_plan import plan_to_json

        return Document(f"{base}.json", "application/json", plan_to_json(plan).encode("utf-8"))
    if kind == "meeting-pack":
        from exporters.docx_meeting import render_meeting_pack

        content = render_meeting_pack(plan, replace(options, version="worker"))
        return Document(f"meeting-pack-{plan.reference}.docx", DOCX_TYPE, content)
    from exporters.docx_plan import render_plan

    version = "family" if kind == "plan-family" else "worker"
    content = render_plan(plan, replace(options, version=version))
    return Document(f"{base}-{version}.docx", DOCX_TYPE, content)


__all__ = ["ConversationService", "Document", "InvalidToken", "render_document"]
