"""Chapter 19 (Reinforcement learning): discounted returns, one Bellman backup, first-visit Monte Carlo
prediction, the SARSA and Q-learning updates and the score function of a softmax policy."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch19 as solutions

_rng = np.random.default_rng(19)
_rewards = np.array([0.0, -1.0, 2.0, 0.0, 5.0])
_S, _A = 5, 3
_P = _rng.uniform(size=(_S, _A, _S)) ** 3
_P /= _P.sum(axis=2, keepdims=True)
_R = _rng.normal(size=(_S, _A))
_v = _rng.normal(size=_S)
_P_sparse = np.zeros((_S, _A, _S))
_P_sparse[
    np.arange(_S)[:, None],
    np.arange(_A)[None, :],
    (np.arange(_S)[:, None] + np.arange(_A)[None, :] + 1) % _S,
] = 1
_q = np.round(_rng.normal(size=(6, 4)), 2)
_q_tie = np.array([[0.0, 1.0, 1.0, -2.0], [0.5, 3.0, -1.0, 2.0], [4.0, -3.0, 0.0, 1.0]])

# episodes as (states, rewards): rewards[t] follows states[t]; state 2 is revisited with different returns
_episodes = [
    (np.array([0, 2, 1, 2, 3]), np.array([0.0, 1.0, 0.0, 2.0, 1.0])),
    (np.array([2, 2, 4]), np.array([1.0, 0.0, 3.0])),
    (np.array([1, 3]), np.array([-1.0, 0.5])),
]

EXERCISES = [
    Exercise(
        id="19.1",
        title="the discounted return at every time step",
        reference=solutions.discounted_returns,
        cases=(
            Case(
                (_rewards, 0.9),
                note="five rewards, gamma = 0.9: G_0 weights the last reward by 0.9⁴",
            ),
            Case((_rewards, 1.0), note="gamma = 1: G_t is the plain sum of the rewards from t on"),
            Case((_rewards, 0.0), note="gamma = 0: G_t is the next reward alone"),
            Case(
                (np.array([0.0, 0.0, 0.0, 1.0]), 0.5),
                note="a single reward at the end (as in FrozenLake)",
            ),
            Case((np.array([3.0]), 0.7), note="a one-step episode"),
        ),
        hint=(
            "Eq. 19.1: G_t = r_{t+1} + γ·r_{t+2} + γ²·r_{t+3} + …, and rewards[t] is r_{t+1}, so rewards[t] itself "
            "is not discounted (γ⁰ = 1). Work backwards from the end: G_t = rewards[t] + γ·G_{t+1}, with G = 0 after "
            "the last step. Return a numpy array of floats with one return per time step."
        ),
    ),
    Exercise(
        id="19.2",
        title="one Bellman backup: action values from state values",
        reference=solutions.bellman_backup,
        cases=(
            Case((_v, _P, _R, 0.9), note="5 states, 3 actions, random transition probabilities"),
            Case(
                (_v, _P_sparse, _R, 0.5),
                note="deterministic moves: action a takes state s to s + a + 1 (mod 5)",
            ),
            Case((np.zeros(_S), _P, _R, 0.9), note="v = 0: q is the expected immediate reward"),
            Case(
                (_v, _P, np.zeros((_S, _A)), 1.0),
                note="no rewards, gamma = 1: q is the expected next value",
            ),
        ),
        hint=(
            "Eq. 19.8: q[s, a] = r[s, a] + γ·Σ_{s'} Pr(s'|s, a)·v[s']. transitions[s, a, s'] holds Pr(s'|s, a), so "
            "sum over its last axis (transitions @ v), add the rewards and discount only the next-state values. "
            "The result has one row per state and one column per action."
        ),
    ),
    Exercise(
        id="19.3",
        title="first-visit Monte Carlo prediction",
        reference=solutions.first_visit_mc,
        cases=(
            Case((_episodes, 5, 0.9), note="state 2 is visited twice in each of two episodes"),
            Case(
                (_episodes, 6, 1.0),
                note="gamma = 1; state 5 is never visited and keeps the value 0",
            ),
            Case((_episodes[:1], 5, 0.5), note="one episode"),
            Case(
                ([(np.array([0, 0, 0]), np.array([1.0, 1.0, 1.0]))], 2, 0.9),
                note="one state visited three times: only the first visit's return counts",
            ),
        ),
        hint=(
            "§19.3.2: for each episode compute the discounted return G_t at every step (eq. 19.1; Exercise 19.1), "
            "then, for each state, add the return that follows its FIRST visit in that episode and count one "
            "visit. The estimate is the average of these returns over the episodes that visit the state; states "
            "that are never visited get 0."
        ),
    ),
    Exercise(
        id="19.4",
        title="the SARSA update",
        reference=solutions.sarsa_update,
        cases=(
            Case(
                (_q, 1, 2, -1.0, 3, 0, False, 0.5, 0.9),
                note="the next action 0 is not the best action in state 3",
            ),
            Case(
                (_q_tie, 0, 3, 2.0, 1, 2, False, 0.1, 0.99),
                note="the next action 2 is the worst action in state 1",
            ),
            Case(
                (_q, 2, 1, 10.0, 4, 3, True, 0.5, 0.9),
                note="s_next is terminal: nothing to bootstrap from",
            ),
            Case(
                (_q, 5, 0, 0.0, 5, 1, False, 1.0, 0.5), note="alpha = 1: the old value is forgotten"
            ),
        ),
        hint=(
            "Eq. 19.14: q[s, a] + α·(r + γ·q[s_next, a_next] − q[s, a]). SARSA bootstraps from the action the "
            "policy actually takes next (a_next), not from the best one; when s_next is terminal the target is just "
            "r. Return the new value of q[s, a] (a single number) and leave the table q unchanged: the notebook "
            "writes the value back itself."
        ),
    ),
    Exercise(
        id="19.5",
        title="the Q-learning update",
        reference=solutions.q_learning_update,
        cases=(
            Case((_q, 1, 2, -1.0, 3, False, 0.5, 0.9), note="an ordinary transition"),
            Case(
                (_q_tie, 0, 3, 2.0, 2, False, 0.1, 0.99),
                note="in state 2 the best action is 0, worth 4",
            ),
            Case(
                (_q_tie, 1, 0, 1.0, 0, False, 0.5, 0.9),
                note="state 0 has a tie for the best value (1.0)",
            ),
            Case(
                (_q, 2, 1, 10.0, 4, True, 0.5, 0.9),
                note="s_next is terminal: nothing to bootstrap from",
            ),
        ),
        hint=(
            "Eq. 19.15: q[s, a] + α·(r + γ·max_a' q[s_next, a'] − q[s, a]). Take the largest VALUE in row s_next "
            "(np.max, not np.argmax, which is an index); when s_next is terminal the target is just r. Return the "
            "new value of q[s, a] (a single number) and leave the table q unchanged: the notebook writes the value "
            "back itself."
        ),
    ),
    Exercise(
        id="19.6",
        title="the score of a softmax policy",
        reference=solutions.softmax_score,
        cases=(
            Case((np.array([0.5, -1.0, 2.0, 0.0]), 1), note="four actions"),
            Case((np.zeros(3), 0), note="a uniform policy over three actions"),
            Case(
                (np.array([800.0, 0.0, -800.0]), 2),
                note="huge logits: exp(800) overflows unless shifted",
            ),
            Case((np.array([1.0, 3.0]), 1), note="two actions"),
        ),
        hint=(
            "With π = softmax(θ), log π[a] = θ_a − log Σ_k exp(θ_k), so ∂ log π[a]/∂θ_k = 1[k = a] − π_k: the "
            "one-hot vector of the action minus the policy's probabilities. Compute the softmax stably (subtract "
            "the largest θ first) and do not change theta in place."
        ),
    ),
]
