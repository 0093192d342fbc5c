"""Toolkit: press reports on Vietnam's provinces → validated tables of figures, officials and data quality.

    import toolkit
    result = toolkit.run("data")          # Result with .documents .metrics .people .roster .quality
    result.metrics.groupby("province").size()

The stage functions are importable one by one: `read_document`, `clean_document`,
`detect_language`, `extract_metrics`, `extract_people`, `process_file`, `assemble`.
"""

from toolkit.api import run, write_outputs
from toolkit.clean import clean_document
from toolkit.corpus import find_inputs, read_document
from toolkit.language import detect_language
from toolkit.metrics import extract_metrics
from toolkit.model import Document, Segment
from toolkit.people import extract_people
from toolkit.pipeline import Result, assemble, prepare_document, process_file

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Result",
    "Segment",
    "assemble",
    "clean_document",
    "detect_language",
    "extract_metrics",
    "extract_people",
    "find_inputs",
    "prepare_document",
    "process_file",
    "read_document",
    "run",
    "write_outputs",
]
