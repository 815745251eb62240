"""Chapter 5 exercises."""

EXERCISES = []
