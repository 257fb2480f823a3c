"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.bridging import BridgingQuestions
from widgets.dialogue_board import DialogueBoard
from widgets.meeting_plan import MeetingPlanner
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting

__all__ = ["KINDS", "BridgingQuestions", "CoursePage", "DialogueBoard", "MeetingPlanner", "Planner",
           "Ranking", "Rating", "Reflection", "Sorting"]
