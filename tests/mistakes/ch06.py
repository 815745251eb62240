"""Plausible wrong answers to the chapter 6 exercises."""

MISTAKES = {}
