"""Plausible wrong answers to the chapter 9 exercises."""

MISTAKES = {}
