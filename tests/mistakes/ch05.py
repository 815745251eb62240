"""Plausible wrong answers to the chapter 5 exercises."""

MISTAKES = {}
