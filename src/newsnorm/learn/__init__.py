"""Learning an outlet's template from a batch of its pages (`newsnorm learn`,
`newsnorm convert --learn`).

    drafts = learn(["crawl.warc.gz"])                  # one Draft per outlet
    for draft in drafts:
        Path("profiles", draft.file_name).write_text(draft.text())

Every outlet's template repeats on each of its pages: menus, share bars, newsletter and
"most read" boxes, footers. The pages are grouped by outlet (newsnorm.learn.grouping), each
group's repeated runs of lines are learned (newsnorm.learn.template), and each group with
enough pages becomes a draft profile (newsnorm.learn.drafts) that newsnorm applies like any
other (newsnorm.profiles.template_rules). Learning reads each document once, streamed, and
keeps hashes of its lines, not their text.
"""

from newsnorm.learn.drafts import Draft
from newsnorm.learn.run import (
    DEFAULT_MIN_PAGES,
    Learned,
    learn,
    learn_documents,
    template_shares,
)

__all__ = ["DEFAULT_MIN_PAGES", "Draft", "Learned", "learn", "learn_documents", "template_shares"]
