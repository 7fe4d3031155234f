"""The one module that writes files: atomically, so a failed build never leaves half a PDF behind
and never destroys the file that was there before; a new clinic folder never replaces a clinic file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from builder.errors import OutputError
from builder.validate import display_path

PDF_MAGIC = b"%PDF-"


def write_pdf(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it into place.

    An existing file is only replaced if it is itself a PDF: a mistyped ``-o notes.docx`` must not
    destroy someone's notes.
    """
    return write_pdfs([(path, data)])[0]


def write_pdfs(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several PDFs as ``write_pdf`` does; every target is checked before the first is written."""
    for path, _ in files:
        _check_target(path)
    for path, data in files:
        _write(path, data)
    return [path for path, _ in files]


def _check_target(path: Path) -> None:
    shown = display_path(path)
    if path.is_dir():
        raise OutputError(f"{shown}: is a folder; give a file name such as {shown}/handout.pdf")
    if path.exists() and not _is_pdf(path):
        raise OutputError(f"{shown}: already exists and is not a PDF; choose another output file")
    blocking = next((folder for folder in path.parents if folder.exists() and not folder.is_dir()), None)
    if blocking is not None:
        raise OutputError(
            f"{shown}: '{display_path(blocking)}' is a file, not a folder; choose another folder"
        )
    if path.suffix.lower() != ".pdf":  # else the file opens in no PDF viewer with a double-click
        named = path.with_suffix(".pdf") if path.suffix else path.with_name(path.name + ".pdf")
        raise OutputError(f"{shown}: a PDF's name ends in .pdf; use {display_path(named)}")


def _write(path: Path, data: bytes) -> None:
    shown = display_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write here ({exc.strerror}); choose another folder") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, _new_file_mode())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write the PDF ({exc.strerror}); choose another file") from None


def create_clinic_folder(folder: Path, clinic_yaml: str) -> Path:
    """Make ``folder`` with clinic.yaml, content/ and images/; never touch a file already there."""
    shown = display_path(folder)
    path = folder / "clinic.yaml"
    if path.exists():
        raise OutputError(f"{display_path(path)}: already exists; edit it, or choose a new folder name")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{shown}: is a file, not a folder; choose a new folder name")
    try:
        for sub in ("content", "images", "plans"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x" fails rather than replace a file
            try:
                file.write(clinic_yaml)
            except OSError:
                path.unlink(missing_ok=True)  # never leave half a clinic.yaml
                raise
    except FileExistsError:
        raise OutputError(
            f"{display_path(path)}: already exists; edit it, or choose a new folder name"
        ) from None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot create the clinic folder ({exc.strerror})") from None
    return path


def _new_file_mode() -> int:
    """The mode a plainly created file would get (mkstemp's private 0600 is wrong for a handout)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(PDF_MAGIC)) == PDF_MAGIC
    except OSError:
        return False
