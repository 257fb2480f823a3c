"""handleplan: what, who, when, with whom and how we will know it worked – for the project
period and for the next year, with checks of the dates and a timeline."""

from __future__ import annotations

from course import action_plan
from course.danish import danish_today
from widgets.base import exercise_kind
from widgets.plan_rows import RowPlanner


@exercise_kind("handleplan")
class ActionPlan(RowPlanner):
    picture_label = "Tjek og tegn tidslinjen"
    complete_message = "Planen er udfyldt, og datoerne hænger sammen."

    def groups(self) -> list[tuple[str, str]]:
        return action_plan.groups(self.definition)

    def _picture(self):
        if not action_plan.dated(self.rows):
            return None
        alt = (
            "Tidslinje over handleplanen: en bjælke for hver handling fra start til slut. "
            + action_plan.summary(self.definition, self.rows)
        )
        return action_plan.picture(
            self.definition, self.rows, today=self.today or danish_today()
        ), alt

    def _sections(self) -> list:
        return action_plan.document_sections(
            self.definition, self._read(), self.definition.title, today=self.today or danish_today()
        )
