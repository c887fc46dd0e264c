"""Reads of activities, always through the network: `access` (who manages what), `availability` (places and
waiting lists), and the topic modules beside them."""
