"""The public check vocabulary (like ``attrs.validators``): factories that make the checks the
built-in rulebooks use, for a locality or an embedding app to reuse in its own rules.

One module per topic: `bodies`, `composition`, `people` (eligibility of persons in roles),
`elections`, `tally`, `proxies`, `recall`, `evaluation`, `tenure`, `meetings`, `pass_rules`,
`proposals`, `access`, `lists`, `work_item_lists`, `grids`, `procedure_guards`; the named
measures rules compare are in `measures` and `meeting_measures`; `compose` is the vocabulary
rulebook files build rules from.
Checks know no jurisdiction: the law (numbers, dates, citations) is passed in by the rulebook.
"""
