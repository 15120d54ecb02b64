"""Personal-data detector for the knowledge base: finds identifiers, names and real places.

    from kb.pii import scan_text, scan_file, PiiFinding, DETECTOR_VERSION, mask
"""
from .files import scan_file
from .mask import mask
from .model import DETECTOR_VERSION, PiiFinding
from .scanner import scan_text

__all__ = ["DETECTOR_VERSION", "PiiFinding", "mask", "scan_file", "scan_text"]
