"""Huis van het Kind platform."""
