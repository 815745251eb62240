"""Chapter 1 (Introduction): background maths."""

EXERCISES = []
