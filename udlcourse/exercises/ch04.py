"""Chapter 4 exercises."""

EXERCISES = []
