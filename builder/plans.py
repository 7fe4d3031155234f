"""Saved plans: a recipe a therapist builds again and again (which sections, in which order, the doses,
a note, paper, handout or booklet), kept as a YAML file a clinic edits like a section.

Bundled plans ship in ``plans/``; a clinic keeps its own in its folder's ``plans/``, where one with a
bundled plan's id replaces it. Every plan is checked against the library it will be built from, so a
plan naming a section that does not exist is an error with the plan's file and line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.config import PAPERS, TRANSLATIONS
from builder.content import ID_PATTERN, SCHEDULE_DAYS, Section
from builder.errors import ConfigError, UnknownPlanError
from builder.prescription import LIMITS, DoseError, dose_value
from builder.resources import BUNDLED_PLANS
from builder.validate import Checker, did_you_mean, display_path
from builder.words import SOURCE_LANGUAGE
from builder.yamlfile import YamlFileError, read_yaml

PLAN_KEYS = (
    "title",
    "summary",
    "format",
    "paper",
    "sections",
    "doses",
    "note",
    "ice_days",
    "schedule_days",
    "log",
    *TRANSLATIONS,
)
PLAN_WORDS = ("title", "summary", "note")
"""The plan's keys that it may give again in another language, under that language's code."""
FORMATS = ("handout", "booklet")
ICE_DAYS = (2, 3)  # ice for the first 48 to 72 hours, as the heat-ice section says; then heat


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    summary: str
    sections: tuple[str, ...]
    doses: Mapping[str, Mapping[str, str]]
    """Dose fields by section id, checked, as text: a therapist's --set changes go over them."""
    note: str
    paper: str | None
    booklet: bool
    source: Path
    ice_days: int | None = None
    """Days of ice before heat in the ice-and-heat schedule (None: the section's own)."""
    schedule_days: int | None = None
    """How many days the schedule covers: 7 or 14 (None: the section's own)."""
    log: bool = False
    """Add the exercise log."""
    translations: Mapping[str, Mapping[str, str]] = dataclasses.field(default_factory=dict)
    """Its title, summary and note in other languages: {"es": {"title": ...}}."""

    def text_in(self, lang: str) -> tuple[str | None, str]:
        """The title and the note a handout in ``lang`` prints. A plan without a title in that language
        leaves it to the handout's default there; its note, the therapist's own words, prints as given."""
        if lang == SOURCE_LANGUAGE:
            return self.title, self.note
        own = self.translations.get(lang, {})
        return own.get("title"), own.get("note", self.note)


@dataclass(frozen=True)
class Plans:
    """Every plan that reads well, and the problems of those that do not, by plan id: one broken plan
    file must not stop the others."""

    plans: dict[str, Plan]
    problems: dict[str, list[str]]


def load_plans(clinic_plans: Path | None, sections: Mapping[str, Section]) -> Plans:
    """Every plan, bundled then the clinic's (same id: the clinic's wins), checked against ``sections``."""
    plans: dict[str, Plan] = {}
    problems: dict[str, list[str]] = {}
    for folder in (BUNDLED_PLANS, clinic_plans):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            plan, found = _read_plan(path, sections)
            plans.pop(path.stem, None)
            problems.pop(path.stem, None)
            if plan is not None:
                plans[plan.id] = plan
            else:
                problems[path.stem] = found
    return Plans(plans, problems)


def find_plan(name: str, found: Plans) -> Plan:
    """The plan called ``name``: a usage error when there is none (with the closest name), the plan
    file's problems when it does not read well."""
    wanted = name.strip().lower()
    if wanted in found.problems:
        raise ConfigError(found.problems[wanted])
    plan = found.plans.get(wanted)
    if plan is None:
        hint = did_you_mean(name, [*found.plans, *found.problems])
        raise UnknownPlanError(f"unknown plan '{name}'{hint}; run 'handout plans' to see them all")
    return plan


def _read_plan(path: Path, sections: Mapping[str, Section]) -> tuple[Plan | None, list[str]]:
    plan_id = path.stem
    if not ID_PATTERN.match(plan_id):
        return None, [f"{display_path(path)}: a plan's file name must use only a-z, 0-9 and dashes"]
    try:
        located = read_yaml(path)
    except YamlFileError as exc:
        return None, [exc.message(display_path(path))]
    check = Checker(path, located)
    top = check.mapping(located.data, (), PLAN_KEYS)
    if top is None:
        return None, check.problems
    ids = check.texts(top.get("sections"), ("sections",))
    for index, section_id in enumerate(ids):
        if section_id not in sections:
            hint = did_you_mean(section_id, sections)
            check.problem(("sections", index), f"no section '{section_id}'{hint}; see 'handout list'")
    plan = Plan(
        id=plan_id,
        title=check.text(top, (), "title"),
        summary=check.text(top, (), "summary", required=False),
        sections=ids,
        doses=_doses(check, top.get("doses"), ids, sections),
        note=check.text(top, (), "note", required=False),
        paper=(check.choice(top, (), "paper", PAPERS, any_case=True) or None) if "paper" in top else None,
        booklet="format" in top and check.choice(top, (), "format", FORMATS) == "booklet",
        source=path,
        ice_days=check.whole(top, (), "ice_days", ICE_DAYS) if "ice_days" in top else None,
        schedule_days=check.whole(top, (), "schedule_days", SCHEDULE_DAYS)
        if "schedule_days" in top
        else None,
        log="log" in top and check.choice(top, (), "log", ("yes", "no"), any_case=True) == "yes",
        translations={code: _words(check, top[code], code) for code in TRANSLATIONS if code in top},
    )
    return (None if check.problems else plan), check.problems


def _words(check: Checker, value: Any, code: str) -> dict[str, str]:
    """The plan's title, summary and note in the language ``code``; any may be left out."""
    given = check.mapping(value, (code,), PLAN_WORDS) or {}
    found = {key: check.text(given, (code,), key, required=False) for key in PLAN_WORDS if key in given}
    return {key: text for key, text in found.items() if text}


def _doses(
    check: Checker, value: Any, ids: tuple[str, ...], sections: Mapping[str, Section]
) -> dict[str, dict[str, str]]:
    """``doses:`` as {section: {field: value}}: each section one of the plan's exercises, each value one
    a dose can have."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        check.problem(("doses",), "must be a mapping of exercise ids to their dose fields")
        return {}
    doses: dict[str, dict[str, str]] = {}
    for section_id, fields in value.items():
        where = ("doses", str(section_id))
        section = sections.get(str(section_id))
        if section_id not in ids:
            check.problem(where, f"'{section_id}' is not one of this plan's sections ({', '.join(ids)})")
            continue
        if section is not None and section.kind != "exercise":
            check.problem(where, f"'{section_id}' is not an exercise, so it has no dose")
            continue
        for field, text in (check.mapping(fields, where, LIMITS) or {}).items():
            if field not in LIMITS:
                continue
            try:
                dose_value(field, check.value_text(text, (*where, field)))
            except DoseError as exc:
                check.problem((*where, field), str(exc).removeprefix(f"{field} "))
                continue
            doses.setdefault(str(section_id), {})[field] = str(text).strip()
    return doses
