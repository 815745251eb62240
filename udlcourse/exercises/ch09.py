"""Chapter 9 exercises."""

EXERCISES = []
