"""Image metadata: find what a photo carries (location, camera, dates, authors) and remove it."""
from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".tif", ".tiff"}
GPS_IFD = 0x8825
TEXT_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Author", "Description", "Comment",
             "Software", "Title", "Creation Time", "Copyright", "Source"}


class ImageError(ValueError):
    pass


def metadata(path: Path) -> list[str]:
    """Names of the metadata an image carries (empty when clean)."""
    try:
        with Image.open(path) as image:
            found = []
            exif = image.getexif()
            if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
                found.append("GPS location")
            found += sorted({ExifTags.TAGS.get(tag, f"EXIF tag {tag}") for tag in exif if tag != GPS_IFD})
            found += sorted(key for key in image.info if key in TEXT_KEYS and key != "exif")
            return found
    except (UnidentifiedImageError, OSError) as error:
        raise ImageError(f"cannot read image: {error}") from None


def scrub(path: Path) -> list[str]:
    """Rewrite the image in place with its pixels only; return what was removed."""
    removed = metadata(path)
    if not removed:
        return []
    with Image.open(path) as image:
        image.load()
        kind = image.format
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        if image.mode == "P":
            clean.putpalette(image.getpalette())
    options = {"quality": 95} if kind == "JPEG" else {}
    clean.save(path, format=kind, **options)
    return removed
