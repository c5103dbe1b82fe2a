"""Reading a Polis export folder into plain data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialog.analysis import read_polis_export
from dialog.analysis.polis_csv import PolisExportError

COMMENTS = """timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
300,x,2,7,0,1,-1,Rejected by the moderators
100,x,0,5,2,0,1,"First, with a comma"
200,x,1,6,1,1,0,Not yet moderated
"""
# Sorted by comment, not by time, as Polis exports it: voter 10's later vote on 0 is a pass.
# Times in milliseconds, as older exports write them (newer ones write seconds).
VOTES = """timestamp,datetime,comment-id,voter-id,vote
1500000000150,x,0,10,0
1500000000110,x,0,10,1
1500000000120,x,0,11,1
1500000000210,x,1,10,-1
1500000000310,x,2,11,1
"""
# Newer exports put an xid column before group-id; blank means Polis did not cluster them.
PARTICIPANTS = """participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
10,abc,1,0,2,0,1,0,-1,
11,,,0,2,2,0,1,,1
"""


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    """Write a tiny Polis export."""
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "votes.csv").write_text(VOTES, encoding="utf-8")
    (tmp_path / "participants-votes.csv").write_text(PARTICIPANTS, encoding="utf-8")
    (tmp_path / "summary.csv").write_text("topic,Test\ngroups,1\n", encoding="utf-8")
    return tmp_path


def test_comments_are_read_with_their_moderation_state(export_dir: Path) -> None:
    export = read_polis_export(export_dir)
    assert [(c.id, c.author, c.moderated) for c in export.comments] == [
        (0, 5, 1),
        (1, 6, 0),
        (2, 7, -1),
    ]
    assert export.comments[0].body == "First, with a comma"
    assert export.accepted_comment_ids == [0, 1]
    assert export.summary["topic"] == "Test"


def test_the_vote_log_is_in_time_order(export_dir: Path) -> None:
    export = read_polis_export(export_dir)
    assert [v.timestamp - 1500000000000 for v in export.votes] == [110, 120, 150, 210, 310]
    assert export.vote_triples()[:3] == [(10, 0, 1), (11, 0, 1), (10, 0, 0)]
    # Each vote starts with (participant, comment, vote), so the log feeds VoteMatrix directly.
    assert tuple(export.votes[0])[:3] == (10, 0, 1)
    assert export.comments[0]["moderated"] == export.comments[0].moderated == 1


def test_the_vote_matrix_keeps_the_latest_vote_and_leaves_rejected_comments_out(
    export_dir: Path,
) -> None:
    matrix = read_polis_export(export_dir).vote_matrix()
    assert matrix.perspective_ids == (0, 1)
    assert matrix.participant_ids == (10, 11)
    assert matrix.values[0].tolist() == [0.0, -1.0]
    assert matrix.excluded_perspectives == 1
    assert read_polis_export(export_dir).vote_matrix(include_rejected=True).shape == (2, 3)


def test_polis_group_ids_are_read_past_the_xid_column(export_dir: Path) -> None:
    export = read_polis_export(export_dir)
    assert export.groups == {10: 1, 11: None}
    assert export.polis_groups() == {10: 1}


def test_participants_votes_is_optional(export_dir: Path) -> None:
    (export_dir / "participants-votes.csv").unlink()
    (export_dir / "summary.csv").unlink()
    export = read_polis_export(export_dir)
    assert export.groups == {}
    assert len(export.votes) == 5


def test_a_folder_without_votes_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PolisExportError) as refused:
        read_polis_export(tmp_path)
    assert refused.value.code == "polis_export_missing_files"
