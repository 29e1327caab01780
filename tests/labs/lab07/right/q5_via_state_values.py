# Right answer for q5, another way: v_pi by a linear solve on states, then q_pi = R + gamma P v_pi.
def q_epsilon_greedy(P, R, gamma, Q, epsilon):
    """Exact q_pi, shape (S, A), of the epsilon-greedy policy on the table Q (random tie-breaking)."""
    P, R, Q = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(Q, dtype=float)
    n_s, n_a = R.shape
    pi = np.empty((n_s, n_a))
    for s in range(n_s):
        ties = np.flatnonzero(Q[s] == Q[s].max())
        pi[s] = epsilon / n_a
        pi[s, ties] += (1 - epsilon) / len(ties)
    P_pi = np.einsum("sa,sat->st", pi, P)
    r_pi = (pi * R).sum(axis=1)
    v = np.linalg.solve(np.eye(n_s) - gamma * P_pi, r_pi)
    return R + gamma * np.einsum("sat,t->sa", P, v)
