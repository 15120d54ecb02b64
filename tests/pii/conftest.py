from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def planted() -> list[dict]:
    return yaml.safe_load((CORPUS / "planted.yml").read_text(encoding="utf-8"))
