"""Runnable scripts that print the project's quality and speed figures."""
