"""The public check vocabulary (like ``attrs.validators``): factories that make the checks the
built-in rulebooks use, for a locality or an embedding app to reuse in its own rules.

One module per topic: `bodies`, `composition`, `elections`, `tally`, `proxies`, `recall`,
`evaluation`, `tenure`, `meetings`, `pass_rules`, `proposals`, `access`, `lists`, `grids`,
`procedure_guards`; the named measures rules compare are in `measures` and `meeting_measures`.
Checks know no jurisdiction: the law (numbers, dates, citations) is passed in by the rulebook.
"""
