"""Plausible wrong answers to the chapter 19 exercises."""

import numpy as np

from udlcourse.solutions.ch19 import discounted_returns


def _returns_off_by_one(
    rewards, gamma
):  # gamma^(k+1): discounted the first reward too (caught by every case)
    return gamma * discounted_returns(rewards, gamma)


def _returns_forward(
    rewards, gamma
):  # accumulated from the start: G_t = r_t + gamma G_{t-1} (caught by gamma 0.9)
    out, running = np.zeros(len(rewards)), 0.0
    for t, r in enumerate(rewards):
        running = r + gamma * running
        out[t] = running
    return out


def _returns_power_of_t(
    rewards, gamma
):  # weights gamma^t from the episode start, not from t (gamma 0.9 case)
    weights = gamma ** np.arange(len(rewards))
    return np.cumsum((weights * rewards)[::-1])[::-1]


def _every_visit(
    episodes, n_states, gamma
):  # averaged over every visit (state 2 revisited with other returns)
    totals, counts = np.zeros(n_states), np.zeros(n_states)
    for states, rewards in episodes:
        returns = discounted_returns(rewards, gamma)
        for t, s in enumerate(states):
            totals[s] += returns[t]
            counts[s] += 1
    return np.divide(totals, counts, out=np.zeros(n_states), where=counts > 0)


def _last_visit(
    episodes, n_states, gamma
):  # overwrote the return at each visit: the last visit wins
    totals, counts = np.zeros(n_states), np.zeros(n_states)
    for states, rewards in episodes:
        returns = discounted_returns(rewards, gamma)
        latest = {int(s): returns[t] for t, s in enumerate(states)}
        for s, g in latest.items():
            totals[s] += g
            counts[s] += 1
    return np.divide(totals, counts, out=np.zeros(n_states), where=counts > 0)


def _mc_sum(
    episodes, n_states, gamma
):  # summed the first-visit returns without dividing by the visit count
    totals = np.zeros(n_states)
    for states, rewards in episodes:
        returns = discounted_returns(rewards, gamma)
        seen = set()
        for t, s in enumerate(states):
            if s not in seen:
                seen.add(s)
                totals[s] += returns[t]
    return totals


def _mc_first_reward(
    episodes, n_states, gamma
):  # averaged the immediate reward, not the return that follows
    totals, counts = np.zeros(n_states), np.zeros(n_states)
    for states, rewards in episodes:
        seen = set()
        for t, s in enumerate(states):
            if s not in seen:
                seen.add(s)
                totals[s] += rewards[t]
                counts[s] += 1
    return np.divide(totals, counts, out=np.zeros(n_states), where=counts > 0)


def _mc_nan_unvisited(
    episodes, n_states, gamma
):  # 0/0 for unvisited states (state 5 in the gamma = 1 case)
    totals, counts = np.zeros(n_states), np.zeros(n_states)
    for states, rewards in episodes:
        returns = discounted_returns(rewards, gamma)
        seen = set()
        for t, s in enumerate(states):
            if s not in seen:
                seen.add(s)
                totals[s] += returns[t]
                counts[s] += 1
    with np.errstate(invalid="ignore"):
        return totals / counts


MISTAKES = {
    "19.1": [
        _returns_off_by_one,
        _returns_forward,
        _returns_power_of_t,
        lambda rewards, gamma: np.cumsum(np.asarray(rewards, float)[::-1])[
            ::-1
        ],  # no discount (gamma 0.9 case)
        lambda rewards, gamma: float(
            discounted_returns(rewards, gamma)[0]
        ),  # only G_0, not one return per step
    ],
    "19.2": [
        lambda v, P, R, gamma: (
            R + gamma * np.einsum("sat,s->ta", P, v)
        ),  # summed over the wrong axis of P
        lambda v, P, R, gamma: (
            gamma * (R + np.einsum("sat,t->sa", P, v))
        ),  # discounted the reward as well
        lambda v, P, R, gamma: (
            R + np.einsum("sat,t->sa", P, v)
        ),  # forgot gamma (caught by gamma 0.9)
        lambda v, P, R, gamma: (
            R + gamma * np.mean(np.einsum("sat,t->sa", P, v), axis=1, keepdims=True)
        ),  # averaged
        # over actions: a state value, not an action value
        lambda v, P, R, gamma: (
            R + gamma * v[:, None]
        ),  # stayed in the same state: v[s] instead of E[v[s']]
    ],
    "19.3": [_every_visit, _last_visit, _mc_sum, _mc_first_reward, _mc_nan_unvisited],
    "19.4": [
        # bootstrapped from the best next action: that is Q-learning (caught by the first two cases)
        lambda q, s, a, r, s2, a2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * np.max(q[s2])) - q[s, a])
        ),
        # forgot the terminal state: bootstrapped from q[s_next, a_next] anyway (terminal case)
        lambda q, s, a, r, s2, a2, term, alpha, gamma: (
            q[s, a] + alpha * (r + gamma * q[s2, a2] - q[s, a])
        ),
        # used the current action in the next state, q[s_next, a]
        lambda q, s, a, r, s2, a2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * q[s2, a]) - q[s, a])
        ),
        # returned the TD error, not the new value
        lambda q, s, a, r, s2, a2, term, alpha, gamma: (
            (r if term else r + gamma * q[s2, a2]) - q[s, a]
        ),
        # alpha on the target only: (1 - alpha) is missing from the old value
        lambda q, s, a, r, s2, a2, term, alpha, gamma: (
            q[s, a] + alpha * (r if term else r + gamma * q[s2, a2])
        ),
    ],
    "19.5": [
        # argmax (an index) instead of max (a value): the tie case and the case whose best action is 0
        lambda q, s, a, r, s2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * np.argmax(q[s2])) - q[s, a])
        ),
        # forgot the terminal state (terminal case)
        lambda q, s, a, r, s2, term, alpha, gamma: (
            q[s, a] + alpha * (r + gamma * np.max(q[s2]) - q[s, a])
        ),
        # max over the current state's row instead of the next state's
        lambda q, s, a, r, s2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * np.max(q[s])) - q[s, a])
        ),
        # averaged over the next actions (expected SARSA under a uniform policy), not the max
        lambda q, s, a, r, s2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * np.mean(q[s2])) - q[s, a])
        ),
        # max over the whole table
        lambda q, s, a, r, s2, term, alpha, gamma: (
            q[s, a] + alpha * ((r if term else r + gamma * np.max(q)) - q[s, a])
        ),
    ],
    "19.6": [
        # softmax without the shift: exp(800) = inf and inf / inf = NaN (huge-logits case)
        lambda theta, a: np.eye(len(theta))[a] - np.exp(theta) / np.sum(np.exp(theta)),
        lambda theta, a: (
            np.eye(len(theta))[a] * 1.0
        ),  # forgot the softmax term (the derivative of the normaliser)
        # the sign the wrong way round
        lambda theta, a: (
            np.exp(theta - np.max(theta)) / np.sum(np.exp(theta - np.max(theta)))
            - np.eye(len(theta))[a]
        ),
        # log pi itself, not its gradient
        lambda theta, a: theta - np.max(theta) - np.log(np.sum(np.exp(theta - np.max(theta)))),
        # one-hot times (1 - pi): only the chosen action's entry
        lambda theta, a: (
            np.eye(len(theta))[a]
            * (1 - np.exp(theta - np.max(theta)) / np.sum(np.exp(theta - np.max(theta))))
        ),
    ],
}


def _returns_by_powers(
    rewards, gamma
):  # G_t = sum_k gamma^k r[t + k] with an upper-triangular weight matrix
    n = len(rewards)
    k = np.arange(n)[None, :] - np.arange(n)[:, None]
    weights = np.where(k >= 0, float(gamma) ** np.maximum(k, 0), 0.0)
    return weights @ np.asarray(rewards, float)


def _returns_lfilter(
    rewards, gamma
):  # the classic scipy one-liner: a first-order filter run backwards
    from scipy.signal import lfilter

    return lfilter([1.0], [1.0, -gamma], np.asarray(rewards, float)[::-1])[::-1]


def _mc_unique(episodes, n_states, gamma):  # first visits found with np.unique(return_index=True)
    totals, counts = np.zeros(n_states), np.zeros(n_states)
    for states, rewards in episodes:
        returns = discounted_returns(rewards, gamma)
        first_states, first_steps = np.unique(states, return_index=True)
        np.add.at(totals, first_states, returns[first_steps])
        np.add.at(counts, first_states, 1)
    estimate = np.zeros(n_states)
    estimate[counts > 0] = totals[counts > 0] / counts[counts > 0]
    return estimate


def _sarsa_in_place(
    q, s, a, r, s_next, a_next, terminal, alpha, gamma
):  # wrote into the table (every case)
    q[s, a] += alpha * ((r if terminal else r + gamma * q[s_next, a_next]) - q[s, a])
    return q[s, a]


def _q_learning_in_place(
    q, s, a, r, s_next, terminal, alpha, gamma
):  # wrote into the table (every case)
    best = 0.0 if terminal else max(q[s_next])
    q[s, a] = (1 - alpha) * q[s, a] + alpha * (r + gamma * best)
    return q[s, a]


ALTERNATIVES = {
    "19.1": [
        _returns_by_powers,
        _returns_lfilter,
        lambda rewards, gamma: np.array(
            [sum(gamma**k * x for k, x in enumerate(rewards[t:])) for t in range(len(rewards))]
        ),
        lambda rewards, gamma: discounted_returns(
            np.asarray(rewards, np.float32), np.float32(gamma)
        ),  # float32
    ],
    "19.2": [
        lambda v, P, R, gamma: R + gamma * np.einsum("sat,t->sa", P, v),
        lambda v, P, R, gamma: np.array(
            [
                [
                    R[s, a] + gamma * sum(P[s, a, t] * v[t] for t in range(len(v)))
                    for a in range(R.shape[1])
                ]
                for s in range(R.shape[0])
            ]
        ),  # loops
        lambda v, P, R, gamma: R + gamma * np.tensordot(P, v, axes=([2], [0])),
    ],
    "19.3": [_mc_unique],
    "19.6": [
        lambda theta, a: (
            np.eye(len(theta))[a] - __import__("scipy.special", fromlist=["softmax"]).softmax(theta)
        ),
        lambda theta, a: (
            np.eye(len(theta))[a] - np.exp(theta - np.logaddexp.reduce(theta))
        ),  # exp of log-softmax
    ],
}


MISTAKES["19.4"].append(_sarsa_in_place)
MISTAKES["19.5"].append(_q_learning_in_place)
