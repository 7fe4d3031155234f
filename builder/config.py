"""The clinic whose name, logo, contact details and colours go on every page.

Until a clinic sets up its own, handouts carry the bundled demo clinic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from builder.errors import ConfigError
from builder.resources import DEMO_CLINIC
from builder.validate import Checker, display_path
from builder.yamlfile import YamlFileError, read_yaml

CLINIC_KEYS = (
    "name",
    "tagline",
    "logo",
    "address",
    "phone",
    "email",
    "website",
    "colors",
    "disclaimer",
)
COLOR_KEYS = ("primary", "accent")
HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Colors:
    primary: str
    accent: str


@dataclass(frozen=True)
class Clinic:
    name: str
    tagline: str
    logo: Path | None
    address: str
    phone: str
    email: str
    website: str
    colors: Colors
    disclaimer: str
    source: Path

    @property
    def contacts(self) -> tuple[str, ...]:
        """Address, phone, email and website, in the order a footer lists them; blanks left out."""
        return tuple(part for part in (self.address, self.phone, self.email, self.website) if part)


def load_clinic(path: Path = DEMO_CLINIC / "clinic.yaml") -> Clinic:
    """Load and check a clinic file; relative paths in it are resolved against its folder."""
    try:
        located = read_yaml(path)
    except YamlFileError as exc:
        raise ConfigError([exc.message(display_path(path))]) from None
    check = Checker(path, located)
    top = check.mapping(located.data, (), CLINIC_KEYS) or {}
    colors = check.mapping(top.get("colors", {}), ("colors",), COLOR_KEYS) or {}
    for key in COLOR_KEYS:
        value = check.text(colors, ("colors",), key)
        if value and not HEX_COLOR.match(value):
            check.problem(("colors", key), f"'{value}' must be a colour like \"#125B6B\" (in quotes)")
    logo_name = check.text(top, (), "logo", required=False)
    logo = path.parent / logo_name if logo_name else None
    if logo is not None and not logo.is_file():
        check.problem(("logo",), f"no such file '{logo_name}' (looked in {display_path(path.parent)}/)")
    clinic = Clinic(
        name=check.text(top, (), "name"),
        tagline=check.text(top, (), "tagline", required=False),
        logo=logo,
        address=check.text(top, (), "address", required=False),
        phone=check.text(top, (), "phone", required=False),
        email=check.text(top, (), "email", required=False),
        website=check.text(top, (), "website", required=False),
        colors=Colors(str(colors.get("primary", "")), str(colors.get("accent", ""))),
        disclaimer=check.text(top, (), "disclaimer", required=False),
        source=path,
    )
    if check.problems:
        raise ConfigError(check.problems)
    return clinic
