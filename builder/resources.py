"""Where the bundled library (sections, illustrations, demo clinic) lives.

An installed wheel carries it inside the package as ``builder/_bundled/``; a source checkout keeps the same
folders at the top of the repository, where a clinic's designer edits them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_ROOT = _PACKAGE / "_bundled" if (_PACKAGE / "_bundled").is_dir() else _PACKAGE.parent

BUNDLED_CONTENT = _ROOT / "content"
BUNDLED_IMAGES = _ROOT / "images"
BUNDLED_PLANS = _ROOT / "plans"
DEMO_CLINIC = _ROOT / "demo-clinic"


def is_bundled(path: Path) -> bool:
    """True for a file or folder that ships with handout rather than one a clinic made."""
    resolved = path.resolve()
    return any(
        resolved.is_relative_to(folder)
        for folder in (BUNDLED_CONTENT, BUNDLED_IMAGES, BUNDLED_PLANS, DEMO_CLINIC)
    )
