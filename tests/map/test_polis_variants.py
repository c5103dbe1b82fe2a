"""Every variant of a Polis export that real exports have imports, or is refused in Swedish.

Each test writes a small export into tmp_path the way some Polis version (or a spreadsheet that
saved it again) writes it, then runs ``dialog import-polis`` and ``dialog analyze`` as a
facilitator would. Which file wins when votes.csv and participants-votes.csv disagree is
told in ``dialog/analysis/polis_data.py``.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dialog.cli import cli

COMMENTS = ("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
            "1500000001000,x,0,1,2,0,1,Mer belysning i parken\n"
            "1500000002000,x,1,2,1,1,1,\"Fler bänkar, och tak över dem\"\n"
            "1500000003000,x,2,3,0,1,-1,Ring mig\n")
VOTES = ("timestamp,datetime,comment-id,voter-id,vote\n"
         "1500000001100,x,0,1,1\n1500000001200,x,0,2,1\n1500000002100,x,1,1,-1\n"
         "1500000002200,x,1,3,1\n1500000003100,x,2,2,-1\n")
#: The same final votes as VOTES, as the matrix of an export without votes.csv.
MATRIX = ("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n"
          "1,,1,2,1,1,1,-1,\n2,,1,2,1,1,1,,-1\n3,,1,1,1,0,,1,\n")
SUMMARY = "topic,Parken\nurl,https://pol.is/abc\nvoters,3\ncomments,3\ngroups,0\n"

Run = Callable[..., Result]


@pytest.fixture
def run(app, settings, tmp_path) -> Run:
    """``dialog ARGS...`` in-process against the test database; must succeed unless told."""
    runner = CliRunner()
    env = {"DIALOG_DATABASE_URL": settings.database_url,
           "DIALOG_INSTANCE_DIR": str(tmp_path / "instance"),
           "DIALOG_SECRET_KEY": "test-secret-key"}

    def invoke(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(cli, list(args), env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exc_info)
        assert (result.exit_code == 0) is ok, result.output
        return result

    return invoke


def write(folder: Path, files: dict[str, str], encoding: str = "utf-8",
          newline: str = "\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text.replace("\n", newline).encode(encoding))
    return folder


def imported(run: Run, path: Path) -> dict:
    """Import and analyse; the import's counts, its notes (stderr) and the analysis."""
    result = run("import-polis", str(path), "--json")
    counts = json.loads(result.stdout)
    counts["stderr"] = result.stderr
    counts["analysis"] = json.loads(run("analyze", str(counts["process_id"]), "--json").stdout)
    counts["text"] = run("analyze", str(counts["process_id"])).stdout
    return counts


def exported(run: Run, process_id: int, out: Path) -> dict[str, list[dict[str, str]]]:
    run("export", str(process_id), "--format", "polis", "-o", str(out))
    return {name: read_csv(out / name) for name in ("comments.csv", "votes.csv")}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def final_votes(rows: list[dict[str, str]]) -> dict[tuple[int, int], int]:
    return {(int(r["voter-id"]), int(r["comment-id"])): int(r["vote"]) for r in rows}


EXPECTED = {(1, 0): 1, (2, 0): 1, (1, 1): -1, (3, 1): 1, (2, 2): -1}


def test_the_plain_export_imports_as_the_reference_for_the_variants(run, tmp_path):
    found = imported(run, write(tmp_path / "parken", {
        "comments.csv": COMMENTS, "votes.csv": VOTES, "summary.csv": SUMMARY}))
    assert (found["perspectives"], found["hidden"], found["participants"],
            found["reactions"]) == (3, 1, 3, 5)
    assert found["notes"] == []
    assert found["stderr"] == ""
    votes = exported(run, found["process_id"], tmp_path / "ut")["votes.csv"]
    assert final_votes(votes) == EXPECTED


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8-sig", "\r\n"), ("utf-8-sig", "\n"),
                                                   ("utf-8", "\r\n"), ("cp1252", "\r\n")])
def test_a_byte_order_mark_crlf_or_windows_1252_reads_the_same(run, tmp_path, encoding,
                                                                  newline):
    folder = write(tmp_path / "sparad", {"comments.csv": COMMENTS.replace("bänkar", "bänkår"),
                                         "votes.csv": VOTES}, encoding, newline)
    found = imported(run, folder)
    assert (found["perspectives"], found["reactions"]) == (3, 5)
    comments = exported(run, found["process_id"], tmp_path / "ut")["comments.csv"]
    assert comments[1]["comment-body"] == "Fler bänkår, och tak över dem"


def test_a_swedish_spreadsheet_saves_with_semicolons_and_is_read_alike(run, tmp_path):
    found = imported(run, write(tmp_path / "excel", {
        "comments.csv": COMMENTS.replace(",", ";").replace("bänkar; och", "bänkar, och"),
        "votes.csv": VOTES.replace(",", ";")}, "cp1252", "\r\n"))
    assert (found["perspectives"], found["reactions"]) == (3, 5)


def test_quoted_newlines_and_commas_stay_in_the_comment_text(run, tmp_path):
    comments = COMMENTS.replace("Mer belysning i parken", '"Mer belysning,\ni parken ""nu"""')
    found = imported(run, write(tmp_path / "rader", {"comments.csv": comments,
                                                     "votes.csv": VOTES}, newline="\r\n"))
    assert found["perspectives"] == 3
    body = exported(run, found["process_id"], tmp_path / "ut")["comments.csv"][0]["comment-body"]
    assert body.replace("\r\n", "\n") == 'Mer belysning,\ni parken "nu"'


def test_an_unquoted_comment_body_is_joined_at_its_commas(run, tmp_path):
    """One Polis version wrote comment-body without quotes; it is the last column."""
    found = imported(run, write(tmp_path / "ociterad", {
        "comments.csv": COMMENTS.replace('"Fler bänkar, och tak över dem"',
                                         "Fler bänkar, och tak, över dem"),
        "votes.csv": VOTES}))
    comments = exported(run, found["process_id"], tmp_path / "ut")["comments.csv"]
    assert comments[1]["comment-body"] == "Fler bänkar, och tak, över dem"


def test_columns_in_another_order_and_unknown_columns_are_read_by_name(run, tmp_path):
    comments = ("comment-body,is-meta,moderated,comment-id,passes,author-id,timestamp\n"
                "Mer belysning i parken,false,1,0,0,1,1500000001000\n"
                "\"Fler bänkar, och tak över dem\",false,1,1,0,2,1500000002000\n"
                "Ring mig,true,-1,2,0,3,1500000003000\n")
    votes = "vote,voter-id,extra,comment-id,timestamp\n" + "".join(
        f"{v},{p},?,{c},{1500000004000 + i}\n" for i, ((p, c), v) in enumerate(EXPECTED.items()))
    found = imported(run, write(tmp_path / "ordning", {"comments.csv": comments,
                                                       "votes.csv": votes}))
    assert (found["perspectives"], found["hidden"], found["reactions"]) == (3, 1, 5)
    assert final_votes(exported(run, found["process_id"], tmp_path / "ut")["votes.csv"]) == (
        EXPECTED)


def test_newer_exports_with_seconds_and_comment_prefixed_columns(run, tmp_path):
    """Newer Polis servers write times in seconds and name the matrix columns comment-<id>."""
    comments = COMMENTS.replace("1500000001000", "1500000001").replace(
        "1500000002000", "1500000002").replace("1500000003000", "1500000003")
    matrix = MATRIX.replace(",0,1,2\n", ",comment-0,comment-1,comment-2\n")
    found = imported(run, write(tmp_path / "ny", {"comments.csv": comments,
                                                  "participants-votes.csv": matrix}))
    assert found["reactions"] == 5
    out = exported(run, found["process_id"], tmp_path / "ut")
    assert final_votes(out["votes.csv"]) == EXPECTED
    assert {int(r["timestamp"]) // 1000 for r in out["comments.csv"]} == {
        1500000001, 1500000002, 1500000003}


def test_a_matrix_that_wrote_passes_as_blank_cells_says_the_passes_are_missing(run, tmp_path):
    """One Polis version wrote a pass (0) as a blank cell; n-votes still counts it."""
    matrix = MATRIX.replace(",0,1,2\n", ",comment-0,comment-1,comment-2\n").replace(
        "\n3,,1,1,1,0,,1,\n", "\n3,,1,2,1,0,,1,\n")  # 3 passed on comment 0: a blank
    found = imported(run, write(tmp_path / "pass", {"comments.csv": COMMENTS,
                                                    "participants-votes.csv": matrix}))
    assert (found["reactions"], found["notes"]) == (5, ["polis_note_matrix_unseen_votes"])
    assert "räknar 1 röst (n-votes) som inte står i någon kolumn" in found["stderr"]


def test_without_summary_the_title_is_the_folder_name(run, tmp_path):
    found = imported(run, write(tmp_path / "utan-summary", {"comments.csv": COMMENTS,
                                                            "votes.csv": VOTES}))
    exported(run, found["process_id"], tmp_path / "ut")
    with (tmp_path / "ut" / "summary.csv").open(encoding="utf-8", newline="") as handle:
        assert dict(csv.reader(handle))["topic"] == "utan-summary"


def test_only_participants_votes_with_xid_blank_groups_and_a_silent_participant(run,
                                                                                 tmp_path):
    """Polis formed no groups (every group-id blank); participant 4 saw the page, no votes."""
    matrix = MATRIX.replace("participant,group-id", "participant,xid,group-id").replace(
        "\n1,", "\n1,abc,").replace("\n2,", "\n2,,").replace("\n3,", "\n3,x,") + "4,,,0,0,0,0,,,\n"
    found = imported(run, write(tmp_path / "matris", {"comments.csv": COMMENTS,
                                                      "participants-votes.csv": matrix}))
    assert (found["participants"], found["reactions"]) == (3, 5)
    assert found["analysis"]["opinion_groups"] == []
    assert "Inga åsiktsgrupper" in found["text"]


def test_votes_csv_wins_over_a_participants_votes_that_disagrees_and_says_so(run, tmp_path):
    stale = MATRIX.replace("\n3,,1,1,1,0,,1,\n", "\n3,,1,1,0,1,,-1,\n")  # 3 changed its mind
    found = imported(run, write(tmp_path / "oense", {
        "comments.csv": COMMENTS, "votes.csv": VOTES, "participants-votes.csv": stale}))
    assert found["notes"] == ["polis_note_votes_differ"]
    assert "skiljer sig från votes.csv i 1 slutlig röst; votes.csv gäller" in found["stderr"]
    votes = exported(run, found["process_id"], tmp_path / "ut")["votes.csv"]
    assert final_votes(votes)[(3, 1)] == 1


def test_a_vote_log_with_reversed_signs_is_turned_round_by_the_matrix(run, tmp_path):
    """One Polis version wrote the database's sign (-1 agree) into votes.csv."""
    flipped = VOTES.replace(",1\n", ",+\n").replace(",-1\n", ",1\n").replace(",+\n", ",-1\n")
    found = imported(run, write(tmp_path / "omvand", {
        "comments.csv": COMMENTS, "votes.csv": flipped, "participants-votes.csv": MATRIX}))
    assert found["notes"] == ["polis_note_votes_reversed"]
    assert final_votes(exported(run, found["process_id"], tmp_path / "ut")["votes.csv"]) == (
        EXPECTED)


def test_a_vote_log_without_voter_ids_gives_way_to_the_matrix(run, tmp_path):
    """One Polis version wrote voter-id "undefined" and timestamp "NaN" on every row."""
    nameless = "timestamp,datetime,comment-id,voter-id,vote\nNaN,Invalid Date,0,undefined,1\n"
    found = imported(run, write(tmp_path / "namnlos", {
        "comments.csv": COMMENTS, "votes.csv": nameless, "participants-votes.csv": MATRIX}))
    assert (found["notes"], found["reactions"]) == (["polis_note_votes_without_voters"], 5)


def test_later_votes_replace_earlier_ones_whatever_the_file_order(run, tmp_path):
    votes = VOTES + "1500000000500,x,0,1,-1\n1500000009000,x,1,1,0\n"  # before, after
    found = imported(run, write(tmp_path / "dubbla", {"comments.csv": COMMENTS,
                                                      "votes.csv": votes}))
    assert found["reactions"] == 5
    final = final_votes(exported(run, found["process_id"], tmp_path / "ut")["votes.csv"])
    assert final == {**EXPECTED, (1, 1): 0}


def test_votes_on_comments_missing_from_comments_csv_are_skipped_and_counted(run, tmp_path):
    matrix = MATRIX.replace(",0,1,2\n", ",0,1,2,99\n").replace("\n1,,1,2,1,1,1,-1,\n",
                                                                "\n1,,1,3,2,1,1,-1,,1\n")
    found = imported(run, write(tmp_path / "okand", {"comments.csv": COMMENTS,
                                                     "participants-votes.csv": matrix}))
    assert (found["reactions"], found["skipped_votes"]) == (5, 1)
    assert "1 röst gäller en kommentar som inte finns i comments.csv" in found["stderr"]


@pytest.mark.parametrize(("comments", "votes", "counts"), [
    (COMMENTS.splitlines()[0] + "\n", VOTES.splitlines()[0] + "\n", (0, 0, 0)),
    (COMMENTS, VOTES.splitlines()[0] + "\n", (3, 3, 0)),
    ("".join(COMMENTS.splitlines(keepends=True)[:2]), "".join(VOTES.splitlines(
        keepends=True)[:2]), (1, 1, 1)),
], ids=["no comments", "no voters", "one comment one vote"])
def test_a_conversation_too_small_for_groups_imports_and_analyses_without_them(
        run, tmp_path, comments, votes, counts):
    found = imported(run, write(tmp_path / "liten", {"comments.csv": comments,
                                                     "votes.csv": votes}))
    assert (found["perspectives"], found["participants"], found["reactions"]) == counts
    assert found["analysis"]["opinion_groups"] == []
    assert "Inga åsiktsgrupper: för få deltagare" in found["text"]


def test_a_zip_with_its_folder_inside_and_prefixed_names_imports_like_the_folder(run,
                                                                                 tmp_path):
    archive = tmp_path / "parken-export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("parken/2vkxcncppn-comments.csv", COMMENTS)
        handle.writestr("parken/2vkxcncppn-votes.csv", VOTES)
        handle.writestr("parken/2vkxcncppn-participants-votes.csv", MATRIX)
        handle.writestr("parken/comment-groups.csv", "comment-id\n")
        handle.writestr("__MACOSX/parken/._2vkxcncppn-comments.csv", "\x00\x01")
    found = imported(run, archive)
    assert (found["perspectives"], found["reactions"], found["notes"]) == (3, 5, [])
    nested = write(tmp_path / "uppackad" / "parken", {"comments.csv": COMMENTS,
                                                      "votes.csv": VOTES})
    assert imported(run, nested.parent)["reactions"] == 5


BAD_ZIP = b"PK\x03\x04 not really a zip"


@pytest.mark.parametrize(("files", "code", "words"), [
    ({"comments.csv": COMMENTS.replace("comment-id", "id")}, "polis_export_missing_column",
     'saknar kolumnen "comment-id"'),
    ({"votes.csv": VOTES + "1500000009000,x,0,undefined,1\n"}, "polis_export_bad_value",
     'rad 7, kolumn "voter-id": "undefined"'),
    ({"votes.csv": VOTES + "1500000009000,x,0,1,2\n"}, "polis_export_bad_value",
     'kolumn "vote": "2"'),
    ({"comments.csv": COMMENTS + "1500000004000,x,2,3,0,0,1,Igen\n"},
     "polis_export_duplicate_comment", "har kommentaren 2 två gånger"),
    ({"votes.csv": "timestamp,datetime,comment-id,voter-id,vote\nNaN,x,0,undefined,1\n"},
     "polis_export_votes_without_voters", "saknar deltagarnas id"),
    ({"votes.csv": None}, "polis_export_missing_files", "är ingen läsbar Polis-export"),
    ({"votes.csv": None, "a-votes.csv": VOTES, "b-votes.csv": VOTES}, "polis_export_ambiguous",
     "har mer än en votes.csv"),
    ({"comments.csv": "\x81\x8d\x8f\x90\x9d\xff\xfe"}, "polis_export_bad_encoding",
     "varken UTF-8 eller Windows-1252"),
], ids=["missing column", "bad voter-id", "vote 2", "comment twice", "votes without voters",
        "no votes file", "two votes files", "bad encoding"])
def test_an_unreadable_export_is_refused_in_swedish_with_a_stable_code(run, tmp_path, files,
                                                                       code, words):
    folder = write(tmp_path / "trasig", {"comments.csv": COMMENTS, "votes.csv": VOTES})
    for name, text in files.items():
        if text is None:
            (folder / name).unlink()
        else:
            (folder / name).write_bytes(text.encode("latin-1" if "\x81" in text else "utf-8"))
    result = run("import-polis", str(folder), ok=False)
    assert f"[{code}]" in result.output
    assert words in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("name", "content", "code"), [
    ("export.zip", BAD_ZIP, "polis_export_not_a_folder"),
    ("comments.csv", COMMENTS.encode(), "polis_export_not_a_folder"),
])
def test_a_file_that_is_not_a_zip_is_refused(run, tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    result = run("import-polis", str(tmp_path / name), ok=False)
    assert f"[{code}]" in result.output
    assert "varken en mapp eller en zip-fil" in result.output


def test_a_damaged_zip_is_refused(run, tmp_path):
    archive = tmp_path / "trasig.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("comments.csv", COMMENTS)
        handle.writestr("votes.csv", VOTES)
    data = bytearray(archive.read_bytes())
    data[40:60] = b"\x00" * 20  # inside the first member's compressed data and header
    archive.write_bytes(bytes(data))
    result = run("import-polis", str(archive), ok=False)
    assert "Traceback" not in result.output
    assert "[polis_export_" in result.output


def test_a_zip_that_would_unpack_past_the_limit_is_refused_before_anything_is_written(
        run, tmp_path, monkeypatch):
    from dialog.analysis import polis_source

    archive = tmp_path / "stor.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("comments.csv", COMMENTS)
        handle.writestr("votes.csv", VOTES + "0" * 2000)  # compresses to almost nothing
    monkeypatch.setattr(polis_source, "MAX_UNPACKED_BYTES", 1500)
    result = run("import-polis", str(archive), ok=False)
    assert "[polis_export_too_large]" in result.output
    assert "packas upp till mer än 1 GB" in result.output
    assert "Traceback" not in result.output


def camps_export(meta: tuple[str, str]) -> dict[str, str]:
    """Two camps of twelve split on six comments; 6 (everyone agrees) and 7 (split by camp)
    are about the meeting itself, marked ``is-meta`` as ``meta`` says."""
    texts = ["Mer belysning i parken", "Färre bilar i centrum", "Fler poliser på stan",
             "Längre öppettider på fritidsgården", "Kameror vid stationen", "Mer grönska",
             "Bra att vi får säga vad vi tycker här", "Mötet borde vara längre"]
    flags = ["false"] * 6 + list(meta)
    comments = "timestamp,comment-id,author-id,moderated,is-meta,comment-body\n" + "".join(
        f"{1500000000000 + i},{i},{i + 1},1,{flags[i]},{text}\n" for i, text in enumerate(texts))
    rows = []
    for voter in range(1, 25):
        camp = 1 if voter <= 12 else -1
        for comment in range(8):
            vote = 1 if comment == 6 else camp * (1 if comment % 2 == 0 else -1)
            rows.append(f"{1500000100000 + voter * 10 + comment},{comment},{voter},{vote}\n")
    return {"comments.csv": comments,
            "votes.csv": "timestamp,comment-id,voter-id,vote\n" + "".join(rows)}


def analysed_texts(analysis: dict) -> set[str]:
    """Every perspective text the analysis names: groups, consensus, divisive, themes."""
    entries = [e for g in analysis["opinion_groups"] for e in g["representative"]]
    entries += [e for key in ("consensus", "group_informed_consensus", "divisive", "uncertain")
                for e in analysis[key]]
    return {e["text"] for e in entries}


def test_meta_comments_are_shown_but_left_out_of_groups_and_consensus_as_in_polis(
        run, tmp_path):
    """Polis puts ``is-meta`` comments in mod-out with the rejected ones: its projection,
    groups, representative comments and consensus never read them (conversation.clj)."""
    plain = imported(run, write(tmp_path / "utan-meta", camps_export(("false", "false"))))
    meta = imported(run, write(tmp_path / "meta", camps_export(("true", "true"))))
    # Read as ordinary comments, the meeting's own comments would lead the analysis ...
    assert "Bra att vi får säga vad vi tycker här" in analysed_texts(plain["analysis"])
    # ... marked meta they are imported, shown and reacted to, but the analysis leaves them out.
    assert (meta["perspectives"], meta["hidden"], meta["reactions"]) == (8, 0, 8 * 24)
    assert meta["notes"] == ["polis_note_meta_comments"]
    assert "2 kommentarer är markerade som meta" in meta["stderr"]
    assert meta["analysis"]["counts"]["perspectives"] == 6
    named = analysed_texts(meta["analysis"])
    assert named
    assert not named & {"Bra att vi får säga vad vi tycker här", "Mötet borde vara längre"}
    assert sorted(sorted(g["members"]) for g in meta["analysis"]["opinion_groups"]) == sorted(
        sorted(g["members"]) for g in plain["analysis"]["opinion_groups"])
    # An export of the import says which comments are meta, so a round trip keeps them out.
    comments = exported(run, meta["process_id"], tmp_path / "ut")["comments.csv"]
    assert [c["is-meta"] for c in comments] == ["false"] * 6 + ["true", "true"]
    again = imported(run, tmp_path / "ut")
    assert again["analysis"]["counts"]["perspectives"] == 6


@pytest.mark.parametrize(("cell", "meta"), [("true", True), ("TRUE", True), ("t", True),
                                            ("1", True), ("false", False), ("f", False),
                                            ("0", False), ("", False)])
def test_is_meta_reads_as_polis_and_spreadsheets_write_it(tmp_path, cell, meta):
    from dialog.analysis import read_polis_export

    folder = write(tmp_path / "flagga", {
        "comments.csv": f"comment-id,author-id,moderated,is-meta,comment-body\n0,1,1,{cell},Hej\n",
        "votes.csv": VOTES.splitlines()[0] + "\n"})
    assert read_polis_export(folder).comments[0].is_meta is meta


def test_an_is_meta_that_is_neither_yes_nor_no_is_refused_in_swedish(run, tmp_path):
    folder = write(tmp_path / "konstig", {
        "comments.csv": "comment-id,author-id,moderated,is-meta,comment-body\n0,1,1,kanske,Hej\n",
        "votes.csv": VOTES.splitlines()[0] + "\n"})
    result = run("import-polis", str(folder), ok=False)
    assert "is-meta" in result.output
    assert "kanske" in result.output
