"""The course as plain Python: content, workbook, plans and exports. No widgets here."""

from course.content import ContentError, Course, check_notebooks, course, load_course
from course.workbook import Workbook, WorkbookError, WorkbookStore

__all__ = [
    "ContentError",
    "Course",
    "Workbook",
    "WorkbookError",
    "WorkbookStore",
    "check_notebooks",
    "course",
    "load_course",
]
