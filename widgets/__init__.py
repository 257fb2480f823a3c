"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.facilitator import FacilitatorPage
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting

__all__ = ["KINDS", "CoursePage", "FacilitatorPage", "Planner", "Ranking", "Rating", "Reflection", "Sorting"]
