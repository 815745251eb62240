"""Chapter 3 exercises."""

EXERCISES = []
