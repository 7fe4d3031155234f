"""Handouts in Spanish: every section and every fixed word on the page, a missing translation named (or
printed in English with --fallback), `list --lang es`, the clinic's and the plans' own Spanish words, and
the line offering each handout in large print and the other language."""

from __future__ import annotations

import datetime
import json
import logging
import re
from dataclasses import fields
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.api import Personal, build_booklet, build_handout, build_plan, list_sections
from builder.schedule import ScheduleChoice
from builder.validate import display_path
from builder.words import ENGLISH, LANGUAGES, SPANISH, Words
from conftest import page_texts, run

LIBRARY = list_sections()
SECTION_IDS = sorted(LIBRARY.sections)
ENGLISH_ONLY = """\
id: desk-stretch
title: A stretch at your desk
kind: tips
summary: One stretch to do at work.
blocks:
  - paragraph: Stand up once an hour and reach up.
"""
ON_PAGE_IN_ENGLISH = (  # fixed words of an English page that a Spanish page must never show
    "Page ",
    "Your dose",
    "Questions?",
    "Name",
    "Date",
    "Reviewed",
    "next review",
    "Repeat",
    "How often",
    "Opening hours",
    "After hours",
    "Yes:",
    "Avoid:",
    "Day 1",
    "Morning",
    "Evening",
    "Your therapist",
    "Ask us for this leaflet",
)


def words(text: str) -> str:
    return " ".join(text.split())


def text_of(pdf: Path) -> str:
    return words(" ".join(page_texts(pdf)))


@pytest.mark.parametrize("section_id", SECTION_IDS)
@pytest.mark.parametrize("large_print", [False, True], ids=["regular", "large-print"])
def test_every_section_builds_in_spanish_and_english(
    section_id: str, large_print: bool, tmp_path: Path
) -> None:
    for lang in ("en", "es"):
        pdf = build_handout(
            [section_id], tmp_path / f"{lang}.pdf", personal=Personal(large_print=large_print, lang=lang)
        ).path
        text = text_of(pdf)
        assert words(LIBRARY.in_language(lang)[section_id].title) in text
        assert PdfReader(pdf).root_object["/Lang"] == ("es-419" if lang == "es" else "en")
    assert "Página 1 de" in text


def test_a_spanish_page_has_no_english_fixed_words(tmp_path: Path) -> None:
    pdf = build_handout(
        ["sleep", "dislocates", "heat-ice", "red-flags"],
        tmp_path / "es.pdf",
        personal=Personal(lang="es", log=True),
    ).path
    text = text_of(pdf)
    assert [word for word in ON_PAGE_IN_ENGLISH if word in text] == []
    for spanish in (
        "Su plan de cuidado en casa",
        "Nombre",
        "Fecha",
        "¿Preguntas? Llámenos",
        f"Página 1 de {len(PdfReader(pdf).pages)}",
        "Su dosis Repita 8 veces Cada cuánto 1 vez al día, 5 días a la semana",
        "Sí: De lado",
        "Evite: Boca abajo",
        "Su primera semana Día Qué usar Cuánto tiempo Mañana Tarde Noche",
        "Día 1 Hielo",
        "Día 4 Calor",
        "Mi registro de ejercicios",
        "Semana 1",
        "Dolor (0 a 10)",
        "Fuera de horario: Si necesita consejo urgente",
        "Consejos generales. No reemplazan la atención de su propio terapeuta o médico.",
        "Revisado en nov. 2026, próxima revisión en nov. 2029.",
        "Ref.: sleep v1, dislocates v1, heat-ice v1, red-flags v1.",
    ):
        assert spanish in text, spanish
    # The contact panel: where a page is to be saved it may be left out, so it is read on a short handout.
    panel = text_of(
        build_handout(["sleep", "red-flags"], tmp_path / "p.pdf", personal=Personal(lang="es")).path
    )
    assert "¿Preguntas? Comuníquese con nosotros" in panel
    assert "Horario de atención Lunes a viernes, de 7:30 a. m. a 7 p. m." in panel


def test_dates_and_the_dose_are_in_spanish(tmp_path: Path) -> None:
    pdf = build_handout(
        ["dislocates", "heat-ice"],
        tmp_path / "es.pdf",
        personal=Personal(
            changes={
                "dislocates": {"reps": "1", "hold": "1", "sets": "3", "times_per_day": "2", "weeks": "1"}
            },
            schedule=ScheduleChoice(start=datetime.date(2026, 12, 1)),
            lang="es",
        ),
    ).path
    text = text_of(pdf)
    assert (
        "Su dosis Repita 1 vez Sostenga 1 segundo cada vez Series 3, con un descanso corto entre una y otra"
        " Cada cuánto 2 veces al día, 5 días a la semana Durante 1 semana" in text
    )
    assert "mar. 1/12 Hielo" in text
    assert "lun. 7/12 Calor" in text


def test_the_patient_line_and_date_in_spanish(workdir: Path) -> None:
    result = run(
        "build",
        "-s",
        "sleep",
        "--lang",
        "es",
        "--patient",
        "María Núñez",
        "--date",
        "2026-12-01",
        "-o",
        "a.pdf",
    )
    assert result.exit_code == 0, result.output
    assert "Nombre María Núñez Fecha 1 de diciembre de 2026" in words(page_texts(Path("a.pdf"))[0])


def test_a_spanish_booklet_has_spanish_pages_and_labels(tmp_path: Path) -> None:
    pdf = build_booklet(
        ["sleep", "dislocates", "red-flags"], tmp_path / "b.pdf", personal=Personal(lang="es")
    ).path
    reader = PdfReader(pdf)
    labels = reader.page_labels
    assert labels[0] == "Portada" and labels[-1] == "Contraportada"
    text = text_of(pdf)
    for spanish in (
        "Contenido",
        "En este folleto:",
        "Preparado para",
        "Mis notas",
        "Llame a emergencias ahora mismo si",
    ):
        assert spanish in text, spanish
    assert reader.metadata.subject.startswith("Folleto para el paciente: Duerma de lado o boca arriba")


def test_a_plan_prints_its_spanish_title(tmp_path: Path) -> None:
    result = build_plan("neck-and-sleep", tmp_path / "p.pdf", personal=Personal(lang="es"))
    assert "Alivie el dolor de cuello por la noche" in text_of(result.path)
    assert "Easing neck pain at night" not in text_of(result.path)


def test_each_handout_offers_large_print_and_the_other_language(tmp_path: Path) -> None:
    english = text_of(build_handout(["sleep"], tmp_path / "en.pdf").path)
    assert "Ask us for this leaflet in large print. También disponible en español." in english
    spanish = text_of(build_handout(["sleep"], tmp_path / "es.pdf", personal=Personal(lang="es")).path)
    assert "Pida esta hoja con letra grande. Also available in English." in spanish
    large = text_of(build_handout(["sleep"], tmp_path / "lp.pdf", personal=Personal(large_print=True)).path)
    assert "large print" not in large
    assert "También disponible en español." in large


def test_a_section_without_a_translation_is_named_with_its_language(workdir: Path) -> None:
    Path("content").mkdir()
    Path("content/desk-stretch.yaml").write_text(ENGLISH_ONLY)
    result = run("build", "--content", "content", "-s", "sleep,desk-stretch", "--lang", "es")
    assert result.exit_code == 2
    assert result.output == (
        "Error: section 'desk-stretch' has no Spanish version; add content/es/desk-stretch.yaml, or use"
        " --fallback en to print it in English with a note\n"
    )
    assert not Path("output/handout.pdf").exists()


def test_the_missing_translation_is_named_where_the_clinic_keeps_its_sections(workdir: Path) -> None:
    run("init", "my-clinic")
    Path("my-clinic/content/desk-stretch.yaml").write_text(ENGLISH_ONLY)
    Path("my-clinic/content/walk.yaml").write_text(ENGLISH_ONLY.replace("desk-stretch", "walk"))
    result = run("build", "--clinic", "my-clinic", "-s", "walk,sleep,desk-stretch", "--lang", "es")
    assert result.exit_code == 2
    assert result.output == (
        "Error: sections 'walk' and 'desk-stretch' have no Spanish version; add"
        " my-clinic/content/es/walk.yaml and my-clinic/content/es/desk-stretch.yaml, or use --fallback en"
        " to print them in English with a note\n"
    )


def test_a_translation_that_leaves_out_a_step_is_not_built(workdir: Path) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    (workdir / "content" / "reach.yaml").write_text(REACH_EN)
    (workdir / "content" / "es" / "reach.yaml").write_text(REACH_ES.replace('version: "1"', 'version: "2"'))
    assert run("build", "--content", "content", "-s", "reach,red-flags").exit_code == 0
    result = run("build", "--content", "content", "-s", "reach,red-flags", "--lang", "es", "-o", "es.pdf")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {problem}" for problem in TRANSLATION_PROBLEMS[:2]]
    assert not Path("es.pdf").exists()


def test_fallback_prints_the_english_section_with_a_note(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    Path("content").mkdir()
    Path("content/desk-stretch.yaml").write_text(ENGLISH_ONLY)
    with caplog.at_level(logging.WARNING):
        result = run(
            "build", "--content", "content", "-s", "sleep,desk-stretch", "--lang", "es", "--fallback", "en"
        )
    assert result.exit_code == 0, result.output
    text = text_of(Path("output/handout.pdf"))
    assert "Duerma de lado o boca arriba" in text
    assert (
        "A stretch at your desk Esta parte todavía no está en español. Por eso está en inglés."
        " Stand up once an hour" in text
    )
    assert "Pida esta hoja con letra grande. Also available in English." in text
    assert caplog.messages == [
        "content/desk-stretch.yaml: has no Spanish version, so it prints in English, with a note saying so"
    ]


def test_list_in_spanish_marks_a_section_without_a_translation(workdir: Path) -> None:
    Path("content").mkdir()
    Path("content/desk-stretch.yaml").write_text(ENGLISH_ONLY)
    result = run("list", "--content", "content", "--lang", "es")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "sleep                   tips      en es  Duerma de lado o boca arriba" in lines
    assert "desk-stretch            tips      en --  A stretch at your desk  [no Spanish version]" in lines


def test_a_section_written_only_in_spanish_builds_in_spanish(workdir: Path) -> None:
    Path("content/es").mkdir(parents=True)
    Path("content/es/estiramiento.yaml").write_text(
        "id: estiramiento\ntitle: Un estiramiento en el trabajo\nkind: tips\nsummary: Uno.\nblocks:\n"
        "  - paragraph: Párese una vez por hora.\n"
    )
    assert run("build", "--content", "content", "-s", "estiramiento", "--lang", "es").exit_code == 0
    result = run("build", "--content", "content", "-s", "estiramiento")
    assert result.exit_code == 2
    assert result.output == (
        "Error: section 'estiramiento' has no English version; add content/estiramiento.yaml, or choose the"
        " language it is written in with --lang\n"
    )


def test_an_unknown_language_is_a_usage_error(workdir: Path) -> None:
    result = run("build", "-s", "sleep", "--lang", "fr")
    assert result.exit_code == 2
    assert "Invalid value for '--lang': 'fr' is not one of 'en', 'es'." in result.output
    assert run("build", "-s", "sleep", "--lang", "ES").exit_code == 0


def test_a_fallback_to_the_handouts_own_language_is_a_usage_error(workdir: Path) -> None:
    result = run("build", "-s", "sleep", "--fallback", "en")
    assert result.exit_code == 2
    assert result.output == (
        "Error: --fallback en: the handout is in English already; use --fallback with --lang, for sections"
        " not written in that language\n"
    )


def test_the_clinics_words_without_spanish_print_in_english_with_a_warning(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    Path("clinic.yaml").write_text(
        "name: Lakeside Physio\ndisclaimer: General advice only.\nhours: Mon-Fri\n"
    )
    with caplog.at_level(logging.WARNING):
        result = run("build", "-s", "sleep", "--lang", "es")
    assert result.exit_code == 0, result.output
    assert caplog.messages == [
        "clinic.yaml: hours and disclaimer have no Spanish words, so Spanish handouts print them in English;"
        " add them under es:"
    ]
    assert "General advice only." in text_of(Path("output/handout.pdf"))


def test_a_mistake_in_the_clinics_spanish_words_is_named_with_its_line(workdir: Path) -> None:
    Path("clinic.yaml").write_text("name: Lakeside Physio\nes:\n  disclaimr: Consejos generales.\n")
    result = run("build", "-s", "sleep")
    assert result.exit_code == 1
    assert result.output == ("Error: clinic.yaml:3: es.disclaimr: unknown key (did you mean 'disclaimer'?)\n")


EXERCISE = """\
id: reach
title: {title}
kind: exercise
summary: {summary}
version: "{version}"
dose:
  reps: {reps}
blocks:
  - paragraph: {intro}
  - steps:
{steps}
  - callout:
      style: stop
      bullets: [{stop}]
"""
REACH_EN = EXERCISE.format(
    title="Reach up",
    summary="Reach up slowly.",
    version=2,
    reps=5,
    intro="Stand up straight.",
    steps="      - text: Lift your arms.\n      - text: Lower your arms.",
    stop="It hurts.",
)
REACH_ES = EXERCISE.format(
    title="Estírese hacia arriba",
    summary="Estírese despacio.",
    version=1,
    reps=6,
    intro="Párese derecho.",
    steps="      - text: Suba los brazos y bájelos.",
    stop="Le duele.",
)
TIP_EN = (
    "id: walk\ntitle: Walk\nkind: tips\nsummary: Walk.\nblocks:\n  - paragraph: Walk a little every day.\n"
)
TIP_ES_AS_INFO = (
    "id: walk\ntitle: Camine\nkind: info\nsummary: Camine.\nblocks:\n"
    "  - paragraph: Camine un poco cada día.\n"
)
HARD_ES = (
    "id: hard\ntitle: Consideraciones\nkind: info\nsummary: Difícil.\nblocks:\n"
    "  - paragraph: La inflamación musculoesquelética consecutiva a traumatismos requiere intervenciones"
    " fisioterapéuticas individualizadas y multidisciplinarias.\n"
)
SLEEP_EN = (
    "id: sleep\ntitle: Our sleep advice\nkind: tips\nsummary: Ours.\nblocks:\n  - paragraph: Sleep well.\n"
)
TRANSLATION_FINDINGS = [
    "content/es/hard.yaml: reads at -79.3 on the INFLESZ scale (muy difícil), below the target of 55;"
    " use shorter sentences and everyday words",
    "content/es/hard.yaml: 'inflamación' is a medical word; say 'hinchazón', or explain it",
    "content/es/hard.yaml: 'musculoesquelético' is a medical word; say 'de los músculos y los huesos',"
    " or explain it",
    "content/es/hard.yaml: 'intervención' is a medical word; say 'tratamiento', or explain it",
    "content/es/reach.yaml: translates version 1 of content/reach.yaml, which is version 2; bring the"
    " translation up to date, then set version: 2",
    "content/sleep.yaml: has no Spanish translation; add content/es/sleep.yaml",
]
TRANSLATION_PROBLEMS = [
    "content/es/reach.yaml: blocks[1].steps has 1 steps but content/reach.yaml has 2; translate every"
    " step, one for one",
    "content/es/reach.yaml: dose: differs from content/reach.yaml; a translation keeps its source's dose",
    "content/es/walk.yaml: kind: 'info' but content/walk.yaml is 'tips'; a translation keeps its source's"
    " kind",
]


def test_check_compares_each_translation_with_its_source(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    for name, text in {
        "reach.yaml": REACH_EN,
        "es/reach.yaml": REACH_ES,
        "walk.yaml": TIP_EN,
        "es/walk.yaml": TIP_ES_AS_INFO,
        "es/hard.yaml": HARD_ES,
        "sleep.yaml": SLEEP_EN,
    }.items():
        (workdir / "content" / name).write_text(text)
    with caplog.at_level(logging.WARNING):
        result = run("check", "--content", "content")
    assert result.exit_code == 1
    assert sorted(caplog.messages) == sorted(TRANSLATION_FINDINGS)
    assert result.stderr.splitlines()[1:] == [f"Error: {problem}" for problem in TRANSLATION_PROBLEMS]
    assert (
        "In Spanish     20 of 21 sections; without: sleep (they print in English with --fallback en);"
        " only in Spanish: hard"
    ) in result.stdout.splitlines()
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith(("hard ", "reach "))]
    assert [row[:2] for row in rows] == [["hard", "es"], ["reach", "en"], ["reach", "es"]]
    assert rows[0][2:] == ["-", "-", "-79.3", "13"]
    assert rows[1][4] == "-" and float(rows[1][2]) < 8  # English: a grade and SMOG, no INFLESZ
    assert rows[2][2:4] == ["-", "-"] and float(rows[2][4]) > 55  # Spanish: INFLESZ only


def test_a_missing_translation_is_warned_about_where_the_clinic_translates(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    (workdir / "content" / "walk.yaml").write_text(TIP_EN)
    (workdir / "content" / "reach.yaml").write_text(REACH_EN)
    (workdir / "content" / "es" / "reach.yaml").write_text(REACH_EN.replace("Reach up", "Estírese"))
    with caplog.at_level(logging.WARNING):
        result = run("check", "--content", "content")
    assert result.exit_code == 0, result.output
    assert caplog.messages == ["content/walk.yaml: has no Spanish translation; add content/es/walk.yaml"]


def test_the_bundled_library_passes_check_in_both_languages(workdir: Path) -> None:
    result = run("check", "--strict", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["warnings"] == [] and report["problems"] == []
    languages = {(row["id"], row["language"]) for row in report["sections"]}
    assert languages == {(i, lang) for i in SECTION_IDS for lang in ("en", "es")}
    assert all(row["inflesz"] >= 65 for row in report["sections"] if row["language"] == "es")


def test_a_clinic_sets_its_own_reading_targets(workdir: Path) -> None:
    Path("clinic.yaml").write_text("name: Lakeside Physio\nreading:\n  grade: 4\n  inflesz: 85\n")
    result = run("check", "--clinic", ".", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    below = {row["file"] for row in report["sections"] if row["language"] == "es" and row["inflesz"] < 85}
    above = {row["file"] for row in report["sections"] if row["language"] == "en" and row["grade"] > 4}
    flagged = {warning.split(": reads at")[0] for warning in report["warnings"] if ": reads at" in warning}
    assert below and flagged == below | above
    assert all(
        warning.endswith("below the target of 85; use shorter sentences and everyday words")
        for warning in report["warnings"]
        if "INFLESZ" in warning
    )


def test_a_reading_target_out_of_range_is_named_with_its_line(workdir: Path) -> None:
    Path("clinic.yaml").write_text("name: Lakeside Physio\nreading:\n  grade: 14\n")
    result = run("check", "--clinic", ".")
    assert result.exit_code == 1
    assert "Error: clinic.yaml:3: reading.grade: '14' must be 4 to 12" in result.output


def test_a_clinics_own_english_section_is_not_printed_with_our_spanish_one(workdir: Path) -> None:
    Path("content").mkdir()
    Path("content/sleep.yaml").write_text(SLEEP_EN)
    result = run("build", "--content", "content", "-s", "sleep", "--lang", "es")
    assert result.exit_code == 2
    assert result.output.startswith(
        "Error: section 'sleep' has no Spanish version; add content/es/sleep.yaml"
    )
    assert run("build", "--content", "content", "-s", "sleep", "-o", "en.pdf").exit_code == 0
    english = text_of(Path("en.pdf"))
    assert "Our sleep advice" in english and "español" not in english  # no Spanish version to offer


def test_a_translation_that_turns_a_stop_box_into_a_tip_is_named(workdir: Path) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    (workdir / "content" / "reach.yaml").write_text(REACH_EN)
    softened = REACH_EN.replace("style: stop", "style: tip").replace("Reach up", "Estírese")
    (workdir / "content" / "es" / "reach.yaml").write_text(softened)
    result = run("build", "--content", "content", "-s", "reach", "--lang", "es")
    assert result.exit_code == 1
    assert result.output == (
        "Error: content/es/reach.yaml: blocks[2].callout: style: tip, but stop in content/reach.yaml;"
        " a translation keeps its source's style\n"
    )


def test_an_english_file_linked_in_as_spanish_is_refused(workdir: Path) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    (workdir / "content" / "walk.yaml").write_text(TIP_EN)
    (workdir / "content" / "es" / "walk.yaml").symlink_to(workdir / "content" / "walk.yaml")
    result = run("build", "--content", "content", "-s", "walk")
    assert result.exit_code == 1
    assert result.output == (
        "Error: content/es/walk.yaml: links to a file outside content/es/; copy the section file itself"
        " into the folder\n"
    )


def test_a_language_folder_given_as_the_content_folder_is_refused(workdir: Path) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    (workdir / "content" / "es" / "walk.yaml").write_text(TIP_ES_AS_INFO)
    result = run("build", "--content", "content/es", "-s", "walk")
    assert result.exit_code == 2
    assert result.output == (
        "Error: content/es: holds the Spanish versions of the sections in the folder above it; give that"
        " folder, content\n"
    )


def test_an_english_handout_says_which_language_a_fallback_section_is_in(workdir: Path) -> None:
    Path("content/es").mkdir(parents=True)
    Path("content/es/walk.yaml").write_text(TIP_ES_AS_INFO)
    result = run("build", "--content", "content", "-s", "walk,sleep", "--fallback", "es")
    assert result.exit_code == 0, result.output
    assert "This part is not yet available in English, so it is printed in Spanish." in text_of(
        Path("output/handout.pdf")
    )


def test_every_language_has_the_same_words_to_fill_in() -> None:
    def slots(value: object) -> object:
        if isinstance(value, str):
            return sorted(re.findall(r"{(\w*)}", value))
        if isinstance(value, dict):
            return {key: slots(item) for key, item in value.items()}
        if isinstance(value, tuple):
            return [slots(item) for item in value]
        return None

    dates = {"date_formats", "day_formats"}  # each language picks from the date's parts
    english = {f.name: slots(getattr(ENGLISH, f.name)) for f in fields(Words) if f.name not in dates}
    for words in LANGUAGES.values():
        assert {
            f.name: slots(getattr(words, f.name)) for f in fields(Words) if f.name not in dates
        } == english
        for style in ("day-month-year", "month-day-year"):
            assert words.date(datetime.date(2026, 3, 3), style) and words.day_in_table(
                datetime.date.today(), style
            )
    assert ENGLISH.language_names.keys() == SPANISH.language_names.keys() == LANGUAGES.keys()


def test_no_fixed_english_word_is_on_a_spanish_page(tmp_path: Path) -> None:
    pdf = build_booklet(
        ["sleep", "dislocates", "heat-ice", "red-flags"],
        tmp_path / "es.pdf",
        personal=Personal(lang="es", log=True, schedule=ScheduleChoice(start=datetime.date(2026, 12, 1))),
    ).path
    text = text_of(pdf)
    shown_in_english = {"code", "tag", "name", "offer", "language_names"}  # never printed, or on purpose
    phrases = set()
    for f in fields(Words):
        if f.name in shown_in_english:
            continue
        value = getattr(ENGLISH, f.name)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
        for item in items:
            phrases.update(part.strip() for part in re.split(r"{\w*}|<[^>]+>", item) if len(part.strip()) > 3)
    assert sorted(phrase for phrase in phrases if phrase in text) == []


def test_a_translation_with_other_pictures_or_verdicts_is_named(workdir: Path) -> None:
    (workdir / "content" / "es").mkdir(parents=True)
    source = (LIBRARY.in_language("es")["sleep"].source).read_text(encoding="utf-8")
    swapped = source.replace("verdict: avoid", "verdict: do").replace("sleep-back.svg", "sleep-side.svg")
    (workdir / "content" / "es" / "sleep.yaml").write_text(swapped, encoding="utf-8")
    result = run("build", "--content", "content", "-s", "sleep", "--lang", "es")
    assert result.exit_code == 1
    original = display_path(LIBRARY.in_language("en")["sleep"].source)
    assert result.output == (
        "Error: content/es/sleep.yaml: blocks[3].figures: pictures: sleep-side.svg, sleep-side.svg,"
        f" sleep-stomach.svg, but sleep-side.svg, sleep-back.svg, sleep-stomach.svg in {original};"
        " a translation keeps its source's pictures\n"
        "Error: content/es/sleep.yaml: blocks[3].figures: verdicts: do, do, do, but do, do, avoid in"
        f" {original}; a translation keeps its source's verdicts\n"
    )
    english = run("build", "--content", "content", "-s", "sleep", "-o", "en.pdf")
    assert english.exit_code == 0
    assert "También disponible en español." not in text_of(Path("en.pdf"))  # it would not build
