"""Urgent-danger detection: does a message suggest a child is in danger now?"""

from bot.safety.detect import MODEL_URGENT_THRESHOLD, Assessment, assess

__all__ = ["MODEL_URGENT_THRESHOLD", "Assessment", "assess"]
