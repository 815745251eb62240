"""Plausible wrong answers to the chapter 7 exercises."""

MISTAKES = {}
