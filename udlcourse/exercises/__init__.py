"""Every exercise of the course, by number ("2.1" is chapter 2's first exercise).

Each chapter module lists its exercises (reference solution, test inputs, hint) in ``EXERCISES``;
:func:`udlcourse.check.check` looks them up here.
"""

from udlcourse.check import Exercise
from udlcourse.exercises import ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12, ch13

CHAPTERS = (ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12, ch13)

EXERCISES: dict[str, Exercise] = {exercise.id: exercise for chapter in CHAPTERS for exercise in chapter.EXERCISES}
