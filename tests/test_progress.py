"""The progress line's estimate of the time left, and the summary's counts."""

from __future__ import annotations

import io

from newsnorm.run.progress import Progress, Tally


def test_time_left_is_the_unread_input_at_the_rate_read_since_the_first_look():
    now, read = [0.0], [400]  # a resumed run has passed over 400 bytes at once
    progress = Progress(
        True, io.StringIO(), total_work=1_000, work_done=lambda: read[0], clock=lambda: now[0]
    )
    assert progress.seconds_left() is None  # the first look: no rate yet
    now[0], read[0] = 10.0, 500  # 100 bytes in ten seconds; 500 bytes to go
    assert progress.line(Tally(converted=9, failed=1)).endswith(", 1 failed, 0:50 left")
    assert Progress(True, io.StringIO()).seconds_left() is None  # stdin: size unknown


def test_the_summary_counts_add_up_to_the_documents_read():
    tally = Tally(converted=7, failed=2, skipped=3, already_done=5)
    assert tally.summary(1.25) == (
        "17 documents: 7 converted, 2 failed, 3 skipped, 5 already done in 1.2s"
    )
