"""Near-duplicates are shown once, led by the copy whose citation a reader can check (a paged
report before its unpaged seed copy or a news story quoting it)."""

from __future__ import annotations

from ofsted_qa.retrieval.dedupe import group, lead_with

REPORT = "Most care leavers live in suitable accommodation and are in touch with their advisers."


def test_the_paged_copy_leads_its_group_and_groups_keep_their_order() -> None:
    texts = [REPORT, "Adoption is timely for most children.", REPORT + " ", "Unrelated text here."]
    groups = group(texts)
    assert groups == [[0, 2], [1], [3]]
    paged = {2, 3}
    assert lead_with(groups, paged.__contains__) == [[2, 0], [1], [3]]
    assert lead_with(groups, lambda _i: False) == groups  # none preferred: rank order
