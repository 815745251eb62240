"""Chapter 8 exercises."""

EXERCISES = []
