"""One set of warning boxes a handout: the safety section's, not a copy in every section.

Several sections carry their own "Call emergency services now if" and "Call your doctor soon if" boxes,
so that each reads well alone. Printed next to the red-flags section, which has fuller versions of the
same boxes, they only repeat it, and a patient who meets the same warning twice with different lists
cannot tell which one is complete. So a box declares what it is for (``purpose:`` in the section file,
never guessed from its words), and when the handout holds a safety section with a box for that purpose,
the other sections' boxes for it are left out here, in the resolve step, before layout sees them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from builder.content import Callout, Section

SAFETY = "safety"


def covered_purposes(sections: Sequence[Section]) -> frozenset[str]:
    """The purposes the handout's safety sections have a box for."""
    return frozenset(
        block.purpose
        for section in sections
        if section.kind == SAFETY
        for block in section.blocks
        if isinstance(block, Callout) and block.purpose is not None
    )


def without_repeated_boxes(sections: Sequence[Section]) -> tuple[Section, ...]:
    """``sections`` with every box whose purpose a safety section among them covers left out of the
    other sections; a safety section keeps all of its own boxes, and without one nothing changes."""
    covered = covered_purposes(sections)
    if not covered:
        return tuple(sections)
    return tuple(section if section.kind == SAFETY else _without(section, covered) for section in sections)


def _without(section: Section, purposes: frozenset[str]) -> Section:
    kept = tuple(
        block for block in section.blocks if not (isinstance(block, Callout) and block.purpose in purposes)
    )
    return section if len(kept) == len(section.blocks) else replace(section, blocks=kept)
