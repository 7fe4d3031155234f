"""The clinic on the page: every key of clinic.yaml reaches the PDF, and every mistake in it is named."""

from __future__ import annotations

import logging
import os
import shlex
import shutil
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from builder.api import build_handout
from builder.errors import ConfigError
from builder.resources import DEMO_CLINIC
from conftest import DATA, page_texts, run

REPO = Path(__file__).resolve().parent.parent
NORTHSIDE = REPO / "examples" / "northside-chiropractic"
DEMO_PRIMARY = (0x12, 0x5B, 0x6B)
DEMO_ACCENT = (0xC2, 0x57, 0x1A)
CRIMSON = (0xDC, 0x14, 0x3C)


def render(pdf: Path, page: int = 0, dpi: float = 72) -> Image.Image:
    return pypdfium2.PdfDocument(pdf)[page].render(scale=dpi / 72).to_pil().convert("RGB")


def has_colour(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return any(
        all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
        for _, pixel in image.getcolors(maxcolors=1 << 20)
    )


def share(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> float:
    """The fraction of ``image``'s pixels that are ``colour``."""
    near = sum(
        count
        for count, pixel in image.getcolors(maxcolors=1 << 20)
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
    )
    return near / (image.width * image.height)


def words(text: str) -> str:
    return " ".join(text.split())


def fonts_used(pdf: Path) -> set[str]:
    """Every font the pages name, without the subset prefix; one that is not embedded is marked so."""
    used = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            used.add(name if embedded else f"{name} (not embedded)")
    return used


@pytest.fixture
def every_key(tmp_path: Path) -> Path:
    """The clinic that sets every key, with the font files it names (kept once, in examples/)."""
    folder = tmp_path / "every-key"
    shutil.copytree(DATA / "clinic-every-key", folder)
    shutil.copytree(NORTHSIDE / "fonts", folder / "fonts")
    return folder


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    shutil.copytree(DEMO_CLINIC, folder)
    return folder


# --- every key reaches the page ------------------------------------------------------------------


def test_every_key_of_clinic_yaml_reaches_the_page(every_key: Path, tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=every_key).path
    texts = [words(text) for text in page_texts(pdf)]
    everything = " ".join(texts)
    for printed in (
        "Every Key Clinic",
        "Tagline for testing",
        "1 Test Road, Testville",
        "(555) 010-9999",
        "desk@every-key.example",
        "every-key.example",
        "Monday to Friday, 8 am to 6 pm",
        "Saturday, 9 am to noon",
        "After hours: Our on-call line after hours: (555) 010-9911",
        "Scan to book online",
        "every-key.example/book?visit=next",
        "Disclaimer words for testing.",
    ):
        assert printed in everything, printed
    assert "Your therapist Alex Tester Bo Checker" in texts[0]
    doctor_box = everything.index("Call your doctor soon if")
    after_hours = everything.index("After hours:")
    assert doctor_box < everything.index("Pain gets in the way of your daily life.") < after_hours
    assert everything.count("After hours:") == 1  # never in the emergency box
    reader = PdfReader(pdf)
    assert [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages] == [(612, 792)] * len(
        reader.pages
    )
    assert reader.metadata.author == "Every Key Clinic"


def test_own_fonts_are_embedded_and_the_default_stays_for_headings(every_key: Path, tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=every_key).path
    assert fonts_used(pdf) == {"FiraSans-Regular", "FiraSans-Bold", "AtkinsonHyperlegible-Bold"}


def test_body_size_sets_the_body_text(every_key: Path, tmp_path: Path) -> None:
    pdf = build_handout(["sleep"], tmp_path / "h.pdf", clinic=every_key).path
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.setdefault(text.strip(), size * tm[3])

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    body = next(size for text, size in sizes.items() if text.startswith("How you lie at night"))
    assert body == pytest.approx(15)


def test_rule_header_keeps_the_top_white_and_draws_the_primary_line(every_key: Path, tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=every_key).path
    header = render(pdf).crop((40, 36, 572, 106))
    assert share(header, (255, 255, 255), tolerance=3) > 0.8  # white paper, not a band
    assert share(header, CRIMSON, tolerance=6) > 0.02  # the name and the rule under it


def test_band_header_is_in_the_clinic_colour(tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf").path
    header = render(pdf).crop((40, 36, 572, 100))
    assert share(header, DEMO_PRIMARY, tolerance=2) > 0.6


def test_qr_code_scans_back_to_its_address(every_key: Path, tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=every_key).path
    last = len(PdfReader(pdf).pages) - 1
    found = zxingcpp.read_barcodes(render(pdf, last, dpi=200))
    assert [code.text for code in found] == ["https://every-key.example/book?visit=next"]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode


def test_without_a_qr_code_the_contact_panel_only_fills_room_left_on_the_last_page(tmp_path: Path) -> None:
    short = build_handout(["red-flags"], tmp_path / "short.pdf").path
    assert "Questions? Contact us Call (555) 010-2030" in words(page_texts(short)[-1])
    assert "Opening hours Monday to Friday, 7:30 am to 7 pm Saturday, 8 am to 1 pm" in words(
        page_texts(short)[-1]
    )
    full = build_handout(["dislocates", "red-flags"], tmp_path / "full.pdf").path  # its last page is full
    assert "Questions? Contact us" not in " ".join(page_texts(full))
    assert len(page_texts(full)) == 3


def test_illustration_accent_takes_the_clinic_accent(demo_copy: Path, tmp_path: Path) -> None:
    clinic = demo_copy / "clinic.yaml"
    clinic.write_text(clinic.read_text().replace('accent: "#C2571A"', "accent: ForestGreen"))
    pdf = build_handout(["dislocates"], tmp_path / "d.pdf", clinic=demo_copy).path
    pages = [render(pdf, n) for n in range(2)]
    assert any(has_colour(page, (0x22, 0x8B, 0x22), tolerance=2) for page in pages)
    assert not any(has_colour(page, DEMO_ACCENT, tolerance=6) for page in pages)


def test_a_light_primary_is_darkened_for_headings_with_a_warning(
    workdir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = DATA / "clinic-light-primary"
    with caplog.at_level(logging.WARNING):
        pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=folder).path
    assert caplog.messages == [
        f"{folder / 'clinic.yaml'}:4: colors.primary: #FFD54F is too light for text on white paper"
        " (1.41:1, needs 4.5:1); headings use the darker #8B742B instead"
    ]
    page = render(pdf, dpi=144)
    title = page.crop((100, 250, 660, 310))
    assert has_colour(title, (0x8B, 0x74, 0x2B), tolerance=3)
    assert not has_colour(title, (0xFF, 0xD5, 0x4F), tolerance=10)
    band_text = page.crop((120, 125, 320, 150))  # the name on the pale band is printed in black
    assert has_colour(band_text, (0, 0, 0), tolerance=10)
    assert not has_colour(band_text, (255, 255, 255), tolerance=10)


# --- mistakes in clinic.yaml ---------------------------------------------------------------------

CLINIC_MISTAKES = {
    "clinic-unknown-key-colour": ["2: colour: unknown key (did you mean 'colors'?)"],
    "clinic-colour-not-a-colour": [
        "3: colors.primary: '#12G45B' is not a colour; write it like \"#125B6B\" (in quotes)"
        " or as a CSS colour name such as teal",
        "4: colors.accent: 'bluish' is not a colour; write it like \"#125B6B\" (in quotes)"
        " or as a CSS colour name such as teal",
    ],
    "clinic-colour-without-quotes": [
        '3: colors.primary: is empty; a colour that starts with # must be in quotes, like "#125B6B"'
    ],
    "clinic-logo-missing": ["2: logo: no such file 'images/our-logo.png' in {folder}/"],
    "clinic-logo-name-mistyped": [
        "2: logo: no such file 'Logo-Lrage.svg' in {folder}/ (did you mean 'brand/logo-large.svg'?)"
    ],
    "clinic-logo-wrong-kind": ["2: logo: 'logo.gif' is not an SVG, PNG or JPEG file; save it as one"],
    "clinic-logo-outside-folder": [
        "2: logo: '../clinic-every-key/logo.svg' must be a file inside the clinic folder;"
        " copy it into {folder}/"
    ],
    "clinic-logo-absolute-path": [
        "2: logo: '/etc/logo.svg' must be a file inside the clinic folder; copy it into {folder}/"
    ],
    "clinic-font-not-a-font": [
        "4: fonts.body.regular: 'fonts/NotAFont-Regular.ttf' is not a TrueType font; use the font's .ttf file"
    ],
    "clinic-font-without-regular": [
        "3: fonts.heading.regular: is missing; name the font's regular .ttf file",
        "4: fonts.heading.bold: no such file 'fonts/Heading-Bold.ttf' in {folder}/",
    ],
    "clinic-font-family-not-files": [
        "3: fonts.body: must be 'default' or the font files: regular, bold, italic, bold_italic"
    ],
    "clinic-font-size-too-small": ["3: fonts.size: '10' must be a text size from 12 to 18 (points)"],
    "clinic-paper-unknown": [
        "2: paper: 'A5' is not one of a4, letter",
        "3: header: 'banner' is not one of band, rule (did you mean 'band'?)",
    ],
    "clinic-qr-url-not-web": [
        "4: qr_code.lable: unknown key (did you mean 'label'?)",
        "3: qr_code.url: 'www.qr-clinic.example/book' is not a web address; write it in full, starting with"
        ' https:// (did you mean "https://www.qr-clinic.example/book"?)',
    ],
    "clinic-qr-url-broken": [
        "2: qr_code: 'https://qr-clinic.example]' is not a web address; write it in full, starting with https://"
    ],
    "clinic-qr-url-with-a-space": [
        "2: qr_code: 'https://qr clinic.example' is not a web address; write it in full, starting with https://",
    ],
    "clinic-too-many-clinicians": ["2: clinicians: lists 7 names; at most 6 fit on the patient line"],
    "clinic-name-missing": ["1: name: is missing"],
    "clinic-invalid-yaml": [
        "4: invalid YAML: expected <block end>, but found '<block mapping start>'"
        " (while parsing a block mapping that starts on line 1);"
        " indent this line with as many spaces as the other keys at its level"
    ],
    "clinic-disclaimer-too-long": [
        "2: disclaimer: is 279 characters long; it prints on every page, so keep it to 250"
    ],
    "clinic-python-tag": [  # loaded safely: a tag that would run a command is refused, not run
        "1: invalid YAML: could not determine a constructor for the tag"
        " 'tag:yaml.org,2002:python/object/apply:os.system'"
    ],
    "clinic-key-without-a-space": [
        "2: invalid YAML: could not find expected ':' (while scanning a simple key that starts on line 2);"
        " every key needs a colon and a space after it, like 'phone: 555'"
    ],
}


@pytest.mark.parametrize("mistake", sorted(CLINIC_MISTAKES))
def test_each_mistake_is_named_with_file_line_and_key(mistake: str, workdir: Path) -> None:
    folder = DATA / mistake
    result = run("build", "--clinic", str(folder), "--sections", "sleep")
    expected = "".join(
        f"Error: {folder / 'clinic.yaml'}:{line.format(folder=folder)}\n" for line in CLINIC_MISTAKES[mistake]
    )
    assert (result.exit_code, result.output) == (1, expected)
    assert not (workdir / "output").exists()


def test_a_font_with_postscript_outlines_is_refused_with_what_to_do(demo_copy: Path) -> None:
    otf = demo_copy / "fonts" / "Brand-Regular.otf"
    otf.parent.mkdir()
    otf.write_bytes(b"OTTO" + bytes(200))  # the signature of an OpenType font with CFF outlines
    clinic = demo_copy / "clinic.yaml"
    before = clinic.read_text()
    clinic.write_text(before + "fonts:\n  body:\n    regular: fonts/Brand-Regular.otf\n")
    with pytest.raises(ConfigError) as caught:
        build_handout(["sleep"], demo_copy / "out.pdf", clinic=demo_copy)
    line = before.count("\n") + 3
    assert caught.value.problems == (
        f"{clinic}:{line}: fonts.body.regular: 'fonts/Brand-Regular.otf' has PostScript (CFF) outlines, which"
        " cannot be embedded; use the .ttf version of the font",
    )


# --- finding the clinic --------------------------------------------------------------------------


def test_clinic_folder_or_its_file_both_work_and_the_demo_is_not_mentioned(workdir: Path) -> None:
    for given in (NORTHSIDE, NORTHSIDE / "clinic.yaml"):
        result = run("build", "--clinic", str(given), "--sections", "red-flags")
        assert (result.exit_code, result.stderr) == (0, "")
        assert "Northside Chiropractic & Massage" in page_texts(workdir / "output" / "handout.pdf")[0]


def test_handout_clinic_sets_the_default(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOUT_CLINIC", str(NORTHSIDE))
    result = run("build", "--sections", "red-flags")
    assert result.exit_code == 0
    assert "Northside Chiropractic & Massage" in page_texts(workdir / "output" / "handout.pdf")[0]


def test_a_bad_handout_clinic_says_where_it_came_from(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOUT_CLINIC", "old-clinic")
    result = run("build", "--sections", "red-flags")
    assert (result.exit_code, result.output) == (
        2,
        "Error: old-clinic: no such clinic folder or file (set by HANDOUT_CLINIC)\n",
    )


def test_clinic_yaml_in_the_current_folder_is_found_by_itself(workdir: Path) -> None:
    shutil.copytree(NORTHSIDE, workdir, dirs_exist_ok=True)
    result = run("build", "--sections", "red-flags")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Wrote output/handout.pdf (2 pages, US Letter)\n"


def test_without_a_clinic_the_demo_is_used_and_said_once(workdir: Path) -> None:
    result = run("build", "--sections", "sleep")
    assert result.stderr == (
        "Using the demo clinic (Riverside Physiotherapy); run 'handout init FOLDER' to set up your own.\n"
    )


def test_paper_option_overrides_the_clinic(workdir: Path) -> None:
    result = run("build", "--clinic", str(NORTHSIDE), "--sections", "red-flags", "--paper", "a4")
    assert result.stdout.endswith("(2 pages, A4)\n")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("nowhere", "Error: nowhere: no such clinic folder or file\n"),
        ("empty", "Error: empty: no clinic.yaml in this folder; run 'handout init empty' to make one\n"),
    ],
)
def test_a_clinic_that_is_not_there_is_a_usage_error(workdir: Path, given: str, message: str) -> None:
    (workdir / "empty").mkdir()
    result = run("build", "--clinic", given, "--sections", "sleep")
    assert (result.exit_code, result.output) == (2, message)


# --- the clinic's own sections and pictures ------------------------------------------------------

OWN_SLEEP = """\
id: sleep
title: Sleep well at Northside
kind: tips
summary: Our own sleep advice.
blocks:
  - paragraph: Our own words about sleep, written by our team.
"""
OWN_POSTURE = OWN_SLEEP.replace("id: sleep", "id: desk-posture").replace("Sleep well", "Sit well")


def clinic_with_sections(folder: Path, *sections: tuple[str, str]) -> Path:
    shutil.copytree(NORTHSIDE, folder)
    (folder / "content").mkdir()
    for name, text in sections:
        (folder / "content" / name).write_text(text)
    return folder


def test_clinic_sections_add_to_and_replace_the_bundled_ones(workdir: Path) -> None:
    clinic = clinic_with_sections(
        workdir / "ours", ("sleep.yaml", OWN_SLEEP), ("desk-posture.yaml", OWN_POSTURE)
    )
    listed = run("list", "--clinic", "ours").stdout
    assert "desk-posture" in listed and "Sit well at Northside" in listed
    result = run("build", "--clinic", "ours", "--sections", "sleep,desk-posture")
    assert result.exit_code == 0
    assert result.stderr == "Used your ours/content/sleep.yaml in place of the bundled 'sleep'.\n"
    text = words(" ".join(page_texts(workdir / "output" / "handout.pdf")))
    assert "Our own words about sleep" in text
    assert "How you lie at night" not in text
    assert clinic.is_dir()


def test_two_clinic_sections_with_one_id_are_an_error(workdir: Path) -> None:
    clinic_with_sections(workdir / "ours", ("sleep.yaml", OWN_SLEEP), ("sleep.yml", OWN_SLEEP))
    result = run("build", "--clinic", "ours", "--sections", "sleep")
    assert (result.exit_code, result.output) == (
        1,
        "Error: ours/content/sleep.yml: id 'sleep' is already used by ours/content/sleep.yaml;"
        " give each section its own id\n",
    )


# --- init and check ------------------------------------------------------------------------------


def test_the_next_command_after_init_can_be_pasted_as_it_is(workdir: Path) -> None:
    """A folder named as clinics name themselves, with spaces and an ampersand: the command it prints
    runs when pasted into a shell."""
    result = run("init", "Harbourview Physio & Rehab")
    assert result.exit_code == 0
    command = result.stdout.splitlines()[-1].split("then run: ", 1)[1]
    assert command == "handout check --clinic 'Harbourview Physio & Rehab'"
    assert shlex.split(command)[-1] == "Harbourview Physio & Rehab"
    assert run(*shlex.split(command)[1:]).exit_code == 0


def test_init_makes_a_clinic_that_builds_straight_away(workdir: Path) -> None:
    result = run("init", "harbour-physio")
    assert result.exit_code == 0
    assert result.stdout == (
        "Created harbour-physio/clinic.yaml, harbour-physio/content/, harbour-physio/images/ and"
        " harbour-physio/plans/.\n"
        "Next: put your details in harbour-physio/clinic.yaml,"
        " then run: handout check --clinic harbour-physio\n"
    )
    assert sorted(p.name for p in (workdir / "harbour-physio").iterdir()) == [
        "clinic.yaml",
        "content",
        "images",
        "plans",
    ]
    assert run("check", "--clinic", "harbour-physio").exit_code == 0
    built = run("build", "--clinic", "harbour-physio", "--sections", "sleep")
    assert (built.exit_code, built.stderr) == (0, "")
    assert "Harbour Physio" in page_texts(workdir / "output" / "handout.pdf")[0]


def test_init_never_replaces_a_clinic_file(workdir: Path) -> None:
    (workdir / "ours").mkdir()
    (workdir / "ours" / "clinic.yaml").write_text("name: Ours\n")
    result = run("init", "ours")
    assert (result.exit_code, result.output) == (
        1,
        "Error: ours/clinic.yaml: already exists; edit it, or choose a new folder name\n",
    )
    assert (workdir / "ours" / "clinic.yaml").read_text() == "name: Ours\n"


def test_check_says_what_will_print(workdir: Path) -> None:
    result = run("check", "--clinic", str(NORTHSIDE))
    assert result.exit_code == 0
    settings = result.stdout.split("\n\n", 1)[0]  # the clinic's settings, then the sections' table
    lines = dict(line.split("  ", 1) for line in settings.splitlines())
    assert lines["Clinic"].strip() == f"Northside Chiropractic & Massage ({NORTHSIDE / 'clinic.yaml'})"
    assert lines["Paper"].strip() == "US Letter, rule header, dates like December 1, 2026"
    assert lines["Colours"].strip().startswith("primary #4B1D6E (12.4:1 on white, white text on it)")
    assert lines["QR code"].strip() == "https://northside-chiro.example/book (Scan to book your next visit)"
    assert result.stdout.endswith("No problems found: handouts will build.\n")


def test_check_lists_every_problem_and_fails(workdir: Path) -> None:
    folder = DATA / "clinic-paper-unknown"
    result = run("check", "--clinic", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {folder / 'clinic.yaml'}:2: paper: 'A5' is not one of a4, letter",
        f"Error: {folder / 'clinic.yaml'}:3: header: 'banner' is not one of band, rule"
        " (did you mean 'band'?)",
    ]


def test_the_example_clinic_builds_in_its_own_font_on_letter(workdir: Path) -> None:
    result = run("build", "--clinic", str(NORTHSIDE), "--sections", "sleep,dislocates")
    assert result.exit_code == 0
    pdf = workdir / "output" / "handout.pdf"
    assert fonts_used(pdf) == {"FiraSans-Regular", "FiraSans-Bold"}
    assert PdfReader(pdf).pages[0].mediabox.upper_right == (612, 792)


def test_a_section_file_that_links_outside_its_folder_is_refused(workdir: Path) -> None:
    clinic_with_sections(workdir / "ours")
    (workdir / "elsewhere.yaml").write_text(OWN_SLEEP)
    (workdir / "ours" / "content" / "sleep.yaml").symlink_to(workdir / "elsewhere.yaml")
    result = run("build", "--clinic", "ours", "--sections", "sleep")
    assert (result.exit_code, result.output) == (
        1,
        "Error: ours/content/sleep.yaml: links to a file outside ours/content/;"
        " copy the section file itself into the folder\n",
    )


def test_a_long_clinic_name_is_never_cut_short_in_the_band(demo_copy: Path, tmp_path: Path) -> None:
    long_name = "Wide Logo Wellness Centre and Sports Injury Rehabilitation Clinic"
    clinic = demo_copy / "clinic.yaml"
    clinic.write_text(clinic.read_text().replace("name: Riverside Physiotherapy", f"name: {long_name}"))
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy).path
    first = words(page_texts(pdf)[0])
    assert long_name in first
    assert "…" not in first


def test_a_qr_code_can_be_just_its_address(demo_copy: Path, tmp_path: Path) -> None:
    clinic = demo_copy / "clinic.yaml"
    clinic.write_text(clinic.read_text() + "qr_code: https://riverside-physio.example/video\n")
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy).path
    last = words(page_texts(pdf)[-1])
    assert "Scan to book your next visit riverside-physio.example/video" in last


def test_a_body_font_without_bold_is_a_warning(
    demo_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (demo_copy / "fonts").mkdir()
    shutil.copy(NORTHSIDE / "fonts" / "FiraSans-Regular.ttf", demo_copy / "fonts")
    clinic = demo_copy / "clinic.yaml"
    before = clinic.read_text()
    clinic.write_text(before + "fonts:\n  body:\n    regular: fonts/FiraSans-Regular.ttf\n")
    with caplog.at_level(logging.WARNING):
        build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy)
    assert caplog.messages == [
        f"{clinic}:{before.count(chr(10)) + 2}: fonts.body: has no bold face, so bold words print in the"
        " regular weight; add fonts.body.bold"
    ]


def test_check_warns_about_pictures_no_section_uses(workdir: Path, caplog: pytest.LogCaptureFixture) -> None:
    run("init", "ours")
    Image.new("RGB", (50, 50)).save(workdir / "ours" / "images" / "sleep-sde.jpg")
    with caplog.at_level(logging.WARNING):
        result = run("check", "--clinic", "ours")
    assert result.exit_code == 0
    assert caplog.messages[1:] == [  # after the template's made-up details (see below)
        "ours/clinic.yaml: tagline, hours and disclaimer have no Spanish words, so Spanish handouts print"
        " them in English; add them under es:",
        "ours/images/sleep-sde.jpg: no section uses this picture; to replace one of ours, give it the same"
        " name (did you mean 'sleep-side'?)",
    ]


def test_large_print_keeps_short_table_entries_on_one_line(demo_copy: Path, tmp_path: Path) -> None:
    clinic = demo_copy / "clinic.yaml"
    clinic.write_text(clinic.read_text() + "fonts:\n  size: 18\n")
    pdf = build_handout(["heat-ice"], tmp_path / "h.pdf", clinic=demo_copy).path
    lines = [line.strip() for text in page_texts(pdf) for line in text.splitlines()]
    assert all(any(line.startswith(f"Day {n}") for line in lines) for n in range(1, 8))


def test_a_build_from_a_subfolder_finds_the_clinic_above_it(workdir: Path) -> None:
    shutil.copytree(NORTHSIDE, workdir / "northside")
    (workdir / "northside" / "images").mkdir()
    os.chdir(workdir / "northside" / "images")
    result = run("build", "--sections", "red-flags")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Northside Chiropractic & Massage" in page_texts(Path("output") / "handout.pdf")[0]


def test_a_long_phone_number_and_a_wide_logo_still_fit_the_header(demo_copy: Path, tmp_path: Path) -> None:
    Image.new("RGB", (1000, 300), (30, 90, 160)).save(demo_copy / "wide.png")
    clinic = demo_copy / "clinic.yaml"
    text = clinic.read_text().replace("logo: logo.svg", "logo: wide.png")
    text = text.replace(
        "phone: (555) 010-2030", 'phone: "(555) 010-2030 or 0800 123 4567, free from mobiles"'
    )
    clinic.write_text(text)
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy).path
    band = render(pdf).crop((34, 34, 561, 102))  # the band: 12 mm from the edges, 24 mm tall
    outside = render(pdf).crop((34, 104, 561, 116))  # just under it, where a spilling name would show
    assert "Riverside Physiotherapy" in words(page_texts(pdf)[0])
    assert share(band, DEMO_PRIMARY, tolerance=2) > 0.3
    assert share(outside, (255, 255, 255), tolerance=3) == 1.0


def test_init_names_the_clinic_after_any_folder_name(workdir: Path) -> None:
    assert run("init", "#1-McKenzie_physio").exit_code == 0
    result = run("check", "--clinic", "#1-McKenzie_physio")
    assert result.exit_code == 0
    assert result.stdout.startswith("Clinic       #1 McKenzie Physio (#1-McKenzie_physio/clinic.yaml)\n")


def test_check_and_build_agree_on_usage_errors(workdir: Path) -> None:
    (workdir / "empty").mkdir()
    for command in ("check", "build"):
        result = run(command, "--content", "empty", *(["--sections", "sleep"] if command == "build" else []))
        assert (result.exit_code, result.output) == (
            2,
            "Error: empty: no section files (*.yaml) in this folder\n",
        )


def test_keys_left_empty_count_as_left_out(demo_copy: Path, tmp_path: Path) -> None:
    (demo_copy / "clinic.yaml").write_text(
        "name: Blank Clinic\ncolors:\npaper:\nheader:\nhours:\nclinicians:\n"
    )
    result = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy)
    assert (result.paper, result.clinic.header, result.clinic.colors.primary) == ("a4", "band", "#125B6B")


def test_a_long_address_and_disclaimer_grow_the_footer_but_never_into_the_printer_margin(
    demo_copy: Path, tmp_path: Path
) -> None:
    clinic = demo_copy / "clinic.yaml"
    long_address = (
        "Unit 4B, The Old Mill Business Park, 480 North Avenue, Lakeview Industrial Estate, Lakeview"
    )
    text = clinic.read_text().replace("address: 12 Riverside Walk, Springfield", f"address: {long_address}")
    clinic.write_text(
        text.replace("disclaimer: >-", "disclaimer: >-\n  " + "Keep this leaflet for later. " * 5, 1)
    )
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf", clinic=demo_copy).path
    lowest: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            lowest.append(cm[5] + tm[5])

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    assert min(lowest) >= 12 * 72 / 25.4  # printers cannot reach the outer 12 mm
    assert long_address in words(page_texts(pdf)[0])


def test_check_lays_out_every_section_so_a_layout_problem_is_found_before_a_build(workdir: Path) -> None:
    folder = DATA / "paragraph-longer-than-a-page" / "content"
    result = run("check", "--content", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: {folder / 'walking.yaml'}: a paragraph inside a box or a table cell is longer than a page;"
        " split it into shorter paragraphs or bullets"
    )


def test_the_templates_made_up_details_are_warned_about_until_changed(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Straight after init, "1 Example Street" and "(555) 000-0000" would print as the clinic's own."""
    assert run("init", "harbour").exit_code == 0
    made_up = (
        "harbour/clinic.yaml: address (1 Example Street, Your Town), phone ((555) 000-0000),"
        " email (hello@example.com), website (example.com) are still made up by the template; put in"
        " your clinic's own before printing"
    )

    def warnings(*command: str) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert run(*command, "--clinic", "harbour").exit_code == 0
        return caplog.messages

    assert made_up in warnings("build", "-s", "sleep", "-o", "a.pdf")
    assert made_up in warnings("check")
    clinic = workdir / "harbour" / "clinic.yaml"
    text = clinic.read_text()
    for old, new in (
        ("1 Example Street, Your Town", "4 Quay Road, Bayside"),
        ("(555) 000-0000", "(555) 013-4400"),
        ("hello@example.com", "desk@harbour.example"),
    ):
        text = text.replace(old, new)
    clinic.write_text(text)
    website = "harbour/clinic.yaml: website (example.com) is still made up by the template; put in your"
    assert [m for m in warnings("build", "-s", "sleep", "-o", "b.pdf") if m.startswith(website)]
    clinic.write_text(text.replace("website: example.com", "website: harbour.example"))
    assert not [m for m in warnings("build", "-s", "sleep", "-o", "c.pdf") if "made up" in m]
