"""A conversation opened through an invite lives and dies with the invite, on every channel."""

from __future__ import annotations

import pytest

from bot.access.invites import issue_invite, revoke
from bot.access.signing import InvalidToken
from bot.faults import LINK_OFF
from bot.plan.model import Role
from bot.services import ConversationService
from bot.settings import Settings


def _joined(settings: Settings, reference: str, role: Role) -> tuple[ConversationService, str]:
    invitation = issue_invite(reference, role, settings=settings)
    service = ConversationService(settings)
    sender = f"web-{role.value}"
    service.bind(sender, "webchat", invitation.invite.case_id, role, invitation.invite.public_id)
    return service, sender


def test_revoking_the_invite_ends_the_conversation_and_its_download_links(
    settings: Settings, case: tuple[int, str]
) -> None:
    _case_id, reference = case
    service, sender = _joined(settings, reference, Role.WORKER)
    assert service.welcome(sender, "webchat").saved
    service.answer(sender, "webchat", "no", "deny")  # nobody in danger now
    assert service.current_slot(sender, "webchat") == "consent"  # the role came with the invite
    service.answer(sender, "webchat", "yes", "affirm")
    used, kept = (
        service.download_link(sender, "webchat", "plan-worker").split("/chat/download/")[1]
        for _ in range(2)
    )
    assert service.render_download(used).content

    assert revoke(reference, settings=settings) == 1
    refused = service.answer(sender, "webchat", "no")
    assert refused.saved is False and refused.messages[0].text == LINK_OFF
    with pytest.raises(InvalidToken):
        service.render_download(kept)


def test_a_family_member_on_a_shared_plan_cannot_clear_it(
    settings: Settings, case: tuple[int, str]
) -> None:
    _case_id, reference = case
    service, sender = _joined(settings, reference, Role.FAMILY)
    reply = service.request_restart(sender, "webchat")
    assert "shared with your worker" in reply.messages[0].text
    assert reply.slot != "restart_confirm"
