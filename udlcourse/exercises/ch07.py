"""Chapter 7 exercises."""

EXERCISES = []
