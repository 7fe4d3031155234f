"""The fixed words a page prints around a clinic's sections, in each language a handout is built in.

Sections carry their own words (``content/es/`` holds the Spanish ones); everything else a patient reads,
from "Page 2 of 3" to the dose box, the schedule's table and the dates, comes from here. A language is one
``Words`` value with every field filled in, so a word left out fails when this module is imported, never
as an English word on a Spanish page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

Plural = tuple[str, str]
"""A phrase for one, and for more than one: ("{n} week", "{n} weeks")."""


@dataclass(frozen=True)
class Words:
    code: str
    """The language's code, as --lang and the content folders name it."""
    tag: str
    """The PDF's language tag, which screen readers use to pick a voice."""
    name: str
    """The language's name in English, for messages to clinic staff."""
    language_names: dict[str, str]
    """Every language's name in this one, by code: for the note on a section printed in another."""

    months: tuple[str, ...]
    months_short: tuple[str, ...]
    weekdays_short: tuple[str, ...]
    """Monday first, as Python's ``date.weekday()`` counts."""
    date_formats: dict[str, str]
    """A full date by the clinic's ``dates`` style: {day}, {month}, {year}."""
    day_formats: dict[str, str]
    """A schedule's day by the clinic's ``dates`` style: {weekday}, {day}, {month} (or its {number})."""

    # On every page
    questions_call_us: str
    page_of: str
    reviewed: str
    next_review: str
    reference: str
    offer: str
    """This language offered to a reader of another, in its own words."""
    large_print_offer: str
    fallback_note: str
    default_title: str
    subjects: dict[str, str]
    """The PDF's subject, for a handout and a booklet: {titles} are the sections'."""

    # Who it is for
    name_label: str
    date_label: str
    prepared_for: str
    your_therapist: str
    note_title: str

    continued: str
    """A box's title again at the top of the next page, where the box breaks across two."""

    # How to reach the clinic
    call_us_on: str
    contact_us: str
    call: str
    opening_hours: str
    after_hours: str
    qr_label: str
    """Under a clinic's QR code, unless the clinic words it."""
    qr_code_alt: str
    """What a screen reader says for the QR code, which a blind patient cannot scan."""
    logo_alt: str

    # The dose box
    your_dose: str
    repeat: str
    hold: str
    sets: str
    how_often: str
    for_: str
    times: tuple[str, str, str]
    """Once, twice, and {n} times."""
    seconds_each: Plural
    sets_with_rest: str
    a_day: str
    every_day: str
    days_a_week: str
    weeks: Plural

    # Pictures, boxes and the schedule
    do: str
    avoid: str
    callout_titles: dict[str, str]
    """A callout's title when its section gives none, by style."""
    day: str
    day_number: str
    use: str
    how_long: str
    ice: str
    heat: str
    first_week: str
    first_two_weeks: str
    slots: tuple[str, str]
    """The times of day a schedule has boxes for, unless its section says."""

    # The exercise log
    log_title: str
    log_how_to: str
    week_number: str
    pain_row: str

    # A booklet
    contents: str
    inside: str
    and_more: str
    my_notes: str
    notes_prompt: str
    questions_title: str
    questions_prompt: str
    more_notes: str
    blank_page: str
    cover: str
    back_cover: str

    def plural(self, forms: Plural, count: int) -> str:
        return forms[0 if count == 1 else 1].format(n=count)

    def times_count(self, count: int) -> str:
        """ "once", "twice", "3 times"."""
        once, twice, many = self.times
        return {1: once, 2: twice}.get(count, many.format(n=count))

    def date(self, date: datetime.date, style: str) -> str:
        """A date as the clinic writes it: "1 December 2026", "December 1, 2026", "1 de diciembre de 2026"."""
        return self.date_formats[style].format(
            day=date.day, month=self.months[date.month - 1], year=date.year
        )

    def day_in_table(self, date: datetime.date, style: str) -> str:
        """A day short enough for a table column: "Tue 1 Dec", "Tue Dec 1", "mar. 1/12"."""
        return self.day_formats[style].format(
            weekday=self.weekdays_short[date.weekday()],
            day=date.day,
            month=self.months_short[date.month - 1],
            number=date.month,
        )

    def month(self, year_month: str) -> str:
        """A section's review month, 2026-11, as "Nov 2026" or "nov. 2026"."""
        year, month = year_month.split("-")
        return f"{self.months_short[int(month) - 1]} {year}"


ENGLISH = Words(
    code="en",
    tag="en",
    name="English",
    language_names={"en": "English", "es": "Spanish"},
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    months_short=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    weekdays_short=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    date_formats={"day-month-year": "{day} {month} {year}", "month-day-year": "{month} {day}, {year}"},
    day_formats={"day-month-year": "{weekday} {day} {month}", "month-day-year": "{weekday} {month} {day}"},
    questions_call_us="Questions? Call us",
    page_of="Page {number} of {total}",
    reviewed="Reviewed {month}",
    next_review="next review {month}",
    reference="Ref: {reference}.",
    offer="Also available in English.",
    large_print_offer="Ask us for this leaflet in large print.",
    fallback_note="This part is not yet available in {language}, so it is printed in {fallback}.",
    default_title="Your home care plan",
    subjects={"handout": "Patient handout: {titles}", "booklet": "Patient booklet: {titles}"},
    name_label="Name",
    date_label="Date",
    prepared_for="Prepared for",
    your_therapist="Your therapist",
    note_title="A note from your therapist",
    continued="{title} (continued)",
    call_us_on="Questions? Call us on {phone}",
    contact_us="Questions? Contact us",
    call="Call {phone}",
    opening_hours="Opening hours",
    after_hours="After hours:",
    qr_label="Scan to book your next visit",
    qr_code_alt="QR code that opens {url}",
    logo_alt="{clinic} logo",
    your_dose="Your dose",
    repeat="Repeat",
    hold="Hold",
    sets="Sets",
    how_often="How often",
    for_="For",
    times=("once", "twice", "{n} times"),
    seconds_each=("{n} second each time", "{n} seconds each time"),
    sets_with_rest="{n}, with a short rest between",
    a_day="{times} a day",
    every_day="every day",
    days_a_week="{n} days a week",
    weeks=("{n} week", "{n} weeks"),
    do="Yes",
    avoid="Avoid",
    callout_titles={"tip": "Tip", "caution": "Take care", "stop": "Stop and call"},
    day="Day",
    day_number="Day {n}",
    use="Use",
    how_long="How long",
    ice="Ice",
    heat="Heat",
    first_week="Your first week",
    first_two_weeks="Your first two weeks",
    slots=("Morning", "Evening"),
    log_title="My exercise log",
    log_how_to=(
        "Tick a box each time you do an exercise. Each evening, write how bad your pain was today, from 0"
        " (no pain) to 10 (the worst pain you can imagine)."
    ),
    week_number="Week {n}",
    pain_row="<b>Pain</b> (0 to 10)",
    contents="Contents",
    inside="Inside:",
    and_more="and {n} more",
    my_notes="My notes",
    notes_prompt="Write down how you feel, what helps, and anything your therapist tells you.",
    questions_title="Questions for my next visit",
    questions_prompt="Write your questions here, so you remember to ask them.",
    more_notes="More notes",
    blank_page="This page is intentionally blank",
    cover="Cover",
    back_cover="Back cover",
)

SPANISH = Words(
    code="es",
    tag="es-419",
    name="Spanish",
    language_names={"en": "inglés", "es": "español"},
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    months_short=(
        "ene.",
        "feb.",
        "mar.",
        "abr.",
        "may.",
        "jun.",
        "jul.",
        "ago.",
        "sept.",
        "oct.",
        "nov.",
        "dic.",
    ),
    weekdays_short=("lun.", "mar.", "mié.", "jue.", "vie.", "sáb.", "dom."),
    # Spanish writes the day first whatever the clinic's paper: "1 de diciembre de 2026".
    date_formats={
        "day-month-year": "{day} de {month} de {year}",
        "month-day-year": "{day} de {month} de {year}",
    },
    # Day and month number: "mar. 3 mar." would be Tuesday and March alike.
    day_formats={"day-month-year": "{weekday} {day}/{number}", "month-day-year": "{weekday} {day}/{number}"},
    questions_call_us="¿Preguntas? Llámenos",
    page_of="Página {number} de {total}",
    reviewed="Revisado en {month}",
    next_review="próxima revisión en {month}",
    reference="Ref.: {reference}.",
    offer="También disponible en español.",
    large_print_offer="Pida esta hoja con letra grande.",
    fallback_note="Esta parte todavía no está en {language}. Por eso está en {fallback}.",
    default_title="Su plan de cuidado en casa",
    subjects={"handout": "Hoja para el paciente: {titles}", "booklet": "Folleto para el paciente: {titles}"},
    name_label="Nombre",
    date_label="Fecha",
    prepared_for="Preparado para",
    your_therapist="Su terapeuta",
    note_title="Una nota de su terapeuta",
    continued="{title} (continuación)",
    call_us_on="¿Preguntas? Llámenos al {phone}",
    contact_us="¿Preguntas? Comuníquese con nosotros",
    call="Llame al {phone}",
    opening_hours="Horario de atención",
    after_hours="Fuera de horario:",
    qr_label="Escanee el código para pedir su próxima cita",
    qr_code_alt="Código QR que abre {url}",
    logo_alt="Logotipo de {clinic}",
    your_dose="Su dosis",
    repeat="Repita",
    hold="Sostenga",
    sets="Series",
    how_often="Cada cuánto",
    for_="Durante",
    times=("1 vez", "2 veces", "{n} veces"),
    seconds_each=("{n} segundo cada vez", "{n} segundos cada vez"),
    sets_with_rest="{n}, con un descanso corto entre una y otra",
    a_day="{times} al día",
    every_day="todos los días",
    days_a_week="{n} días a la semana",
    weeks=("{n} semana", "{n} semanas"),
    do="Sí",
    avoid="Evite",
    callout_titles={"tip": "Consejo", "caution": "Tenga cuidado", "stop": "Pare y pida ayuda"},
    day="Día",
    day_number="Día {n}",
    use="Qué usar",
    how_long="Cuánto tiempo",
    ice="Hielo",
    heat="Calor",
    first_week="Su primera semana",
    first_two_weeks="Sus primeras dos semanas",
    slots=("Mañana", "Noche"),
    log_title="Mi registro de ejercicios",
    log_how_to=(
        "Marque una casilla cada vez que haga un ejercicio. Cada noche, anote cuánto le dolió hoy, de 0"
        " (nada de dolor) a 10 (el peor dolor que se pueda imaginar)."
    ),
    week_number="Semana {n}",
    pain_row="<b>Dolor</b> (0 a 10)",
    contents="Contenido",
    inside="En este folleto:",
    and_more="y {n} más",
    my_notes="Mis notas",
    notes_prompt="Anote cómo se siente, qué le ayuda y lo que le diga su terapeuta.",
    questions_title="Preguntas para mi próxima cita",
    questions_prompt="Escriba aquí sus preguntas, para que no se le olvide hacerlas.",
    more_notes="Más notas",
    blank_page="Esta página se dejó en blanco a propósito",
    cover="Portada",
    back_cover="Contraportada",
)

LANGUAGES = {words.code: words for words in (ENGLISH, SPANISH)}
"""Every language a handout can be built in, by code; English is the library's own."""
SOURCE_LANGUAGE = ENGLISH.code
"""The language of the sections directly in a content folder; translations are in subfolders by code."""
