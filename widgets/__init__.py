"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.action_plan import ActionPlan
from widgets.first_plan import FirstPlan
from widgets.onboarding import OnboardingPlanner
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting
from widgets.year_wheel import YearWheel

__all__ = ["KINDS", "ActionPlan", "CoursePage", "FirstPlan", "OnboardingPlanner", "Planner",
           "Ranking", "Rating", "Reflection", "Sorting", "YearWheel"]
