"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.key_figures import TeamKeyFigures
from widgets.learning_cycle import LearningCycle
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting

__all__ = ["KINDS", "CoursePage", "LearningCycle", "Planner", "Ranking", "Rating", "Reflection",
           "Sorting", "TeamKeyFigures"]
