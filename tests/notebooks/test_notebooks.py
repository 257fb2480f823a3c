"""The notebooks: committed clean, thin, and runnable under papermill with parameters."""

import ast
import json

import papermill
import pytest

from course.content import load_course
from course.workbook import WorkbookStore
from tests.conftest import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def cells(path, kind="code"):
    return [
        c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == kind
    ]


PROGRAMME = load_course().programme
FACILITATOR = {s.notebook for s in PROGRAMME.facilitator}
PARTICIPANT_NOTEBOOKS = [p for p in NOTEBOOKS if p.name not in FACILITATOR]


def test_the_notebooks_are_numbered_and_in_the_programme():
    names = [p.name for p in NOTEBOOKS]
    linked = {s.notebook for s in PROGRAMME.sessions() if s.notebook}
    # Facilitator pages are notebooks too, but never in the participants' tracks.
    assert names and set(names) == linked | FACILITATOR
    assert FACILITATOR and not FACILITATOR & linked
    for name in names:
        assert name[:2].isdigit() and name.isascii(), name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in cells(path):
        assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameters_cell_and_every_other_cell_one_call(path):
    code = cells(path)
    tagged = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    for cell in code:
        if cell is tagged[0]:
            continue
        body = ast.parse("".join(cell["source"])).body
        calls = [s for s in body if not isinstance(s, (ast.Import, ast.ImportFrom))]
        assert len(calls) == 1, "".join(cell["source"])
        assert not any(isinstance(s, (ast.FunctionDef, ast.ClassDef)) for s in body)


@pytest.mark.parametrize("path", PARTICIPANT_NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_run_with_parameters_writes_the_workbook(path, tmp_path):
    folder = tmp_path / "logbog"
    output = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(output),
        cwd=str(NOTEBOOK_DIR),
        kernel_name="python3",
        progress_bar=False,
        parameters={
            "participant": "Åse Ørsted",
            "job_centre": "Jobcenter Ærø",
            "workbook_folder": str(folder),
        },
    )
    executed = json.loads(output.read_text(encoding="utf-8"))
    outputs = [o for c in executed["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert (
        sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs) >= 2
    )
    [file] = folder.glob("*.json")
    workbook = WorkbookStore(folder).open(file.stem)
    assert (workbook.name, workbook.job_centre) == ("Åse Ørsted", "Jobcenter Ærø")
    session = next(s.id for s in load_course().programme.sessions() if s.notebook == path.name)
    assert list(workbook.visited()) == [session]


def _run(path, tmp_path, parameters):
    output = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(output),
        cwd=str(NOTEBOOK_DIR),
        kernel_name="python3",
        progress_bar=False,
        parameters=parameters,
    )
    executed = json.loads(output.read_text(encoding="utf-8"))
    outputs = [o for c in executed["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    return json.dumps(executed["metadata"].get("widgets", {}), ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(FACILITATOR))
def test_facilitator_page_runs_locked_and_opens_with_the_servers_code(name, tmp_path, monkeypatch):
    path = NOTEBOOK_DIR / name
    folder = str(tmp_path / "logbog")
    monkeypatch.delenv("NOEGLEPERSONKURSUS_FACILITATORKODE", raising=False)
    locked = _run(path, tmp_path, {"facilitator_code": "GAET", "workbook_folder": folder})
    assert (
        "serveren er startet uden en facilitatorkode" in locked
        and "Timer til gruppearbejde" not in locked
    )
    monkeypatch.setenv("NOEGLEPERSONKURSUS_FACILITATORKODE", "K7M4QXPR2D")
    opened = _run(path, tmp_path, {"facilitator_code": "K7M4QXPR2D", "workbook_folder": folder})
    assert "Timer til gruppearbejde" in opened and "Opret workshop" in opened
