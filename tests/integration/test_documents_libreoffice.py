"""LibreOffice opens every exported document and turns it into a PDF with the text in it.

A file LibreOffice cannot convert would not open cleanly in Word either. Each
run uses its own LibreOffice profile so parallel runs do not collide, and a
timeout so a stuck conversion fails instead of hanging.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from exporters import ExportOptions
from exporters.docx_meeting import render_meeting_pack
from exporters.docx_plan import render_plan

pytestmark = pytest.mark.libreoffice

CONVERT_TIMEOUT_S = 300
MARKING = "OFFICIAL-SENSITIVE"


def _load_samples():
    # The sample plans live with the unit tests; load them by path so this
    # module does not depend on how pytest sets up imports.
    path = Path(__file__).resolve().parents[1] / "unit" / "exporters" / "export_samples.py"
    spec = importlib.util.spec_from_file_location("exporter_sample_plans", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


samples = _load_samples()


def _require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    message = (
        f"'{tool}' is not installed: install Debian's {package} "
        f"(sudo apt-get install {package}) to run the document conversion tests"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def soffice() -> str:
    return _require("soffice", "libreoffice-writer-nogui")


@pytest.fixture(scope="module")
def pdftotext() -> str:
    return _require("pdftotext", "poppler-utils")


def convert_to_pdf(soffice: str, files: list[Path], workdir: Path) -> list[Path]:
    profile = (workdir / "lo-profile").resolve()
    outdir = workdir / "pdf"
    outdir.mkdir()
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    # Its own process group, so a timed-out soffice and its children can be ended.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = process.communicate(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice took more than {CONVERT_TIMEOUT_S} s to convert {files}")
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    assert process.returncode == 0 and not missing, (
        f"conversion failed (exit {process.returncode}, missing {missing}):\n"
        f"{out.decode(errors='replace')}\n{err.decode(errors='replace')}"
    )
    return pdfs


def pdf_pages(pdftotext: str, pdf: Path) -> list[str]:
    result = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    return " ".join(text.split())


def check_every_page(pages: list[str]) -> None:
    total = len(pages)
    assert total >= 1
    for number, page in enumerate(pages, start=1):
        assert MARKING in page, f"page {number} has no protective marking"
        assert f"Page {number} of {total}" in flat(page), f"page {number} footer"


PLAN_TEXT = {
    "small": ["Draft safety plan for Leo and Mia", "Sam the social worker, Ms Khan and Nan"],
    "large": ["Draft safety plan for Child0, Child1, Child2 and Child3", "[S39]", "[D9]",
              "[ROLE29]"],
    "hostile": ["<script>alert('x')</script>", "{{ child_name }}", "Dollar"],
    "empty": ["Draft safety plan", "Nothing written here yet."],
}


@pytest.mark.parametrize("name", ["small", "large", "hostile", "empty"])
def test_documents_convert_to_pdf_with_their_text(name, soffice, pdftotext, tmp_path):
    plan = samples.SAMPLES[name]()
    options = {"today": samples.TODAY, "council_name": "Testshire",
               "council_phone": "01632 960000"}
    files = {
        "plan-worker": render_plan(plan, ExportOptions(version="worker", **options)),
        "plan-family": render_plan(plan, ExportOptions(version="family", **options)),
        "meeting-pack": render_meeting_pack(plan, ExportOptions(**options)),
    }
    paths = []
    for stem, data in files.items():
        path = tmp_path / f"{stem}.docx"
        path.write_bytes(data)
        paths.append(path)

    pdfs = convert_to_pdf(soffice, paths, tmp_path)
    text = {pdf.stem: pdf_pages(pdftotext, pdf) for pdf in pdfs}

    for stem, pages in text.items():
        check_every_page(pages)
    worker = flat("\n".join(text["plan-worker"]))
    family = flat("\n".join(text["plan-family"]))
    pack = flat("\n".join(text["meeting-pack"]))
    for document in (worker, family):
        for wanted in ["DRAFT", "What to do in an emergency", "999", "0808 800 5000",
                       "0800 1111", "01632 960000", *PLAN_TEXT[name]]:
            assert wanted in document, wanted
    assert "Worker version" in worker and "Change log" in worker
    assert "Times someone said a child might be in danger now" in worker
    assert "Family version" in family and "Change log" not in family
    assert pack.startswith(MARKING) and "Danger statements and safety goals" in pack
    assert "Since the last meeting" in pack
    if name == "large":
        assert re.search(r"Page 1 of (\d+)", worker) and len(text["plan-worker"]) > 20


def test_a_three_worry_meeting_pack_is_at_most_four_pages_before_its_appendices(
    soffice, pdftotext, tmp_path
):
    # Issue 15: a chair runs the meeting from the first four pages; the rest is
    # for looking things up. Three worries, three meetings with three scorers each,
    # five people expected today.
    plan = samples.three_worry_plan()
    path = tmp_path / "meeting-pack.docx"
    path.write_bytes(render_meeting_pack(plan, ExportOptions(today=samples.TODAY)))
    (pdf,) = convert_to_pdf(soffice, [path], tmp_path)
    pages = pdf_pages(pdftotext, pdf)
    check_every_page(pages)
    first_appendix = next(
        number for number, page in enumerate(pages, start=1)
        if re.search(r"^Appendix: ", page, re.MULTILINE)
    )
    before = first_appendix - 1
    assert before <= 4, [flat(p)[:80] for p in pages]
    text = flat("\n".join(pages[:before]))
    for wanted in ("Danger statements and safety goals", "What's working well?", "Score history",
                   "Scores today", "Timeline", "Since the last meeting",
                   "Decisions and next meeting", *(f"Worry {n}" for n in (1, 2, 3))):
        assert wanted in text, wanted
    # The pages as a chair sees them, for the closing note and a reviewer.
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "meeting-pack"
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf), str(folder / "page")],
                       check=True, timeout=120)
