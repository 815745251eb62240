"""Plausible wrong answers to the chapter 3 exercises."""

MISTAKES = {}
