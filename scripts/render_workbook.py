#!/usr/bin/env python3
"""Render a workbook to PNG pages, to look at it as a person would (not part of the tests).

    python scripts/render_workbook.py exports/report.xlsx --out /tmp/report-png
    python scripts/render_workbook.py exports/report.xlsx --install   # apt-get libreoffice-calc, poppler-utils

LibreOffice (headless) prints every sheet to one PDF; pdftoppm turns its pages
into PNG files `page-1.png`, `page-2.png`... in the output folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGES = ["libreoffice-calc", "poppler-utils"]


def install() -> None:
    """Install LibreOffice Calc and poppler from the system's packages (Debian/Ubuntu, as root)."""
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES], check=True, env=env
    )


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render(workbook: Path, out: Path, dpi: int = 70) -> list[Path]:
    """The workbook's pages as PNG files in `out`."""
    office = soffice()
    if office is None or shutil.which("pdftoppm") is None:
        raise SystemExit("LibreOffice and pdftoppm are needed: run again with --install (as root).")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"  # a fresh profile: no dialogs, no clash with a running LibreOffice
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(workbook),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = Path(tmp) / (workbook.stem + ".pdf")
        for old in out.glob("page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / "page")], check=True)
    return sorted(out.glob("page-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("workbook", type=Path, help="the .xlsx file to render")
    parser.add_argument(
        "--out", type=Path, default=None, help="folder for the PNG pages (default: beside it)"
    )
    parser.add_argument("--dpi", type=int, default=70, help="resolution of the pages (default: 70)")
    parser.add_argument("--install", action="store_true", help="install LibreOffice Calc and poppler first")
    args = parser.parse_args(argv)
    if args.install:
        install()
    out = args.out or args.workbook.with_name(args.workbook.stem + "-pages")
    pages = render(args.workbook.resolve(), out, args.dpi)
    print(f"{len(pages)} pages written to {out}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
