"""Writes of the network app (STYLE.md rule 2): one module per topic, every function keyword-only with
`acting_user=`, atomic, checking who acts first (selectors.access), mail and tasks after commit."""
