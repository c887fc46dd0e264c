"""Writes of the signals app: one module per part (register, proposals, voice, notes), each function
`<entity>_<verb>(*, …, acting_user=)`, atomic, with a SignalEvent row for every step of a signal."""
