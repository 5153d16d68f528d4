"""What the person is told when part of the system fails: plainly, and never that it worked."""

NOT_SAVED = (
    "Sorry, I couldn't save that just now because part of the system isn't working. "
    "Please send your answer again in a minute. Nothing you saved before is lost."
)
NOT_AVAILABLE = (
    "Sorry, I can't do that just now because part of the system isn't working. "
    "Please try again in a minute. Nothing you saved before is lost."
)
# Also what someone hears when the database is down as they answer (Rasa cannot
# read the conversation either, so the answer is never taken as one): say that
# what they sent was not taken in, not only that the plan cannot be read.
CANNOT_READ = (
    "Sorry, I can't reach the saved plan just now, so I couldn't take in what you just sent. "
    "Please send it again in a minute. Nothing you saved before is lost."
)
LINK_OFF = (
    "This link to the plan has been turned off or has run out, so I can't open the plan. "
    "Please ask your worker for a new link."
)
# A conversation on a case whose access was revoked (`safetyplan revoke CASE`),
# the one that created the case included.
ACCESS_ENDED = (
    "This chat can no longer open the plan: access to it has been turned off. "
    "Nothing in the plan is lost. To carry on, ask for a new invite link."
)
NOTHING_SENT = "I didn't get any words there. Please type your answer, or say 'help'."
NO_REPLY = (
    "Sorry, something went wrong on my side and I couldn't reply. Please send that again. "
    "Nothing you saved before is lost."
)


def too_long(limit: int) -> str:
    return (
        f"That's longer than I can take in one message ({limit:,} characters). Please send it in "
        "two or more parts, or shorten it. Nothing you saved before is lost."
    )
