"""Maintainer and instructor tooling (run by the Makefile); learners' notebooks never import it."""
