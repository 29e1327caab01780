# Wrong answer for q5: the values of the greedy policy of Q (exploration left out), i.e. epsilon ignored.
def q_epsilon_greedy(P, R, gamma, Q, epsilon):
    """Exact q_pi, shape (S, A), of the epsilon-greedy policy on the table Q (random tie-breaking)."""
    P, R, Q = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(Q, dtype=float)
    n_s, n_a = R.shape
    best = Q == Q.max(axis=1, keepdims=True)
    pi = best / best.sum(axis=1, keepdims=True)
    v = np.linalg.solve(np.eye(n_s) - gamma * np.einsum("sa,sat->st", pi, P), (pi * R).sum(axis=1))
    return R + gamma * P @ v
