"""The progress line's estimate of the time left, and the summary's counts."""

from __future__ import annotations

import io

from newsnorm.progress import Progress, Tally


def test_time_left_scales_elapsed_time_by_the_input_still_unread():
    progress = Progress(True, io.StringIO(), total_bytes=1_000, bytes_read=lambda: 250)
    progress.started -= 10  # ten seconds for a quarter of the input: thirty more to go
    assert progress.line(Tally(converted=9, failed=1)).endswith(", 1 failed, 0:30 left")
    assert Progress(True, io.StringIO()).seconds_left() is None  # stdin: size unknown


def test_the_summary_counts_add_up_to_the_documents_read():
    tally = Tally(converted=7, failed=2, skipped=3, already_done=5)
    assert tally.summary(1.25) == (
        "17 documents: 7 converted, 2 failed, 3 skipped, 5 already done in 1.2s"
    )
