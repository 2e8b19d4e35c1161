"""The built-in rulebooks' law data, one place per jurisdiction: `cn` (national statutes),
`ningxia`, `anhui`, `jinjiang`, and the `sources` they cite. Data only: the checks they use
come from `community_governance.checks`, the machinery from `community_governance.rulebooks`."""
