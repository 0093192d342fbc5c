"""The notebooks: stored without outputs, using only the public API, and each runs top to bottom
on a fresh kernel, writing its figures to `<output>/figures/*.png`."""

from __future__ import annotations

import json
import re
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import DATA, ROOT

NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_corpus.ipynb", "02_metrics_by_province.ipynb", "03_people.ipynb", "04_data_quality.ipynb"]

# The figures each notebook writes on the default corpus (the workbook's Charts sheet embeds them).
FIGURES = {
    "01_corpus.ipynb": [
        "01_articles_per_language",
        "01_articles_per_publisher",
        "01_cleaning",
        "01_segments",
    ],
    "02_metrics_by_province.ipynb": [
        "02_figures_per_province",
        "02_shared_indicators",
        "02_task_completion",
        "02_national_vs_provincial",
    ],
    "03_people.ipynb": ["03_people_per_province", "03_roles", "03_people_in_several_articles"],
    "04_data_quality.ipynb": ["04_findings_by_check", "04_findings_per_document"],
}
# Drawn only when the toolkit scores documents (the quality_score column).
SCORE_FIGURES = ["04_quality_score_per_document", "04_quality_score_per_province"]

# What a notebook may import from the toolkit: the public API, never the stages' insides.
PUBLIC = {"toolkit", "toolkit.plots", "toolkit.catalogues", "toolkit.quality"}


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_every_notebook_of_the_folder_is_listed_here():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs_so_diffs_stay_readable(name):
    for cell in code_cells(read(name)):
        assert cell.outputs == [], cell.source[:60]
        assert cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_starts_with_a_title_then_its_parameter_cell(name):
    nb = read(name)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    params = code_cells(nb)[0]
    assert "parameters" in params.metadata.get("tags", [])
    for word in ("INPUT", "OUTPUT", "TOOLKIT_INPUT", "TOOLKIT_OUTPUT", '"../data"', '"../exports"'):
        assert word in params.source


@pytest.mark.parametrize("name", NAMES)
def test_notebook_imports_only_the_public_api(name):
    source = "\n".join(c.source for c in code_cells(read(name)))
    imported = set(re.findall(r"^\s*(?:import|from)\s+(toolkit[\w.]*)", source, flags=re.M))
    assert imported and imported <= PUBLIC, imported - PUBLIC


@pytest.mark.parametrize("name", NAMES)
def test_notebook_explains_what_it_shows(name):
    nb = read(name)
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= len(code_cells(nb)) // 2


@pytest.fixture
def venv_kernel(tmp_path, monkeypatch):
    """A `python3` kernelspec running this very interpreter (the venv's), found before any other.

    JUPYTER_PATH comes first in Jupyter's search, so a `python3` kernel installed
    for the user or the system (another Python, without the toolkit) cannot be
    picked up instead.
    """
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3 (toolkit venv)", "language": "python"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return "python3"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_on_a_fresh_kernel_and_writes_its_figures(
    name, venv_kernel, tmp_path, monkeypatch, seed_result
):
    out = tmp_path / "exports"
    monkeypatch.setenv("TOOLKIT_INPUT", str(DATA))
    monkeypatch.setenv("TOOLKIT_OUTPUT", str(out))
    nb = read(name)
    client = NotebookClient(
        nb, kernel_name=venv_kernel, timeout=120, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    began = time.perf_counter()
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any error
    seconds = time.perf_counter() - began

    ran = [c for c in code_cells(nb) if c.execution_count is not None]
    assert len(ran) == len(code_cells(nb))
    assert not [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    expected = list(FIGURES[name])
    if name.startswith("04") and "quality_score" in seed_result.documents.columns:
        expected += SCORE_FIGURES  # the scores are plotted whenever the toolkit computes them
    for figure in expected:
        png = out / "figures" / f"{figure}.png"
        assert png.read_bytes().startswith(b"\x89PNG"), png
    print(f"{name}: {seconds:.1f} s")  # shown with -s; a time budget belongs in benchmarks/, not here
