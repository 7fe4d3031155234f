"""Pictures a clinic brings: phone photos, scans, exports and logos, and what handout makes of them.

Every picture is made here with Pillow at test time. Each is checked where it matters: through
``load_picture`` (what the builder makes of the file: upright, 8-bit, sRGB) or by reading the PDF back
(what the printer gets: how many pixels, in which encoding, with which mask, at what printed size).
"""

from __future__ import annotations

import base64
import io
import logging
import math
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageDraw
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from reportlab.lib.colors import black

from builder.api import build_handout
from builder.images import Picture, load_picture
from builder.layout.pages import logo_size
from builder.resources import DEMO_CLINIC
from conftest import run

CLINIC_YAML = 'name: Test Clinic\ncolors:\n  primary: "#125B6B"\n  accent: "#C2571A"\n'
SECTION_HEAD = """\
id: photos
title: Your exercises, photographed
kind: exercise
summary: Photos the clinic took.
blocks:
"""
FIRST_IMAGE_LINE = 7  # the line of the first ``image:`` key in a section made by figures_section()
MAGENTA = (255, 0, 255)
TINY_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">'
    '<rect width="120" height="80" fill="#FF00FF"/></svg>\n'
)
DAMAGED = "the image is damaged or incomplete; save or export it again"


# --- helpers ---------------------------------------------------------------------------------------


def make_clinic(folder: Path, logo: str | None = None, section: str | None = None) -> Path:
    """A clinic folder with images/; ``logo`` goes on line 2 of clinic.yaml, ``section`` in content/."""
    (folder / "images").mkdir(parents=True)
    logo_line = f"logo: {logo}\n" if logo else ""
    (folder / "clinic.yaml").write_text(CLINIC_YAML.replace("\n", "\n" + logo_line, 1))
    if section is not None:
        (folder / "content").mkdir()
        (folder / "content" / "photos.yaml").write_text(section)
    return folder


def figures_section(*images: str, steps: tuple[str, ...] = ()) -> str:
    """The ``photos`` section: ``steps`` with pictures, if any, then a ``figures`` block of ``images``.

    Every picture has its alt text. Without steps, the first ``image:`` is on line FIRST_IMAGE_LINE.
    """
    numbered = "".join(
        f"      - text: Step {n}.\n        image: {name}\n        alt: Step {n} of the exercise.\n"
        for n, name in enumerate(steps, start=1)
    )
    figures = "".join(
        f"      - image: {name}\n        alt: Photo {n} of the exercise.\n        caption: Photo {n}\n"
        for n, name in enumerate(images, start=1)
    )
    return SECTION_HEAD + (f"  - steps:\n{numbered}" if steps else "") + f"  - figures:\n{figures}"


def load(path: Path) -> Picture:
    return load_picture(path, black)


def image_xobjects(pdf: Path, page: int = 0) -> list[DictionaryObject]:
    """The image XObjects page ``page`` uses (vector art and text are not among them)."""
    xobjects = PdfReader(pdf).pages[page]["/Resources"].get("/XObject", {})
    found = [xobject.get_object() for xobject in xobjects.values()]
    return [xobject for xobject in found if xobject["/Subtype"] == "/Image"]


def printed_images(page: PageObject) -> list[tuple[DictionaryObject, float, float]]:
    """Each image drawn on ``page``, with the width and height in points it prints at.

    Follows the current transformation matrix through ``q``/``Q``/``cm`` to each ``Do``: an image
    fills the unit square, so its printed size is the length of the matrix's two axes.
    """
    xobjects = page["/Resources"].get("/XObject", {})
    matrix, saved, found = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), [], []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            saved.append(matrix)
        elif operator == b"Q":
            matrix = saved.pop()
        elif operator == b"cm":
            matrix = _multiply(tuple(float(value) for value in operands), matrix)
        elif operator == b"Do":
            xobject = xobjects[operands[0]].get_object()
            if xobject["/Subtype"] == "/Image":
                a, b, c, d = matrix[:4]
                found.append((xobject, math.hypot(a, b), math.hypot(c, d)))
    return found


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix product ``m`` x ``n`` (``m`` applied first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def filters(xobject: DictionaryObject) -> list[str]:
    value = xobject["/Filter"]
    return [str(name) for name in value] if isinstance(value, list) else [str(value)]


def close(actual: int | tuple[int, ...], expected: int | tuple[int, ...], tolerance: int = 3) -> bool:
    """Whether two pixel values agree within ``tolerance`` per channel (JPEG is lossy)."""
    pairs = zip(actual, expected, strict=True) if isinstance(actual, tuple) else [(actual, expected)]
    return all(abs(a - b) <= tolerance for a, b in pairs)


def share_of(pdf: Path, colour: tuple[int, int, int], tolerance: int = 20) -> float:
    """The fraction of page one, rendered, that is ``colour``."""
    page = pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    near = sum(count for count, pixel in page.getcolors(1 << 20) if close(pixel, colour, tolerance))
    return near / (page.width * page.height)


def half_of(image: Image.Image, format: str) -> bytes:
    """The first half of ``image`` saved as ``format``: a copy that stopped halfway."""
    buffer = io.BytesIO()
    image.save(buffer, format)
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def one_byte_changed(image: Image.Image) -> bytes:
    """``image`` as a PNG with one byte in the middle of its pixel data changed, as a bad disk leaves it."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[len(data) // 2] ^= 0xFF
    return bytes(data)


def noisy(size: tuple[int, int]) -> Image.Image:
    return Image.effect_noise(size, 60).convert("RGB")


@cache
def bomb_png() -> bytes:
    """A 10000 x 10000 one-bit PNG: a few KB on disk, 100 million pixels once opened."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    return buffer.getvalue()


def phone_photos(folder: Path, count: int) -> list[str]:
    """``count`` different 4000 x 3000 JPEGs at quality 90 that compress like photos, not like flat art.

    Smooth gradients, a blurry texture, fine grain and a few shapes; the noise is made small and tiled so
    that making twelve megapixels stays quick.
    """
    size = (4000, 3000)
    gradient = Image.linear_gradient("L").resize(size)
    texture = Image.effect_noise((1000, 750), 50).resize(size, Image.Resampling.BILINEAR)
    tile, grain = Image.effect_noise((500, 500), 30), Image.new("L", size)
    for x in range(0, size[0], tile.width):
        for y in range(0, size[1], tile.height):
            grain.paste(tile, (x, y))
    channels = [gradient, texture, grain]
    names = []
    for n in range(count):
        photo = Image.merge("RGB", channels[n % 3 :] + channels[: n % 3])
        draw = ImageDraw.Draw(photo)
        for k in range(8):
            x, y = 450 * k + 100 * n, 300 * ((k + n) % 8)
            draw.ellipse((x, y, x + 700, y + 800), fill=(60 * n, 255 - 25 * k, 30 * k))
        names.append(f"photo-{n + 1}.jpg")
        photo.save(folder / names[-1], quality=90)
    return names


# --- phone photos and odd colour modes come out upright, 8-bit and sRGB -----------------------------


def test_exif_orientation_turns_a_phone_photo_upright(tmp_path: Path) -> None:
    stored = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(stored)
    draw.rectangle((0, 0, 99, 49), fill=(255, 0, 0))  # stored top-left: red
    draw.rectangle((300, 0, 399, 49), fill=(0, 255, 0))  # top-right: green
    draw.rectangle((0, 150, 99, 199), fill=(0, 0, 255))  # bottom-left: blue
    draw.rectangle((300, 150, 399, 199), fill=(255, 255, 0))  # bottom-right: yellow
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held turned: show the picture turned 90 degrees clockwise
    stored.save(tmp_path / "turned.jpg", exif=exif, quality=95)

    picture = load(tmp_path / "turned.jpg")

    assert picture.pixels == (200, 400)
    assert (picture.width, picture.height) == (150, 300)  # portrait, at its natural size of 96 dpi
    assert picture.photo is not None and picture.photo.size == (200, 400)
    corners = {(5, 5): (0, 0, 255), (194, 5): (255, 0, 0), (194, 394): (0, 255, 0), (5, 394): (255, 255, 0)}
    for where, colour in corners.items():
        assert close(picture.photo.getpixel(where), colour, tolerance=8), where


def _cmyk_cyan(path: Path) -> None:
    Image.new("CMYK", (64, 64), (255, 0, 0, 0)).save(path, "JPEG", quality=95)


def _grey_16_bit(path: Path) -> None:
    Image.new("I;16", (64, 64), 32768).save(path, "PNG")


def _palette_with_transparent_index(path: Path) -> None:
    image = Image.new("P", (20, 20), 1)
    image.putpalette([0, 0, 0, 255, 0, 0])
    image.putpixel((0, 0), 0)
    image.save(path, "PNG", transparency=0)


def _rgba_all_opaque(path: Path) -> None:
    Image.new("RGBA", (20, 20), (10, 20, 30, 255)).save(path, "PNG")


def _rgb_with_transparent_colour(path: Path) -> None:
    image = Image.new("RGB", (20, 20), (0, 0, 0))
    image.putpixel((10, 10), (255, 0, 0))
    image.save(path, "PNG", transparency=(0, 0, 0))


def _grey_with_transparent_grey(path: Path) -> None:
    image = Image.new("L", (20, 20), 0)
    image.putpixel((10, 10), 200)
    image.save(path, "PNG", transparency=0)


@pytest.mark.parametrize(
    ("name", "make", "mode", "pixels"),
    [
        ("cmyk.jpg", _cmyk_cyan, "RGB", {(32, 32): (0, 255, 255)}),
        ("grey-16-bit.png", _grey_16_bit, "L", {(32, 32): 128}),
        (
            "palette.png",
            _palette_with_transparent_index,
            "RGBA",
            {(0, 0): (0, 0, 0, 0), (9, 9): (255, 0, 0, 255)},
        ),
        ("opaque-alpha.png", _rgba_all_opaque, "RGB", {(0, 0): (10, 20, 30)}),
        pytest.param(
            "rgb-colour-key.png",
            _rgb_with_transparent_colour,
            "RGBA",
            {(0, 0): (0, 0, 0, 0), (10, 10): (255, 0, 0, 255)},
        ),
        pytest.param(
            "grey-colour-key.png",
            _grey_with_transparent_grey,
            "RGBA",
            {(0, 0): (0, 0, 0, 0), (10, 10): (200, 200, 200, 255)},
        ),
    ],
)
def test_colour_modes_become_8_bit_srgb_with_alpha_only_where_it_shows(
    tmp_path: Path,
    name: str,
    make: Callable[[Path], None],
    mode: str,
    pixels: dict[tuple[int, int], int | tuple[int, ...]],
) -> None:
    make(tmp_path / name)
    photo = load(tmp_path / name).photo
    assert photo is not None
    assert photo.mode == mode
    for where, expected in pixels.items():
        assert close(photo.getpixel(where), expected), (where, photo.getpixel(where))


# --- a clinic's own picture stands in for a bundled illustration ------------------------------------


@pytest.mark.parametrize(
    ("suffix", "encoding"), [("png", "/FlateDecode"), ("jpg", "/DCTDecode"), ("jpeg", "/DCTDecode")]
)
def test_a_clinic_photo_replaces_the_bundled_illustration_of_the_same_name(
    workdir: Path, suffix: str, encoding: str
) -> None:
    clinic = make_clinic(workdir / "my-clinic")
    Image.new("RGB", (240, 160), MAGENTA).save(clinic / "images" / f"sleep-side.{suffix}")
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == f"Used your picture my-clinic/images/sleep-side.{suffix} in place of the bundled one.\n"
    )
    (photo,) = image_xobjects(workdir / "out.pdf")  # the other two figures stay vector art
    assert (photo["/Width"], photo["/Height"]) == (240, 160)  # small enough to be stored as it is
    assert encoding in filters(photo)


def test_a_clinic_svg_replaces_the_bundled_svg_of_the_same_name(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic")
    (clinic / "images" / "sleep-side.svg").write_text(TINY_SVG)
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    assert image_xobjects(workdir / "out.pdf") == []  # still vector art
    assert share_of(workdir / "out.pdf", MAGENTA) > 0.01


def test_a_replacement_photo_with_an_upper_case_suffix_is_used_too(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic")
    Image.new("RGB", (240, 160), MAGENTA).save(clinic / "images" / "sleep-side.JPG", "JPEG")
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    assert len(image_xobjects(workdir / "out.pdf")) == 1


# --- big photos are reduced to what prints ------------------------------------------------------


def test_four_12_megapixel_photos_are_reduced_to_300_dpi_and_the_pdf_stays_small(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic")
    first, second, third, fourth = photos = phone_photos(clinic / "images", 4)
    assert sum((clinic / "images" / photo).stat().st_size for photo in photos) > 10_000_000
    (clinic / "content").mkdir()
    (clinic / "content" / "photos.yaml").write_text(figures_section(third, fourth, steps=(first, second)))

    result = build_handout(["photos"], workdir / "out.pdf", clinic=clinic)

    assert result.pages <= 2
    assert (workdir / "out.pdf").stat().st_size < 1_500_000
    drawn = [image for page in PdfReader(workdir / "out.pdf").pages for image in printed_images(page)]
    assert len(drawn) == 4
    for xobject, width, height in drawn:
        assert "/DCTDecode" in filters(xobject)  # a JPEG photo stays JPEG
        assert xobject["/Width"] < 4000
        dpi = xobject["/Width"] / (width / 72), xobject["/Height"] / (height / 72)
        assert all(150 <= value <= 301 for value in dpi), dpi  # sharp, and no more than 300 dpi


# --- a picture that cannot be used is named, and nothing is written ---------------------------------


@pytest.mark.parametrize(
    ("name", "contents", "message"),
    [
        (
            "text.png",
            lambda: b"Meeting notes, not a picture.\n",
            "not a PNG or JPEG image; open it and save it again as PNG or JPEG",
        ),
        ("half.png", lambda: half_of(noisy((300, 200)), "PNG"), DAMAGED),
        ("changed.png", lambda: one_byte_changed(noisy((300, 200))), DAMAGED),
        ("half.jpg", lambda: half_of(noisy((300, 200)), "JPEG"), DAMAGED),
        (
            "huge.png",
            bomb_png,
            "the image is too large to open safely (over 89,478,485 pixels); save a smaller copy",
        ),
    ],
    ids=["text-file-named-png", "truncated-png", "corrupted-png", "truncated-jpeg", "decompression-bomb"],
)
@pytest.mark.parametrize("used_as", ["section-image", "logo"])
def test_a_bad_image_is_named_with_what_to_do_and_nothing_is_written(
    workdir: Path, name: str, contents: Callable[[], bytes], message: str, used_as: str
) -> None:
    if used_as == "logo":
        clinic = make_clinic(workdir / "my-clinic", logo=name)
        bad, sections = clinic / name, "sleep"
    else:
        clinic = make_clinic(workdir / "my-clinic", section=figures_section(name))
        bad, sections = clinic / "images" / name, "photos"
    bad.write_bytes(contents())
    result = run("build", "--clinic", "my-clinic", "--sections", sections, "-o", "out.pdf")
    assert (result.exit_code, result.output) == (1, f"Error: {bad.relative_to(workdir)}: {message}\n")
    assert not (workdir / "out.pdf").exists()


# --- logos ------------------------------------------------------------------------------------------


def test_a_transparent_png_logo_keeps_its_transparency(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic", logo="logo.png")
    logo = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(logo).ellipse((10, 10, 590, 190), fill=(200, 30, 30, 255))
    logo.save(clinic / "logo.png")
    build_handout(["sleep"], workdir / "out.pdf", clinic=clinic)
    (printed,) = image_xobjects(workdir / "out.pdf")
    assert "/SMask" in printed


def test_a_cmyk_jpeg_logo_prints_as_rgb(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic", logo="logo.jpg")
    Image.new("CMYK", (600, 200), (0, 90, 90, 20)).save(clinic / "logo.jpg", "JPEG")
    build_handout(["sleep"], workdir / "out.pdf", clinic=clinic)
    (printed,) = image_xobjects(workdir / "out.pdf")
    assert "/DCTDecode" in filters(printed)
    assert printed["/ColorSpace"] == "/DeviceRGB"


def test_a_small_raster_logo_warns_and_is_never_enlarged(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clinic = make_clinic(workdir / "my-clinic", logo="logo.png")
    Image.new("RGB", (60, 20), (18, 91, 107)).save(clinic / "logo.png")
    with caplog.at_level(logging.WARNING):
        build_handout(["sleep"], workdir / "out.pdf", clinic=Path("my-clinic"))
    assert caplog.messages == [
        "my-clinic/logo.png: the logo is 60 x 20 pixels, which prints at only 96 dpi;"
        " for a sharp print use a logo at least 266 pixels wide, or an SVG"
    ]
    natural = 60 * 72 / 96
    assert logo_size(load(clinic / "logo.png"), "band")[0] == natural
    ((printed, width, height),) = printed_images(PdfReader(workdir / "out.pdf").pages[0])
    assert (width, height) == (pytest.approx(natural), pytest.approx(20 * 72 / 96))
    assert (printed["/Width"], printed["/Height"]) == (60, 20)


def test_a_logo_with_enough_pixels_prints_without_a_warning(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clinic = make_clinic(workdir / "my-clinic", logo="logo.png")
    Image.new("RGB", (600, 200), (18, 91, 107)).save(clinic / "logo.png")
    with caplog.at_level(logging.WARNING):
        build_handout(["sleep"], workdir / "out.pdf", clinic=clinic)
    assert caplog.messages == []


def test_an_svg_logo_stays_vector(workdir: Path) -> None:
    clinic = make_clinic(workdir / "my-clinic", logo="logo.svg")
    shutil.copy(DEMO_CLINIC / "logo.svg", clinic / "logo.svg")
    build_handout(["sleep"], workdir / "out.pdf", clinic=clinic)
    assert image_xobjects(workdir / "out.pdf") == []


# --- pictures may only come from the clinic's own folders -------------------------------------------


@pytest.mark.parametrize("name", ["../outside.png", "/etc/passwd"])
def test_a_section_image_outside_the_images_folder_is_refused(workdir: Path, name: str) -> None:
    Image.new("RGB", (40, 40), MAGENTA).save(workdir / "outside.png")
    make_clinic(workdir / "my-clinic", section=figures_section(name))
    result = run("build", "--clinic", "my-clinic", "--sections", "photos", "-o", "out.pdf")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: my-clinic/content/photos.yaml:{FIRST_IMAGE_LINE}: blocks[0].figures[0].image:"
        f" '{name}' must be a file name inside the images folder\n",
    )
    assert not (workdir / "out.pdf").exists()


@pytest.mark.parametrize(
    ("link", "section", "sections"),
    [("photo.png", figures_section("photo.png"), "photos"), ("sleep-side.jpg", None, "sleep")],
    ids=["named-by-a-section", "replacing-a-bundled-picture"],
)
def test_a_link_in_the_images_folder_to_a_picture_outside_is_refused(
    workdir: Path, link: str, section: str | None, sections: str
) -> None:
    Image.new("RGB", (40, 40), MAGENTA).save(workdir / "outside.png")
    clinic = make_clinic(workdir / "my-clinic", section=section)
    (clinic / "images" / link).symlink_to(workdir / "outside.png")
    result = run("build", "--clinic", "my-clinic", "--sections", sections, "-o", "out.pdf")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: my-clinic/images/{link}: links to a file outside my-clinic/images/;"
        " copy the picture itself into the folder\n",
    )
    assert not (workdir / "out.pdf").exists()


@pytest.mark.parametrize(
    ("name", "linked"),
    [("../logo.svg", False), ("{workdir}/logo.svg", False), ("logo.svg", True)],
    ids=["parent-folder", "absolute-path", "link-to-outside"],
)
def test_a_logo_outside_the_clinic_folder_is_refused(workdir: Path, name: str, linked: bool) -> None:
    shutil.copy(DEMO_CLINIC / "logo.svg", workdir / "logo.svg")
    name = name.format(workdir=workdir)
    clinic = make_clinic(workdir / "my-clinic", logo=name)
    if linked:
        (clinic / "logo.svg").symlink_to(workdir / "logo.svg")
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: my-clinic/clinic.yaml:2: logo: '{name}'"
        " must be a file inside the clinic folder; copy it into my-clinic/\n",
    )
    assert not (workdir / "out.pdf").exists()


def test_an_svg_logo_with_a_picture_inside_prints_in_its_own_colours(workdir: Path) -> None:
    """Design tools often save a logo as SVG with a PNG inside; the logo is never recoloured."""
    inner = io.BytesIO()
    Image.new("RGB", (40, 20), MAGENTA).save(inner, "PNG")
    encoded = base64.b64encode(inner.getvalue()).decode()
    clinic = make_clinic(workdir / "my-clinic", logo="logo.svg")
    (clinic / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80"'
        ' height="40"><rect width="80" height="40" fill="#C2571A"/><image x="20" y="10" width="40"'
        f' height="20" xlink:href="data:image/png;base64,{encoded}"/></svg>'
    )
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    assert share_of(workdir / "out.pdf", MAGENTA) > 0.0005
    assert share_of(workdir / "out.pdf", (0xC2, 0x57, 0x1A), tolerance=4) > 0.001


def test_an_svg_cannot_pull_in_a_picture_from_outside_its_folder(workdir: Path) -> None:
    Image.new("RGB", (40, 20), MAGENTA).save(workdir / "secret.png")
    clinic = make_clinic(workdir / "my-clinic", logo="logo.svg")
    (clinic / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80"'
        ' height="40"><rect width="80" height="40" fill="#125B6B"/>'
        '<image x="20" y="10" width="40" height="20" xlink:href="../secret.png"/></svg>'
    )
    result = run("build", "--clinic", "my-clinic", "--sections", "sleep", "-o", "out.pdf")
    assert (result.exit_code, result.output) == (
        1,
        "Error: my-clinic/logo.svg: refers to '../secret.png', outside my-clinic/; put that picture inside"
        " the folder, or save the SVG with its pictures embedded\n",
    )
    assert not (workdir / "out.pdf").exists()


@pytest.mark.parametrize("grayscale", [False, True], ids=["colour", "grey"])
def test_illustrations_painted_from_their_cache_print_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grayscale: bool
) -> None:
    """An illustration's operators are worked out once and replayed: the PDF is the one a fresh draw of
    every picture makes, in colour and in the grey of a booklet for a black-and-white printer."""
    from builder.api import Printing, build_booklet
    from builder.layout import flowables

    def built(name: str) -> bytes:
        result = build_booklet(
            ["sleep", "dislocates"], tmp_path / name / "b.pdf", printing=Printing(grayscale=grayscale)
        )
        return result.path.read_bytes()

    build_booklet(["sleep"], tmp_path / "warm" / "b.pdf", printing=Printing(grayscale=grayscale))  # fills it
    assert flowables._PAINTINGS
    cached = built("cached")
    monkeypatch.setattr(flowables, "_painting", lambda drawing, grey: None)
    assert built("drawn") == cached
