"""Reusable exercise widgets for the course, built on ``course``.

Importing the package imports every module in it, so each widget registers itself for its
exercise kind (``@exercise_kind``), and checks that no kind in course/kinds.py is left
without one. A new widget module needs no line here.
"""

import importlib
import pkgutil

from widgets.action_plan import ActionPlan
from widgets.base import WIDGETS, check_widgets
from widgets.bridging import BridgingQuestions
from widgets.conversation import ConversationTrainer
from widgets.dialogue_board import DialogueBoard
from widgets.facilitator import FacilitatorPage
from widgets.first_plan import FirstPlan
from widgets.key_figures import TeamKeyFigures
from widgets.learning_cycle import LearningCycle
from widgets.meeting_plan import MeetingPlanner
from widgets.onboarding import OnboardingPlanner
from widgets.page import CoursePage
from widgets.planner import Planner
from widgets.question_builder import QuestionBuilder
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.shared import share_layouts_and_styles
from widgets.sorting import Sorting
from widgets.year_wheel import YearWheel

share_layouts_and_styles()  # before any widget is made: see widgets/shared.py
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
check_widgets()

__all__ = [
    "WIDGETS",
    "ActionPlan",
    "BridgingQuestions",
    "ConversationTrainer",
    "CoursePage",
    "DialogueBoard",
    "FacilitatorPage",
    "FirstPlan",
    "LearningCycle",
    "MeetingPlanner",
    "OnboardingPlanner",
    "Planner",
    "QuestionBuilder",
    "Ranking",
    "Rating",
    "Reflection",
    "Sorting",
    "TeamKeyFigures",
    "YearWheel",
]
