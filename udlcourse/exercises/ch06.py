"""Chapter 6 exercises."""

EXERCISES = []
