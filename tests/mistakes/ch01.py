"""Plausible wrong answers to the chapter 1 exercises."""

MISTAKES = {}
