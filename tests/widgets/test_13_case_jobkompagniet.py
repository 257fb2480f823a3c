"""13 Case: Jobkompagniet, headless: the learning-goals planner and the case reflection."""

import base64
import io
import re

import docx

from course.workbook import WorkbookStore
from widgets import Planner, Reflection
from widgets.status import SaveState


def saved(workbook, exercise_id):
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def test_learning_goals_need_the_required_fields_then_become_word(content, workbook):
    ex = Planner(content.exercise("laeringsmaal"), workbook)
    ex.make_button.click()
    for label in (
        "Mit vigtigste læringsmål",
        "Sådan vil jeg øve mig i hverdagen",
        "Sådan kan jeg se, at jeg er lykkedes",
    ):
        assert f"Udfyld feltet »{label}«" in ex.result.value
    assert "Vælg en af mulighederne i »Hvordan følger vi op?«" in ex.result.value
    ex.controls["maal"].value = "At give sparring, hvor kollegaen selv finder svaret"
    ex.controls["oeve"].value = "I læringsgruppen"
    ex.controls["tegn"].value = "Kollegaerne kommer selv med løsninger"
    ex.controls["opfoelgning"].value = "Samtale med min leder"
    ex.make_button.click()
    assert "Dokumentet er klar" in ex.result.value
    link = re.search(r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', ex.result.value)
    assert link.group(1) == "Mine-individuelle-læringsmål-Karen-Jensen.docx"
    texts = [p.text for p in docx.Document(io.BytesIO(base64.b64decode(link.group(2)))).paragraphs]
    assert "Mine individuelle læringsmål" in texts and "I læringsgruppen" in texts
    assert "(ikke udfyldt)" in texts  # the optional second goal
    assert saved(workbook, "laeringsmaal")["fields"]["opfoelgning"] == "Samtale med min leder"


def test_the_case_reflection_is_saved_and_restored(content, workbook):
    Reflection(content.exercise("jobkompagniet_refleksion"), workbook).boxes[
        "ledelse"
    ].value = "Tid"
    again = Reflection(content.exercise("jobkompagniet_refleksion"), workbook)
    assert again.boxes["ledelse"].value == "Tid" and again.save_state is SaveState.RESTORED
