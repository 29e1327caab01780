# Wrong answer for q5: exploration spread over the non-greedy actions only (epsilon / (A - 1) each, 1 - epsilon
# on the greedy one): a policy, but not the agent's, whose random action may be the greedy one too.
def q_epsilon_greedy(P, R, gamma, Q, epsilon):
    """Exact q_pi, shape (S, A), of the epsilon-greedy policy on the table Q (random tie-breaking)."""
    P, R, Q = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(Q, dtype=float)
    n_s, n_a = R.shape
    pi = np.full((n_s, n_a), epsilon / (n_a - 1))
    pi[np.arange(n_s), Q.argmax(axis=1)] = 1 - epsilon
    v = np.linalg.solve(np.eye(n_s) - gamma * np.einsum("sa,sat->st", pi, P), (pi * R).sum(axis=1))
    return R + gamma * P @ v
