"""Reusable exercise widgets for the course, built on ``course``."""

from widgets.conversation import ConversationTrainer
from widgets.bridging import BridgingQuestions
from widgets.dialogue_board import DialogueBoard
from widgets.meeting_plan import MeetingPlanner
from widgets.key_figures import TeamKeyFigures
from widgets.learning_cycle import LearningCycle
from widgets.page import KINDS, CoursePage
from widgets.planner import Planner
from widgets.question_builder import QuestionBuilder
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting

__all__ = ["KINDS", "BridgingQuestions", "ConversationTrainer", "CoursePage", "DialogueBoard",
           "LearningCycle", "MeetingPlanner", "Planner", "QuestionBuilder", "Ranking", "Rating",
           "Reflection", "Sorting", "TeamKeyFigures"]
