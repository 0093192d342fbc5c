"""The tables the toolkit returns and writes, as pandera models: the schema is the documentation.

One `DataFrameModel` per table of the output contract (CONTRACT.md), columns in
contract order, each with a description. Unknown values are empty strings,
never NaN, so CSV cells are empty for unknown. `validate_table` runs a model
lazily and turns each failure case into a plain-language finding instead of
raising.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.errors import SchemaError, SchemaErrors
from pandera.typing.pandas import Series

from toolkit.model import finding

ISO_LANGUAGE = r"^([a-z]{2})?$"
ISO_DATE = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
UNITS_HINT = "count, percent, VND, USD, hectare, rank, points, or another unit word"
QUALIFIERS = ["exact", "more_than", "approx", "less_than", "up_to"]
SCOPES = ["provincial", "national"]
LEVELS = ["central", "provincial", "press"]
SEVERITIES = ["error", "warning", "info"]


@pandas_engine.Engine.register_dtype
@dtypes.immutable(init=True)
class Text(pandas_engine.STRING):
    """A text column: pandas' string dtype, as `Series[str]` declares it, checked as a whole column.

    pandera's own check answers a column of the right dtype with one True per value, and then
    reshapes and prints those values as failure cases even though none failed: half the cost of
    validating a table. A column of the right dtype passes whole here; any other is checked as before.
    """

    def check(self, pandera_dtype: dtypes.DataType, data_container: pd.Series | None = None):
        verdict = super().check(pandera_dtype, data_container)
        if isinstance(verdict, np.ndarray) and verdict.all():
            return True
        return verdict


class _Config:
    coerce = True
    ordered = True  # the contract's column order
    strict = False  # more columns may follow the contract's


def _text(description: str, **checks) -> object:
    return pa.Field(description=description, nullable=False, **checks)


class DocumentsSchema(pa.DataFrameModel):
    """documents.csv: one row per input file, rejected ones included."""

    doc_id: Series[Text] = _text(
        "The input file's name without its extension.", unique=True, str_length={"min_value": 1}
    )
    path: Series[Text] = _text("The input file's path as given.")
    status: Series[Text] = _text(
        "`ok` when the file was read, `rejected` when it could not be.", isin=["ok", "rejected"]
    )
    error: Series[Text] = _text("Why a rejected file could not be read, in plain language; empty when ok.")
    language: Series[Text] = _text(
        "ISO 639-1 code of the body's language, from lingua.", str_matches=ISO_LANGUAGE
    )
    title: Series[Text] = _text("The article's title where the file has one.")
    source_url: Series[Text] = _text("The article's address, from its source line or the text.")
    publisher: Series[Text] = _text("The source address's domain, without www.")
    published: Series[Text] = _text(
        "Publication date (ISO: YYYY-MM-DD, or YYYY-MM from a URL).", str_matches=ISO_DATE
    )
    province: Series[Text] = _text("Main province of the article: current official name, no prefix.")
    scope: Series[Text] = _text(
        "`provincial` (about one province) or `national`; empty for rejected files.", isin=[*SCOPES, ""]
    )
    story_id: Series[Text] = _text("Shared by articles reporting the same event in any language.")
    n_chars: Series[int] = pa.Field(ge=0, description="Characters of cleaned text.")
    n_paragraphs: Series[int] = pa.Field(
        ge=0, description="Paragraphs kept (body, lead, headings, captions)."
    )
    n_duplicate_paragraphs: Series[int] = pa.Field(
        ge=0, description="Repeated paragraphs dropped (kept once)."
    )
    # Not a contract column: added by the quality stage after the contract's columns.
    quality_score: Optional[Series[float]] = pa.Field(  # noqa: UP045 - pandera reads Optional
        ge=0,
        le=1,
        nullable=False,
        description=(
            "Share of the document's checked items (each figure, and its text) with no warning or error "
            "against them, 0 to 1 (toolkit.quality.document_scores); 1 for a clean text without figures, "
            "0 for a rejected file."
        ),
    )

    class Config(_Config):
        pass

    @pa.dataframe_check(description="A rejected file says why; an ok file has no error.")
    def error_iff_rejected(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "rejected") == (df["error"] != "")


class MetricsSchema(pa.DataFrameModel):
    """metrics.csv: one row per figure mention."""

    metric_id: Series[Text] = _text("Stable id of the mention (same text, same id).", unique=True)
    doc_id: Series[Text] = _text("The document the figure is in.")
    story_id: Series[Text] = _text("The story of the document.")
    province: Series[Text] = _text("Current official province name; empty for national figures.")
    province_legacy: Series[Text] = _text("The pre-merger province the text names, if any.")
    scope: Series[Text] = _text("`provincial` or `national`.", isin=SCOPES)
    indicator: Series[Text] = _text(
        "A key of the indicator catalogue, or `other`.", str_length={"min_value": 1}
    )
    label: Series[Text] = _text("The wording the figure counts, as written.")
    value: Series[float] = pa.Field(description="Plain decimal with the scale applied.", nullable=False)
    unit: Series[Text] = _text(f"Unit: {UNITS_HINT}.", str_length={"min_value": 1})
    qualifier: Series[Text] = _text("exact, more_than, approx, less_than or up_to.", isin=QUALIFIERS)
    period: Series[Text] = _text(
        "The time the figure covers when the text says it (2025, 2025-01..2025-10, as of 2025-06-30)."
    )
    language: Series[Text] = _text("ISO 639-1 code of the document.", str_matches=ISO_LANGUAGE)
    raw: Series[Text] = _text("The figure as written, with its scale word.", str_length={"min_value": 1})
    quote: Series[Text] = _text("The sentence around the figure.")
    start: Series[int] = pa.Field(ge=0, description="Offset of `raw` in the cleaned text.")
    end: Series[int] = pa.Field(ge=0, description="End offset: text[start:end] == raw.")

    class Config(_Config):
        pass

    @pa.check("value", description="Values are finite numbers.")
    def finite(cls, s: Series[float]) -> Series[bool]:
        return s.abs() < float("inf")

    @pa.dataframe_check(description="Offsets span the raw figure.")
    def offsets_span_raw(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["end"] - df["start"]) == df["raw"].str.len()


class PeopleSchema(pa.DataFrameModel):
    """people.csv: one row per person per article."""

    person_id: Series[Text] = _text(
        "Same id for the same person in every article and language.", str_length={"min_value": 1}
    )
    doc_id: Series[Text] = _text("The document the person is named in.")
    story_id: Series[Text] = _text("The story of the document.")
    name: Series[Text] = _text("The name as written, without honorific.", str_length={"min_value": 1})
    honorific: Series[Text] = _text("The word before the name (camarada, Sr., towarzyszka), else empty.")
    gender: Series[Text] = _text("`f` or `m` where the text shows it, else empty.", isin=["f", "m", ""])
    role: Series[Text] = _text("Titles as written at the first full mention.")
    role_keys: Series[Text] = _text("Keys of the role catalogue, `;`-separated.")
    level: Series[Text] = _text("central, provincial or press.", isin=LEVELS)
    province: Series[Text] = _text("Current province for provincial people, else empty.")
    language: Series[Text] = _text("ISO 639-1 code of the document.", str_matches=ISO_LANGUAGE)
    quote: Series[Text] = _text("The sentence naming the person.")
    start: Series[int] = pa.Field(ge=0, description="Offset of the name in the cleaned text.")
    end: Series[int] = pa.Field(ge=0, description="End offset of the name.")

    class Config(_Config):
        pass

    @pa.dataframe_check(description="One row per person per article.")
    def one_row_per_person_per_doc(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df.duplicated(["doc_id", "person_id"], keep=False)


class RosterSchema(pa.DataFrameModel):
    """roster.csv: one row per person across articles."""

    person_id: Series[Text] = _text("The person's id.", unique=True)
    name: Series[Text] = _text("The name, as most often written.")
    gender: Series[Text] = _text("`f`, `m` or empty.", isin=["f", "m", ""])
    level: Series[Text] = _text("central, provincial or press.", isin=LEVELS)
    province: Series[Text] = _text("Current province, else empty.")
    role_keys: Series[Text] = _text("Every role key the person held, `;`-separated.")
    roles: Series[Text] = _text("Every title as written, ` | `-separated.")
    doc_ids: Series[Text] = _text("The documents naming the person, `;`-separated.")
    n_documents: Series[int] = pa.Field(ge=1, description="How many documents name the person.")

    class Config(_Config):
        pass


class QualitySchema(pa.DataFrameModel):
    """quality.csv: one row per data-quality finding."""

    finding_id: Series[Text] = _text("Stable id of the finding.", unique=True)
    check: Series[Text] = _text(
        "Short stable key of the check (see the checks catalogue).", str_length={"min_value": 1}
    )
    severity: Series[Text] = _text("error, warning or info.", isin=SEVERITIES)
    doc_id: Series[Text] = _text("The document concerned, empty for corpus-wide findings.")
    story_id: Series[Text] = _text("The story concerned, if any.")
    subject: Series[Text] = _text("The figure, person, paragraph or file concerned.")
    detail: Series[Text] = _text("One plain-language sentence saying what is wrong or what was verified.")
    evidence: Series[Text] = _text("The quotes involved.")
    # Not a contract column: lets a reader (and the quality score) find the figures a finding is about.
    metric_ids: Optional[Series[Text]] = pa.Field(  # noqa: UP045 - pandera reads Optional
        nullable=False, description="The figures (metrics.metric_id) the finding is about, `;`-separated."
    )

    class Config(_Config):
        pass


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "documents": DocumentsSchema,
    "metrics": MetricsSchema,
    "people": PeopleSchema,
    "roster": RosterSchema,
    "quality": QualitySchema,
}
TABLES = tuple(SCHEMAS)  # the tables of the output contract, in its order


def columns(table: str) -> list[str]:
    """The contract's columns of a table, in order (optional extra columns are not in the contract)."""
    return [name for name, col in SCHEMAS[table].to_schema().columns.items() if col.required]


def empty_frame(table: str) -> pd.DataFrame:
    """A table with its contract columns and no rows, typed as the schema says."""
    schema = SCHEMAS[table].to_schema()
    return pd.DataFrame(
        {name: pd.Series(dtype=str(col.dtype)) for name, col in schema.columns.items() if col.required}
    )


def frame(table: str, records: list[dict]) -> pd.DataFrame:
    """Build a table once from plain records: contract columns first; missing text is '', missing counts 0."""
    if not records:
        return empty_frame(table)
    schema = SCHEMAS[table].to_schema()
    df = pd.DataFrame.from_records(records)
    for name, col in schema.columns.items():
        text = "str" in str(col.dtype).lower()
        if name not in df:
            if col.required:  # an optional column is added by the stage that computes it
                df[name] = "" if text else (0 if "int" in str(col.dtype) else float("nan"))
        elif text:
            df[name] = df[name].fillna("").astype(str)
    return in_contract_order(df, table)


def records(df: pd.DataFrame) -> list[dict]:
    """The rows as plain records, as `df.to_dict("records")` gives them, a column at a time: pandas
    boxes every value of an Arrow-backed text column one by one, ten times slower."""
    names = list(df.columns)
    values = [df[name].tolist() for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def in_contract_order(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """`df` with the contract's columns first, in order, then any others it has."""
    cols = columns(table)
    return df[cols + [c for c in df.columns if c not in cols]]


def validate_table(table: str, df: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Validate lazily; return the (coerced when possible) table and one finding per failure case."""
    try:
        return SCHEMAS[table].validate(df, lazy=True), []
    except SchemaErrors as errors:
        return df, _failure_findings(table, errors.failure_cases, df)
    except SchemaError as error:  # pragma: no cover - lazy validation reports SchemaErrors
        return df, [
            finding(
                "schema_failure",
                "error",
                f"The {table} table does not fit its schema: {error}.",
                subject=table,
            )
        ]


def _failure_findings(table: str, cases: pd.DataFrame, df: pd.DataFrame) -> list[dict]:
    """One finding per broken rule per row; a whole-row rule is reported once, not once per column."""
    rules = {c.name: c.description or c.name for c in SCHEMAS[table].to_schema().checks}
    out, seen = [], set()
    for case in cases.itertuples(index=False):
        whole_row = getattr(case, "schema_context", "") == "DataFrameSchema"
        column = "(whole row)" if whole_row else (getattr(case, "column", None) or "(whole row)")
        index = getattr(case, "index", None)
        check = str(getattr(case, "check", ""))
        key = (column, index, check)
        if key in seen:
            continue
        seen.add(key)
        has_row = index is not None and not pd.isna(index)
        row_label = f"row {index}" if has_row else "the table"
        doc_id = (
            str(df.at[index, "doc_id"]) if has_row and "doc_id" in df.columns and index in df.index else ""
        )
        rule = rules.get(check, check)
        if whole_row:
            detail = f"In the {table} table, {row_label} breaks the rule: {rule}"
        else:
            value = getattr(case, "failure_case", "")
            detail = f"In the {table} table, {row_label}, column '{column}' holds '{value}', which breaks the rule: {rule}"
        out.append(
            finding(
                "schema_failure",
                "error",
                detail.rstrip(".") + ".",
                doc_id=doc_id,
                subject=f"{table}:{row_label}:{column}",
            )
        )
    return out
