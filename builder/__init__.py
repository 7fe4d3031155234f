"""handout: branded, printable patient-education handouts from a library of YAML sections."""

__version__ = "0.1.0"
