"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.conversation import ConversationTrainer
from widgets.bridging import BridgingQuestions
from widgets.dialogue_board import DialogueBoard
from widgets.meeting_plan import MeetingPlanner
from widgets.key_figures import TeamKeyFigures
from widgets.learning_cycle import LearningCycle
from widgets.action_plan import ActionPlan
from widgets.first_plan import FirstPlan
from widgets.onboarding import OnboardingPlanner
from widgets.facilitator import FacilitatorPage
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.question_builder import QuestionBuilder
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting
from widgets.year_wheel import YearWheel

__all__ = ["KINDS", "ActionPlan", "BridgingQuestions", "ConversationTrainer", "CoursePage",
           "DialogueBoard", "FacilitatorPage", "FirstPlan", "LearningCycle", "MeetingPlanner",
           "OnboardingPlanner", "Planner", "QuestionBuilder", "Ranking", "Rating", "Reflection",
           "Sorting", "TeamKeyFigures", "YearWheel"]
