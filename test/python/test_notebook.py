"""docs/notebooks/edgec.ipynb runs headless: every cell, in order, with
Debian's Python kernel; a failing cell fails the test."""
import os
import subprocess

from conftest import BUILD, SRC


def test_notebook_runs_headless(tmp_path):
    notebook = os.path.join(SRC, "docs", "notebooks", "edgec.ipynb")
    result = subprocess.run(
        ["jupyter-nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=600",
         "--ExecutePreprocessor.kernel_name=python3",
         "--output-dir", str(tmp_path), notebook],
        capture_output=True, text=True, cwd=os.path.dirname(notebook),
        # The kernel runs in the notebook's folder: an absolute path.
        env={**os.environ,
             "PYTHONPATH": os.path.abspath(os.path.join(BUILD, "python"))})
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "edgec.ipynb").exists()
