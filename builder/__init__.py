"""handout: branded, printable patient-education handouts from a library of YAML sections."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("handout")
except PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.0.0+source"
