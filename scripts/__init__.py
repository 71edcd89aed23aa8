"""Tooling for the therapy-information site: build, check and report on every language."""
