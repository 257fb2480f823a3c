"""Property-based: any text round-trips unchanged through content, workbook and exports."""

import io
import re
import shutil

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.content import load_course
from course.document import Document, Section, markdown_escape, to_docx
from course.workbook import WorkbookStore
from tests.conftest import ROOT

ANY_TEXT = st.text(max_size=300)
NO_SURROGATES = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(text=ANY_TEXT, key=st.text(min_size=1, max_size=40))
def test_any_answer_round_trips_through_save_load_download_and_import(tmp_path, text, key):
    store = WorkbookStore(tmp_path / "logbog")
    workbook = store.create("Karen", "Jobcenter")
    workbook.save_answer(key, {"tekst": text, "liste": [text]})
    assert store.open(workbook.id).answer(key) == {"tekst": text, "liste": [text]}
    imported = WorkbookStore(tmp_path / "andet").import_bytes(workbook.to_bytes())
    assert imported.answer(key) == {"tekst": text, "liste": [text]}


@SETTINGS
@given(text=NO_SURROGATES)
def test_markdown_export_shows_any_text_as_itself(text):
    escaped = markdown_escape(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == text.replace("\r\n", "\n")


@settings(max_examples=25, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200))
def test_word_export_keeps_any_printable_text(text):
    word = docx.Document(io.BytesIO(to_docx(Document("T", sections=[Section("H", [text])]))))
    assert word.paragraphs[-1].text == text


@SETTINGS
@given(
    text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300).filter(str.strip)
)
def test_any_non_blank_text_loads_unchanged_from_content_files(tmp_path, text):
    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(ROOT / "data", data)
    exercise = {
        "id": "egen",
        "kind": "refleksion",
        "minutes": 5,
        "social_form": "alene",
        "title": text,
        "prompts": [{"id": "p", "text": text}],
    }
    (data / "exercises" / "99_egen.yaml").write_text(
        yaml.safe_dump({"exercises": [exercise]}, allow_unicode=True), encoding="utf-8"
    )
    loaded = load_course(data).exercise("egen")
    assert loaded.title == text and loaded.prompts[0].text == text
