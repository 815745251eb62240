"""Plausible wrong answers to the chapter 4 exercises."""

MISTAKES = {}
