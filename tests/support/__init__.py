"""Test doubles that live outside the installed package (test web server, fake network)."""
