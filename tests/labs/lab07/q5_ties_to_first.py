# Wrong answer for q5: the greedy share 1 - epsilon goes to the first maximiser only (np.argmax), so rows of Q
# with tied maximisers give a different policy from the agent's, which breaks ties at random.
def q_epsilon_greedy(P, R, gamma, Q, epsilon):
    """Exact q_pi, shape (S, A), of the epsilon-greedy policy on the table Q (random tie-breaking)."""
    P, R, Q = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(Q, dtype=float)
    n_s, n_a = R.shape
    pi = np.full((n_s, n_a), epsilon / n_a)
    pi[np.arange(n_s), Q.argmax(axis=1)] += 1 - epsilon
    v = np.linalg.solve(np.eye(n_s) - gamma * np.einsum("sa,sat->st", pi, P), (pi * R).sum(axis=1))
    return R + gamma * P @ v
