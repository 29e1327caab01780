# Wrong answer for q1: iterates v <- R_pi + P_pi v, forgetting the discount gamma.
def policy_evaluation(P, R, gamma, policy):
    """v_pi, shape (S,), for P (S, A, S), R (S, A), a discount gamma < 1 and policy (S, A)."""
    P, R, policy = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(policy, dtype=float)
    R_pi = np.sum(policy * R, axis=1)
    P_pi = np.einsum("sa,sat->st", policy, P)
    v = np.zeros(len(R_pi))
    for _ in range(200):
        v = R_pi + P_pi @ v
    return v
