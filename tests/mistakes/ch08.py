"""Plausible wrong answers to the chapter 8 exercises."""

MISTAKES = {}
