"""The quickstart notebook runs from top to bottom, so it can never rot."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"


@pytest.mark.slow
def test_quickstart_notebook_executes(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    # The map displays inline: an iframe holding the self-contained Leaflet page.
    assert any("<iframe" in h and "leaflet" in h.lower() for h in html)
    text = "\n".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "Sa'sa'" in text  # "Saasaa" resolved to the town in Rif Dimashq
    assert "place features" in text
