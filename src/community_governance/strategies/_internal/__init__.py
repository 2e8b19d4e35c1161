"""The strategies by topic; `community_governance.strategies` re-exports the public ones."""
