"""Microsoft Teams (Bot Framework): settings, token checks, replies, the app package.

The Sanic input channel itself is `bot.channels.teams.TeamsInput`; the parts
here know nothing of Rasa, so they can be tested on their own.
"""
