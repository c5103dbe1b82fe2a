"""Find a Polis export's files: in a folder, a folder inside it, or a zip file.

The open-data repository has one folder per conversation; a downloaded export is often zipped,
sometimes with the folder inside the zip, and a file may carry a prefix
(``2vkxcncppn-comments.csv``). Files are known by how their names end; other files
(``comment-groups.csv``, a README) are left alone. Two candidates for one file are refused
rather than guessed between.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from dialog.analysis.polis_csv import PolisExportError

COMMENTS, VOTES, MATRIX, SUMMARY = ("comments.csv", "votes.csv", "participants-votes.csv",
                                    "summary.csv")
#: Longest first, so participants-votes.csv is not taken for votes.csv.
KINDS = (MATRIX, "comment-groups.csv", COMMENTS, VOTES, SUMMARY)
USED = (COMMENTS, VOTES, MATRIX, SUMMARY)
#: The most a zip's export files may unpack to: far above any real conversation's (a million
#: votes is about 50 MB), far below what a zip bomb would fill the disk with.
MAX_UNPACKED_BYTES = 1 << 30


def kind_of(name: str) -> str | None:
    """Which export file a file name is (``comments.csv`` or ``x-comments.csv``), if any."""
    lower = name.lower()
    if lower.startswith("._"):  # macOS resource forks in zips
        return None
    for kind in KINDS:
        if lower == kind or (lower.endswith(kind) and lower[-len(kind) - 1] in "-_. "):
            return kind if kind in USED else None
    return None


def _pick(path: Path, names: list[str]) -> dict[str, str]:
    """kind -> file name among ``names``; an exact name beats a prefixed one."""
    found: dict[str, list[str]] = {}
    for name in names:
        kind = kind_of(name)
        if kind is not None:
            found.setdefault(kind, []).append(name)
    chosen: dict[str, str] = {}
    for kind, candidates in found.items():
        exact = [n for n in candidates if n.lower() == kind]
        if len(exact or candidates) > 1:
            raise PolisExportError("polis_export_ambiguous", path=str(path), file=kind)
        chosen[kind] = (exact or candidates)[0]
    return chosen


def folder_files(folder: Path) -> dict[str, Path]:
    """The export's files in ``folder``, or in its one subfolder that has a comments file."""
    files = _pick(folder, [p.name for p in folder.iterdir() if p.is_file()])
    if COMMENTS not in files:
        inner = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))
                 and COMMENTS in _pick(p, [f.name for f in p.iterdir() if f.is_file()])]
        if len(inner) == 1:
            return folder_files(inner[0])
        if len(inner) > 1:
            raise PolisExportError("polis_export_ambiguous", path=str(folder), file=COMMENTS)
    return {kind: folder / name for kind, name in files.items()}


def zip_files(archive: Path, into: Path) -> dict[str, Path]:
    """Extract the export's files from the zip's one folder that has a comments file."""
    try:
        with zipfile.ZipFile(archive) as handle:
            members = [m for m in handle.infolist()
                       if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
            by_folder: dict[str, list[zipfile.ZipInfo]] = {}
            for member in members:
                by_folder.setdefault(str(PurePosixPath(member.filename).parent), []).append(member)
            folders = [f for f, ms in by_folder.items()
                       if COMMENTS in _pick(archive, [PurePosixPath(m.filename).name for m in ms])]
            if len(folders) > 1:
                raise PolisExportError("polis_export_ambiguous", path=str(archive), file=COMMENTS)
            chosen = by_folder[folders[0]] if folders else members
            names = {PurePosixPath(m.filename).name: m for m in chosen}
            picked = _pick(archive, list(names))
            if sum(names[name].file_size for name in picked.values()) > MAX_UNPACKED_BYTES:
                raise PolisExportError("polis_export_too_large", path=str(archive))
            files: dict[str, Path] = {}
            for kind, name in picked.items():
                # Written under the kind's own name: a member's path never decides where.
                with handle.open(names[name]) as source, (into / kind).open("wb") as target:
                    shutil.copyfileobj(source, target)
                files[kind] = into / kind
            return files
    # zipfile raises NotImplementedError for a compression method it cannot read, and
    # RuntimeError for an encrypted member: both are zips we cannot open.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise PolisExportError("polis_export_bad_zip", path=str(archive)) from exc


@contextmanager
def export_files(path: str | Path) -> Iterator[dict[str, Path]]:
    """kind -> file for an export folder or zip; comments and some votes file are required."""
    source = Path(path)
    with tempfile.TemporaryDirectory(prefix="polis-") as scratch:
        if source.is_dir():
            files = folder_files(source)
        elif source.is_file() and zipfile.is_zipfile(source):
            files = zip_files(source, Path(scratch))
        elif source.is_file():
            raise PolisExportError("polis_export_not_a_folder", path=str(source))
        else:
            raise PolisExportError("polis_export_missing", path=str(source))
        if COMMENTS not in files or not (VOTES in files or MATRIX in files):
            raise PolisExportError("polis_export_missing_files", path=str(source))
        yield files
